#include "run/session.hpp"

#include <chrono>
#include <thread>

#include "corpus/catalog_support.hpp"
#include "corpus/reference_answer.hpp"
#include "serve/reference_server.hpp"

namespace upspec::run {
namespace {

using clock_type = std::chrono::steady_clock;

std::string limits_key(const request::limits& l) {
  return std::to_string(l.max_field_size) + "/" +
         (l.max_file_size ? std::to_string(*l.max_file_size) : "-") + "/" +
         (l.max_files ? std::to_string(*l.max_files) : "-");
}

}  // namespace

const corpus::test_case& canary_case() {
  static const corpus::test_case c = [] {
    corpus::test_case k;
    k.id = "canary.single-file";
    k.category = "canary";
    const auto r = corpus::build::single_request();
    k.request.headers = {{"Content-Type", r.content_type}};
    k.request.body = r.body;
    k.expect = corpus::expectation_from(corpus::reference_reply(k));
    return k;
  }();
  return c;
}

// The built-in reference server, one instance per limits profile the cases assume.
class builtin_servers {
 public:
  explicit builtin_servers(std::chrono::milliseconds timeout) : timeout_(timeout) {}
  endpoint get(const request::limits& l) {
    std::lock_guard lock(mutex_);
    auto& s = servers_[limits_key(l)];
    if (!s) s = start(l);
    return {"127.0.0.1", s->port(), "/graphql"};
  }
  void restart(const request::limits& l) {
    std::lock_guard lock(mutex_);
    auto& s = servers_[limits_key(l)];
    if (s) s->stop();
    s = start(l);
  }

