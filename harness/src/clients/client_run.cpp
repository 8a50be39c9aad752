#include "clients/client_run.hpp"

#include <fstream>
#include <map>
#include <thread>

#include "clients/plan.hpp"
#include "files/read_file.hpp"
#include "run/report_index.hpp"
#include "run/wire.hpp"
#include "targets/child_process.hpp"
#include "targets/install_step.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::clients {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kWireLimit = 8 * 1024;
// Where reports say the recording server was: its port changes from run to run.
constexpr const char* kShownUrl = "http://127.0.0.1:{port}/graphql";
constexpr std::size_t kLogTail = 4 * 1024;
// A request cut off by the adapter's end is recorded when the server notices; this is how long
// that may take on a busy machine.
constexpr std::chrono::milliseconds kStragglers{150};

std::string request_text(const serve::recorded_request& r) {
  std::string text = r.method + " " + r.target + " HTTP/" + std::to_string(r.version / 10) + "." +
                     std::to_string(r.version % 10) + "\r\n";
  for (const auto& [k, v] : r.headers) {
    // The recording server's port changes from run to run; reports keep it out (report-format.md).
    const auto colon = v.rfind(':');
    const bool host = multipart::iequals(k, "host");
    text += k + ": " + (host && colon != std::string::npos ? v.substr(0, colon) + ":{port}" : v) +
            "\r\n";
  }
  return text + "\r\n" + r.body;
}

std::string tail_of(const fs::path& log, std::size_t from) {
  std::string text = files::read_text(log).value_or("");
  text.erase(0, std::min(from, text.size()));
  if (text.size() > kLogTail) text = "[...]\n" + text.substr(text.size() - kLogTail);
  return text;
}

// Lines "upspec-scenario ID: what happened" that an adapter writes when the library refused to
// perform a scenario; quoted when no request arrived for it.
std::map<std::string, std::string> adapter_remarks(const std::string& output) {
  std::map<std::string, std::string> out;
  std::size_t at = 0;
  while (at < output.size()) {
    const auto end = std::min(output.find('\n', at), output.size());
    const std::string line = output.substr(at, end - at);
    at = end + 1;
    constexpr std::string_view kTag = "upspec-scenario ";
    if (line.rfind(kTag, 0) != 0) continue;
    const auto colon = line.find(": ", kTag.size());
    if (colon == std::string::npos) continue;
    out[line.substr(kTag.size(), colon - kTag.size())] = line.substr(colon + 2, 300);
  }
  return out;
}

// What a report shows of the request judged: its bytes, how its body ended, and the reference
// server's answer to it.
void shown_in_report(const serve::recorded_request& first, run::case_result& res) {
  res.wire = run::escape_bytes(request_text(first), kWireLimit);
  res.connection = first.complete ? "" : "broken";
  if (first.status == 0) return;
  client::http_response answer;
  answer.status = first.status;
  answer.headers.emplace_back("Content-Type", "application/json");
  answer.body = first.reply;
  res.response = std::move(answer);
}

run::case_result unjudged(std::size_t index, const std::string& why) {
  run::case_result r;
  r.case_index = index;
  r.j.verdict = corpus::verdict::error;
  r.j.findings.push_back(why);
  r.j.problems.push_back(run::problem::unjudged);
  r.j.actual_summary = "not run";
  return r;
}

}  // namespace

void request_store::add(serve::recorded_request r) {
  std::lock_guard lock(mutex_);
  requests_.push_back(std::move(r));
}

std::vector<serve::recorded_request> request_store::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(requests_, {});
}

run::target_run run_client(const client_definition& client, const std::vector<scenario>& scenarios,
                           const std::vector<expected_request>& expected,
                           const std::string& server_url, request_store& store,
                           const client_run_options& options, const scenario_done& done,
                           const say& tell) {
  run::target_run out;
  out.t.name = client.name;
  out.t.implementation = client.library;
  out.t.version = client.version;
  out.t.language = client.language;
  out.t.url = kShownUrl;
  out.t.traits.unsupported_fields = client.traits.unsupported;
  out.url = kShownUrl;
  fs::create_directories(options.log.parent_path());
  const auto note = [&](const std::string& line) {
    std::ofstream(options.log, std::ios::app)
        << "== upspec " << run::utc_now() << ": " << line << "\n";
  };

  std::vector<std::size_t> chosen;
  out.results.resize(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    out.results[i].case_index = i;
    if (auto skipped = unsupported_by(scenarios[i], client.traits))
      out.results[i].j = *skipped;
    else
      chosen.push_back(i);
  }
  const auto fail_all = [&](const std::string& why) {
    out.came_up = false;
    out.note = why;
    out.log = tail_of(options.log, 0);
    for (const std::size_t i : chosen) out.results[i] = unjudged(i, why);
  };

  std::optional<std::string> problem;
  for (const auto& command : client.required_commands)
    if (!problem && !targets::on_path(command))
      problem = "the command " + command + " is not installed (client.json requires it)";
  if (!problem) {
    tell(client.name + ": checking the install");
    const targets::install_step step{client.dir, client.install, client.installed, client.lockfiles,
                                     client.install_timeout};
    problem = targets::install_if_needed(step, options.reinstall, options.log, note);
  }
  if (problem) {
    note(*problem);
    fail_all(client.name + " could not be installed: " + *problem);
  } else if (!chosen.empty()) {
    const fs::path plan_path = options.work / (client.name + ".plan.json");
    std::ofstream(plan_path, std::ios::trunc)
        << request::dump_json(plan_for(scenarios, chosen, server_url, options.work / "files"), 2);
    const std::size_t log_before = files::read_text(options.log).value_or("").size();
    note("running: " + client.run);
    tell(client.name + ": running " + std::to_string(chosen.size()) + " scenarios");
    store.take();
    const std::string how = targets::run_to_completion(
        client.run, client.dir, {{"UPSPEC_PLAN", fs::absolute(plan_path).string()}}, options.log,
        options.timeout);
    note("the adapter " + how);
    std::this_thread::sleep_for(kStragglers);
    std::map<std::string, std::vector<serve::recorded_request>> by_scenario;
    std::size_t strays = 0;
    for (auto& r : store.take()) {
      if (auto id = scenario_of(r.target))
        by_scenario[*id].push_back(std::move(r));
      else
        ++strays;
    }
    const std::string output = tail_of(options.log, log_before);
    std::string said = files::read_text(options.log).value_or("");
    said.erase(0, std::min(log_before, said.size()));
    const auto remarks = adapter_remarks(said);
    const bool ended_well = how == "exited with status 0";
    if (!ended_well) {
      out.note = "the adapter " + how;
      out.log = output;
    }
    if (strays > 0)
      out.note +=
          (out.note.empty() ? "" : "; ") + std::to_string(strays) + " request(s) named no scenario";
    for (const std::size_t i : chosen) {
      const auto& sent = by_scenario[scenarios[i].id];
      const auto remark = remarks.find(scenarios[i].id);
      run::case_result& res = out.results[i];
      if (sent.empty() && !ended_well) {
        res = unjudged(i, "the adapter " + how + " before this scenario's request arrived");
        continue;
      }
      res.j = judge_scenario(scenarios[i], expected[i], sent,
                             remark == remarks.end() ? std::string() : remark->second);
      if (!sent.empty()) shown_in_report(sent.front(), res);
    }
  }
  for (std::size_t i = 0; i < scenarios.size(); ++i) done(client, scenarios[i], out.results[i]);
  out.answered = true;
  return out;
}

}  // namespace upspec::clients
