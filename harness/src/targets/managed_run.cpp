#include "targets/managed_run.hpp"

namespace upspec::targets {
namespace {

constexpr std::size_t kLogTail = 16 * 1024;

}  // namespace

run::target_run run_managed_target(const target_definition& definition,
                                   const std::filesystem::path& log,
                                   const bring_up_options& bring_up,
                                   const std::vector<corpus::test_case>& cases,
                                   const run::run_options& options,
                                   const run::result_callback& on_result,
                                   const std::function<void(const std::string&)>& say) {
  std::error_code ec;
  std::filesystem::create_directories(log.parent_path(), ec);
  std::filesystem::remove(log, ec);
  managed_target server(definition, log, bring_up);
  const std::string& name = definition.target.name;
  say(name + ": starting (log: " + log.string() + ")");
  if (auto why = server.bring_up()) {
    say(name + ": " + *why);
    run::target_run out;
    out.t = definition.target;
    out.url = definition.target.url;
    out.log = server.log_tail(kLogTail);
    out.came_up = false;
    out.note = "the target could not be brought up: " + *why;
    out.results.resize(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
      run::case_result& r = out.results[i];
      r.case_index = i;
      r.j.verdict = corpus::verdict::error;
      r.j.findings.push_back("the target could not be brought up: " + *why);
      r.j.actual_summary = "not run";
      if (on_result) on_result(out.t, cases[i], r);
    }
    return out;
  }
  say(name + ": ready at " + server.target().url);
  auto out = run::run_target(server.target(), cases, options, on_result, &server);
  server.stop();
  if (server.restarts() > 0) {
    say(name + ": the server was restarted " + std::to_string(server.restarts()) +
        " time(s) during the run; see " + log.string());
    out.log = server.log_tail(kLogTail);
  }
  return out;
}

}  // namespace upspec::targets