 private:
  std::unique_ptr<serve::background_server> start(const request::limits& l) {
    serve::server_options o;
    o.limits = l;
    o.idle_timeout = timeout_;
    return std::make_unique<serve::background_server>(o);
  }
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<serve::background_server>> servers_;
};

target_session::target_session(const target& t, const run_options& options, server_control* control)
    : target_(t), options_(options), control_(control), canary_(options.canary) {
  extra_ = t.headers;
  extra_.insert(extra_.end(), options.headers.begin(), options.headers.end());
  if (t.builtin) {
    builtin_ = std::make_unique<builtin_servers>(options.timeout);
    url_ = "http://127.0.0.1:{port}/graphql";
    return;
  }
  fixed_ = std::get<endpoint>(parse_url(t.url));
  url_ = t.url;
  if (control_) {
    const std::string port = ":" + std::to_string(fixed_.port);
    if (const auto at = url_.find(port); at != std::string::npos)
      url_.replace(at, port.size(), ":{port}");
  }
  if (!canary_) return;
  if (auto failure = canary_fails(fixed_, nullptr)) {
    canary_ = false;
    // Nothing listening is said once by the cases themselves, as ERROR.
    if (failure->how != silence::unreachable)
      add_note(
          "the canary (the specification's single-file upload) fails on this target before any "
          "case (" +
          failure->why +
          "): neither poisoning nor the reuse of a connection after an error answer is judged");
  }
}

target_session::~target_session() = default;

std::string target_session::note() const {
  std::lock_guard lock(notes_mutex_);
  return note_;
}

std::string target_session::first_silence() const {
  std::lock_guard lock(notes_mutex_);
  return first_silence_;
}

void target_session::add_note(const std::string& line) {
  std::lock_guard lock(notes_mutex_);
  note_ += (note_.empty() ? "" : "; ") + line;
}

endpoint target_session::endpoint_for(const corpus::test_case& c) {
  return builtin_ ? builtin_->get(c.limits) : fixed_;
}

std::optional<target_session::canary_failure> target_session::canary_fails(
    const endpoint& ep, client::raw_connection* reuse) {
  client::raw_connection fresh(options_.timeout);
  client::raw_connection& conn = reuse ? *reuse : fresh;
  if (!reuse)
    if (auto ec = conn.connect(ep.host, ep.port))
      return canary_failure{"cannot connect: " + ec.message(), silence::unreachable};
  const auto x = exchange(conn, canary_case(), ep, extra_);
  if (!x.response) return canary_failure{x.error, x.why_none};
  answered_ = true;
  observation seen;
  seen.response = x.response;
  const judgement j = judge(canary_case(), {}, seen);
  if (j.verdict != corpus::verdict::pass)
    return canary_failure{j.findings.empty() ? "unexpected answer" : j.findings.front(),
                          silence::none};
  return std::nullopt;
}

std::optional<std::string> target_session::check_exit(bool answered) {
  if (!control_) return std::nullopt;
  auto how = control_->exited();
  // A crash can reset the connection a moment before the process is gone.
  for (int i = 0; !how && !answered && i < 10; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    how = control_->exited();
  }
  return how;
}

void target_session::restart(const corpus::test_case& c, const std::string& reason,
                             std::uint64_t generation) {
  std::unique_lock lock(gate_);
  if (generation != generation_ || down_) return;
  ++generation_;
  if (builtin_) {
    builtin_->restart(c.limits);
  } else if (control_ && !control_->restart(reason)) {
    down_ = true;
    add_note("the server could not be started again after case " + c.id + " (" + reason +
             "): every later case is ERROR; its log says why");
  }
}

case_result target_session::play(const corpus::test_case& c, connections& mine) {
  const auto started = clock_type::now();
  case_result r;
  observation seen;
  std::optional<std::string> restart_reason;
  std::uint64_t generation = 0;
  {
    std::shared_lock lock(gate_);
    generation = generation_;
    if (down_) {
      r.j.verdict = corpus::verdict::error;
      r.j.findings.push_back("not run: the server could not be started again (see the note)");
      r.j.problems.push_back(problem::unjudged);
      r.j.actual_summary = "not run";
      return r;
    }
    const endpoint ep = endpoint_for(c);
    auto& conn = mine[ep.port];
    if (conn && !conn->is_open()) conn.reset();
    const bool reused = conn != nullptr;
    if (!conn) {
      conn = std::make_unique<client::raw_connection>(options_.timeout);
      if (auto ec = conn->connect(ep.host, ep.port)) {
        seen.why_none = silence::unreachable;
        seen.transport_error =
            "cannot connect to " + ep.host + ":" + std::to_string(ep.port) + ": " + ec.message();
        conn.reset();
      }
    }
    if (conn) {
      auto x = exchange(*conn, c, ep, extra_);
      if (!x.response && reused && c.request.how.mode != corpus::transport_mode::abort) {
        // The server may have closed the idle keep-alive connection: one retry on a new one.
        conn = std::make_unique<client::raw_connection>(options_.timeout);
        if (!conn->connect(ep.host, ep.port)) x = exchange(*conn, c, ep, extra_);
      }
      if (x.response) answered_ = true;
      r.sending = x.sending;
      r.waiting = x.waiting;
      seen.response = x.response;
      seen.why_none = x.why_none;
      seen.transport_error = x.error;
      r.wire = std::move(x.wire);
      if (builtin_ || control_) {
        // The port changes from run to run; reports must diff cleanly.
        const std::string host = "127.0.0.1:" + std::to_string(ep.port);
        for (auto at = r.wire.find(host); at != std::string::npos; at = r.wire.find(host, at))
          r.wire.replace(at, host.size(), "127.0.0.1:{port}");
      }
      r.connection = x.reusable ? "reused" : "closed";
      if (canary_ && x.reusable && x.response && x.response->status >= 400) {
        // RFC 9112 §9.3: a connection the server keeps open must carry the next request.
        if (auto failure = canary_fails(ep, conn.get())) {
          seen.connection_unusable = true;
          r.connection = "broken";
          r.wire +=
              "\n\n[a request on the same connection afterwards failed: " + failure->why + "]";
          conn.reset();
        }
      } else if (!x.reusable) {
        conn.reset();
      }
    }
    if (!seen.response && seen.why_none != silence::aborted) {
      std::lock_guard notes(notes_mutex_);
      if (first_silence_.empty()) first_silence_ = seen.transport_error;
    }
    if (auto how = check_exit(seen.response.has_value())) {
      seen.server_exited = *how;
      restart_reason = "it " + *how + " during case " + c.id;
    }
    // A target that cannot be reached at all is down, not poisoned by this case.
    const auto canary_started = clock_type::now();
    if (canary_ && seen.why_none != silence::unreachable && seen.server_exited.empty()) {
      if (auto failure = canary_fails(ep, nullptr)) {
        if (auto how = check_exit(false)) {
          seen.server_exited = *how;
          restart_reason = "it " + *how + " during case " + c.id;
        } else {
          seen.canary_failed = true;
          seen.unresponsive =
              failure->how == silence::timeout || failure->how == silence::unreachable;
          seen.canary_error = failure->why;
          r.poisoned = !seen.unresponsive;
          // With several cases in flight, a poisoned server cannot be blamed on one case; one
          // that stopped answering is restarted whatever the number.
          if (seen.unresponsive)
            restart_reason = "it stopped answering after case " + c.id;
          else if (options_.jobs == 1 || options_.restart_poisoned_always)
            restart_reason = "the canary failed after case " + c.id;
        }
      }
    }
    r.canary =
        std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - canary_started);
  }
  if (restart_reason && (builtin_ || control_)) restart(c, *restart_reason, generation);
  r.j = judge(c, target_.traits, seen);
  r.response = std::move(seen.response);
  r.duration_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - started).count();
  return r;
}

}  // namespace upspec::run
