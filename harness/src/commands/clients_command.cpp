#include "commands/clients_command.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "clients/client_run.hpp"
#include "clients/plan.hpp"
#include "clients/report.hpp"
#include "commands/target_plan.hpp"
#include "run/exit_status.hpp"
#include "serve/reference_server.hpp"
#include "upspec/reports/reports.hpp"

namespace upspec::cli {
namespace {

namespace fs = std::filesystem;

struct clients_cli_options {
  std::string clients_dir = "harness/clients";
  std::vector<std::string> only;
  std::string scenarios_dir;
  std::vector<std::string> select, exclude;
  std::string report_dir = "reports/latest-clients";
  std::string results_dir;
  bool strict = false;
  bool allow_errors = false;
  bool reinstall = false;
  double timeout_seconds = 600;
  bool list = false;
};

int list_scenarios(const std::vector<clients::scenario>& scenarios,
                   const std::vector<clients::expected_request>& expected) {
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    std::cout << scenarios[i].id << "\t" << corpus::to_string(scenarios[i].requirement) << "\t"
              << scenarios[i].title << "\n\t" << clients::expected_summary(expected[i]) << "\n";
  return run::kExitOk;
}

int run_clients(const clients_cli_options& o) {
  const fs::path scenarios_dir =
      o.scenarios_dir.empty() ? clients::default_scenarios_dir() : fs::path(o.scenarios_dir);
  auto loaded = clients::load_scenarios(scenarios_dir);
  if (auto* why = std::get_if<std::string>(&loaded)) {
    std::cerr << "upspec clients: " << *why << "\n";
    return run::kExitCouldNotRun;
  }
  std::vector<clients::scenario> scenarios;
  for (auto& s : std::get<std::vector<clients::scenario>>(loaded))
    if ((o.select.empty() || matches_any(o.select, s.id)) && !matches_any(o.exclude, s.id))
      scenarios.push_back(std::move(s));
  if (scenarios.empty()) {
    std::cerr << "upspec clients: no scenario matches the selection\n";
    return run::kExitCouldNotRun;
  }
  std::vector<clients::expected_request> expected;
  for (const auto& s : scenarios) expected.push_back(clients::expect(s));
  if (o.list) return list_scenarios(scenarios, expected);

  auto defined = clients::load_clients(o.clients_dir, o.only);
  if (auto* why = std::get_if<std::string>(&defined)) {
    std::cerr << "upspec clients: " << *why << "\n";
    return run::kExitCouldNotRun;
  }
  const auto& adapters = std::get<std::vector<clients::client_definition>>(defined);

  const fs::path work = fs::absolute(o.report_dir) / "work";
  try {
    fs::remove_all(work / "files");
    fs::create_directories(work);
    clients::write_scenario_files(scenarios, expected, work / "files");
  } catch (const std::exception& e) {
    std::cerr << "upspec clients: cannot write the scenario files under " << work.string() << ": "
              << e.what() << "\n";
    return run::kExitCouldNotRun;
  }

  clients::request_store store;
  serve::server_options server;
  server.record = [&store](serve::recorded_request r) { store.add(std::move(r)); };
  // A client that stops sending mid-body is a finding, not something to wait long for.
  server.idle_timeout = std::chrono::seconds(5);
  std::optional<serve::background_server> recorder;
  try {
    recorder.emplace(server);
  } catch (const std::exception& e) {
    std::cerr << "upspec clients: cannot start the recording server: " << e.what() << "\n";
    return run::kExitCouldNotRun;
  }
  std::cerr << "upspec clients: recording server at " << recorder->url() << "; " << scenarios.size()
            << " scenarios, " << adapters.size() << " client(s)\n";

  const bool tty = isatty(STDERR_FILENO) != 0;
  const auto say = [](const std::string& line) { std::cerr << "upspec clients: " << line << "\n"; };
  const auto done = [tty](const clients::client_definition& c, const clients::scenario& s,
                          const run::case_result& r) {
    if (tty && r.j.verdict == corpus::verdict::pass) return;
    std::cerr << corpus::to_string(r.j.verdict) << "\t" << c.name << "\t" << s.id << "\t"
              << r.j.actual_summary
              << (r.j.findings.empty() ? std::string() : "\t" + r.j.findings.front()) << "\n";
  };
  const auto started = std::chrono::steady_clock::now();
  run::run_info info;
  info.strict = o.strict;
  info.started_at = run::utc_now();
  std::vector<run::target_run> runs;
  for (const auto& c : adapters) {
    clients::client_run_options ro;
    ro.reinstall = o.reinstall;
    ro.timeout = std::chrono::seconds(static_cast<long>(o.timeout_seconds));
    ro.work = work;
    ro.log = fs::path(o.report_dir) / "logs" / (c.name + ".log");
    runs.push_back(
        clients::run_client(c, scenarios, expected, recorder->url(), store, ro, done, say));
  }
  recorder->stop();
  info.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();

  const auto index = clients::clients_index(scenarios, expected, runs, info);
  try {
    reports::write_reports(nlohmann::json::parse(request::dump_json(index)), o.report_dir);
    if (!o.results_dir.empty())
      for (const auto& r : runs)
        reports::write_published(nlohmann::json::parse(request::dump_json(
                                     clients::clients_index(scenarios, expected, {r}, info))),
                                 fs::path(o.results_dir) / r.t.name);
  } catch (const std::exception& e) {
    std::cerr << "upspec clients: cannot write the reports: " << e.what() << "\n";
    return run::kExitCouldNotRun;
  }
  run::exit_status status;
  for (std::size_t t = 0; t < runs.size(); ++t) {
    std::cout << runs[t].t.name << ":";
    for (const auto& [verdict, n] : index["targets"][t]["totals"].items())
      std::cout << " " << verdict << " " << n;
    std::cout << "\n";
    if (!runs[t].note.empty()) std::cout << "  note: " << runs[t].note << "\n";
    for (const auto& res : runs[t].results) status.add(res.j.verdict);
  }
  std::cout << scenarios.size() * runs.size() << " results in "
            << static_cast<double>(info.duration_ms) / 1000.0 << " s; reports in " << o.report_dir
            << "/\n";
  return status.code(o.strict, o.allow_errors);
}

}  // namespace

void add_clients_command(CLI::App& app) {
  auto o = std::make_shared<clients_cli_options>();
  CLI::App* cmd = app.add_subcommand(
      "clients",
      "Judge the requests GraphQL upload client libraries send. Starts the reference server in "
      "recording mode on a free loopback port, has each client adapter (harness/clients/<name>/, "
      "installed from its registry at pinned versions) perform every scenario of "
      "corpus/clients/ with its library against it, and judges each request received: what the "
      "reference decodes from it, the field order, and the wire-level rules of RFC 7578 and "
      "RFC 2046, each miss a separate finding. Writes index.json, junit.xml, summary.md and "
      "index.html, with each client as a target. Exit status: 0 nothing failed; 1 a scenario "
      "FAILed (with --strict, NON-STRICT too); 2 the run could not happen; 3 a scenario is ERROR "
      "(an adapter that could not be installed or run), unless --allow-errors. See "
      "docs/clients.md.");
  cmd->add_option("--clients", o->clients_dir,
                  "A folder of client adapters, or one adapter's folder (default "
                  "harness/clients)");
  cmd->add_option("--only", o->only, "Only the adapters of this name (repeatable)");
  cmd->add_option("--scenarios", o->scenarios_dir,
                  "The scenario folder (default: corpus/clients beside the corpus)");
  cmd->add_option("--select", o->select,
                  "Only scenarios whose id matches one of these globs, e.g. 'names.*' "
                  "(repeatable)");
  cmd->add_option("--exclude", o->exclude,
                  "Leave out scenarios whose id matches one of these globs (repeatable)");
  cmd->add_option("--report", o->report_dir,
                  "Folder for the reports, the adapters' logs and plans (default "
                  "reports/latest-clients)");
  cmd->add_option("--results", o->results_dir,
                  "Also write each client's own index.json and summary.md to DIR/<name>/ (how "
                  "reports/clients is published)");
  cmd->add_flag("--strict", o->strict, "NON-STRICT (a missed SHOULD) also fails the run");
  cmd->add_flag("--allow-errors", o->allow_errors,
                "ERROR verdicts (adapters that could not be installed or run) do not change the "
                "exit status");
  cmd->add_flag("--reinstall", o->reinstall,
                "Run every adapter's install command even when it looks installed");
  cmd->add_option("--timeout", o->timeout_seconds,
                  "Seconds one adapter may take to perform all its scenarios (default 600)");
  cmd->add_flag("--list", o->list,
                "List the scenarios and what the reference must decode from each, and exit");
  cmd->callback([o] { throw CLI::RuntimeError(run_clients(*o)); });
}

}  // namespace upspec::cli
