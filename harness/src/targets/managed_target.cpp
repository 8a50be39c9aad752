#include "targets/managed_target.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <ctime>
#include <fstream>
#include <thread>

#include "client/http_request.hpp"
#include "client/http_response.hpp"
#include "client/raw_connection.hpp"
#include "files/read_file.hpp"
#include "run/report_index.hpp"
#include "targets/install_step.hpp"

namespace upspec::targets {
namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

// A server that crashes again at once is given a moment more each time (up to 100 ms), so a
// crash loop does not spin; one that stays up a while starts over from no wait. Short: a server
// that crashes on every case is restarted for every case.
constexpr std::chrono::milliseconds kFirstBackoff{20};
constexpr std::chrono::milliseconds kMostBackoff{100};
constexpr std::chrono::seconds kCalmAfter{5};
// A start that fails is tried once more before the target is given up.
constexpr int kStartAttempts = 2;

}  // namespace

std::uint16_t free_loopback_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0},
                                          /*reuse_address=*/false);
  return acceptor.local_endpoint().port();
}

managed_target::managed_target(target_definition d, fs::path log, bring_up_options options)
    : def_(std::move(d)), log_(std::move(log)), options_(options), target_(def_.target) {}

managed_target::~managed_target() {
  stop();
}

void managed_target::note(const std::string& line) const {
  std::ofstream out(log_, std::ios::app);
  out << "== upspec " << run::utc_now() << ": " << line << "\n";
}

std::string managed_target::log_tail(std::size_t bytes) const {
  std::string text = files::read_text(log_).value_or("");
  if (text.size() <= bytes) return text;
  text.erase(0, text.size() - bytes);
  if (const auto nl = text.find('\n'); nl != std::string::npos) text.erase(0, nl + 1);
  return "[...]\n" + text;
}

std::optional<std::string> managed_target::install_if_needed() {
  const install_step step{def_.dir, def_.install, def_.installed, def_.lockfiles,
                          def_.install_timeout};
  return targets::install_if_needed(step, options_.reinstall, log_,
                                    [this](const std::string& line) { note(line); });
}

std::optional<std::string> managed_target::wait_until_ready() {
  const auto endpoint = std::get<run::endpoint>(run::parse_url(target_.url));
  const auto deadline = clock_type::now() + def_.ready.timeout;
  std::string last = "no answer yet";
  std::chrono::milliseconds poll{10};
  while (clock_type::now() < deadline) {
    if (auto how = server_.exited()) return "the server " + *how + " before it was ready";
    client::raw_connection conn(std::chrono::seconds(5));
    if (auto ec = conn.connect(endpoint.host, endpoint.port)) {
      last = "cannot connect: " + ec.message();
    } else {
      client::http_request probe;
      probe.method = def_.ready.method;
      probe.target = endpoint.path;
      probe.host = endpoint.host + ":" + std::to_string(endpoint.port);
      if (!def_.ready.body.empty()) probe.headers.emplace_back("Content-Type", "application/json");
      probe.headers.insert(probe.headers.end(), target_.headers.begin(), target_.headers.end());
      probe.body = def_.ready.body;
      probe.body_framing = def_.ready.body.empty() && probe.method == "GET"
                               ? client::framing::none
                               : client::framing::content_length;
      client::http_response answer;
      if (auto sent = conn.send(client::request_bytes(probe))) {
        last = "cannot send the probe: " + sent.message();
      } else if (auto read = conn.read_response(answer)) {
        last = "no answer to the probe: " + read.message();
      } else if (answer.status == def_.ready.status) {
        return std::nullopt;
      } else {
        last = "the probe was answered " + std::to_string(answer.status) + ": " +
               answer.body.substr(0, 200);
      }
    }
    // Quick at first (a restart is usually ready within milliseconds), then every 200 ms.
    std::this_thread::sleep_for(poll);
    poll = std::min(poll * 2, std::chrono::milliseconds(200));
  }
  return "not ready within " + std::to_string(def_.ready.timeout.count()) + " s (" + last + ")";
}

std::optional<std::string> managed_target::start_and_wait() {
  // A restart keeps the port: the runner and its connections know the target by it.
  if (port_ == 0) port_ = free_loopback_port();
  target_.url = url_on_port(def_.target.url, port_);
  note("starting on port " + std::to_string(port_) + ": " + def_.start);
  const environment env{{"PORT", std::to_string(port_)}, {"HOST", "127.0.0.1"}};
  if (auto why = server_.start(def_.start, def_.dir, env, log_)) return why;
  if (auto why = wait_until_ready()) {
    note(*why);
    server_.stop();
    return why;
  }
  note("ready at " + target_.url);
  return std::nullopt;
}

std::optional<std::string> managed_target::bring_up() {
  std::lock_guard lock(mutex_);
  for (const auto& command : def_.required_commands)
    if (!on_path(command)) {
      const std::string why = "needs '" + command + "', which is not on PATH";
      note(why);
      return why;
    }
  if (auto why = install_if_needed()) return why;
  return start_and_wait();
}

void managed_target::stop() {
  std::lock_guard lock(mutex_);
  if (server_.running()) {
    server_.stop();
    note("stopped");
  }
}

std::optional<std::string> managed_target::exited() {
  std::lock_guard lock(mutex_);
  if (gave_up_) return std::string("could not be started again");
  return server_.exited();
}

bool managed_target::restart(const std::string& reason) {
  std::lock_guard lock(mutex_);
  if (gave_up_) return false;
  ++restarts_;
  const auto crashed = server_.exited();
  if (crashed)
    note("the server " + *crashed + "; restarting (" + reason + ")");
  else
    note("restarting (" + reason + ")");
  // Only a server that ended by itself backs off: a restart the harness decided (a poisoned
  // server, one that stopped answering) is no crash loop.
  const auto now = clock_type::now();
  if (!crashed)
    backoff_ = std::chrono::milliseconds(0);
  else if (now - last_restart_ > kCalmAfter)
    backoff_ = std::chrono::milliseconds(0);
  else
    backoff_ = std::min(kMostBackoff, std::max(kFirstBackoff, 2 * backoff_));
  if (crashed) last_restart_ = now;
  server_.stop();
  if (backoff_.count() > 0) std::this_thread::sleep_for(backoff_);
  for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
    if (!start_and_wait()) return true;
    server_.stop();
  }
  note("the server could not be started again: giving up");
  gave_up_ = true;
  return false;
}

}  // namespace upspec::targets
