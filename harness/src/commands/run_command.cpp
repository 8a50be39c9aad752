#include "commands/run_command.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>

#include "commands/target_plan.hpp"
#include "corpus/corpus_store.hpp"
#include "run/exit_status.hpp"
#include "run/report_index.hpp"
#include "run/runner.hpp"
#include "targets/managed_run.hpp"
#include "upspec/reports/reports.hpp"

namespace upspec::cli {
namespace {

struct run_cli_options {
  std::vector<std::string> target_urls;
  std::string targets_path;  // a targets file, or a folder of targets (harness/targets)
  std::vector<std::string> only;
  bool reinstall = false;
  std::string results_dir;
  std::string corpus_dir;
  std::vector<std::string> select, exclude, headers;
  bool strict = false;
  unsigned jobs = 1;
  double timeout_seconds = 10;
  std::string report_dir = "reports/latest";
  bool no_canary = false;
  bool allow_errors = false;
};

// One line per case when the output is not a terminal, else a progress bar.
class progress {
 public:
  progress(std::size_t total, bool tty) : total_(total), tty_(tty) {}
  void done(const run::target& t, const corpus::test_case& c, const run::case_result& r) {
    std::lock_guard lock(mutex_);
    ++count_;
    if (r.j.verdict == corpus::verdict::fail) ++failed_;
    if (tty_) {
      const int width = 30;
      const int filled = static_cast<int>(width * count_ / std::max<std::size_t>(total_, 1));
      std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
                << count_ << "/" << total_ << " FAIL " << failed_ << "  " << t.name << " "
                << c.id.substr(0, 40) << "\033[K" << std::flush;
    } else {
      std::cerr << corpus::to_string(r.j.verdict) << "\t" << t.name << "\t" << c.id << "\t"
                << r.j.actual_summary << "\t" << r.duration_ms << " ms\n";
    }
  }
  void finish() {
    if (tty_) std::cerr << "\n";
  }
  // A line about the run itself (a target starting, installing, restarting).
  void say(const std::string& line) {
    std::lock_guard lock(mutex_);
    std::cerr << (tty_ ? "\r\033[K" : "") << "upspec run: " << line << "\n";
  }

 private:
  std::mutex mutex_;
  std::size_t total_, count_ = 0, failed_ = 0;
  bool tty_;
};

int run_cases(const run_cli_options& o) {
  auto loaded = corpus::load_corpus(o.corpus_dir.empty() ? corpus::default_corpus_dir()
                                                         : std::filesystem::path(o.corpus_dir));
  if (auto* why = std::get_if<std::string>(&loaded)) {
    std::cerr << "upspec run: " << *why << "\n";
    return run::kExitCouldNotRun;
  }
  std::vector<corpus::test_case> cases;
  for (auto& c : std::get<std::vector<corpus::test_case>>(loaded))
    if ((o.select.empty() || matches_any(o.select, c.id)) && !matches_any(o.exclude, c.id))
      cases.push_back(std::move(c));
  if (cases.empty()) {
    std::cerr << "upspec run: no case matches the selection\n";
    return run::kExitCouldNotRun;
  }

  auto planned = plan_targets({o.target_urls, o.targets_path, o.only});
  if (auto* why = std::get_if<std::string>(&planned)) {
    std::cerr << "upspec run: " << *why << "\n";
    return run::kExitCouldNotRun;
  }
  const auto& targets = std::get<std::vector<planned_target>>(planned);

  run::run_options ro;
  ro.jobs = std::max(1u, o.jobs);
  ro.timeout = std::chrono::milliseconds(static_cast<long>(o.timeout_seconds * 1000));
  ro.canary = !o.no_canary;
  auto headers = parse_headers(o.headers);
  if (auto* bad = std::get_if<std::string>(&headers)) {
    std::cerr << "upspec run: --header takes NAME:VALUE, not '" << *bad << "'\n";
    return run::kExitCouldNotRun;
  }
  ro.headers = std::get<run::header_list>(headers);

  progress bar(cases.size() * targets.size(), isatty(STDERR_FILENO) != 0);
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = run::utc_now();
  std::vector<run::target_run> runs;
  const auto on_result = [&](const auto& tt, const auto& c, const auto& r) { bar.done(tt, c, r); };
  targets::bring_up_options bring_up;
  bring_up.reinstall = o.reinstall;
  const auto say = [&](const std::string& line) { bar.say(line); };
  for (const auto& [t, managed] : targets) {
    try {
      if (managed) {
        const auto log = std::filesystem::path(o.report_dir) / "logs" / (t.name + ".log");
        runs.push_back(
            targets::run_managed_target(*managed, log, bring_up, cases, ro, on_result, say));
      } else {
        runs.push_back(run::run_target(t, cases, ro, on_result));
      }
    } catch (const std::exception& e) {
      bar.finish();
      std::cerr << "upspec run: " << t.name << ": " << e.what() << "\n";
      return run::kExitCouldNotRun;
    }
  }
  bar.finish();
  run::run_info info;
  info.strict = o.strict;
  info.started_at = started_at;
  info.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  const auto index = run::build_index(cases, runs, info);
  try {
    reports::write_reports(nlohmann::json::parse(request::dump_json(index)), o.report_dir);
  } catch (const std::exception& e) {
    std::cerr << "upspec run: cannot write the reports to " << o.report_dir << ": " << e.what()
              << "\n";
    return run::kExitCouldNotRun;
  }
  if (!o.results_dir.empty()) {
    // Each target's own index.json and summary.md, the form reports/results publishes.
    for (const auto& r : runs) {
      const auto dir = std::filesystem::path(o.results_dir) / r.t.name;
      try {
        reports::write_published(
            nlohmann::json::parse(request::dump_json(run::build_index(cases, {r}, info))), dir);
      } catch (const std::exception& e) {
        std::cerr << "upspec run: cannot write " << dir.string() << ": " << e.what() << "\n";
        return run::kExitCouldNotRun;
      }
    }
  }
  // A target that never answered is the first thing a CI log must say: whatever follows is
  // about a server that was not there.
  for (const auto& r : runs)
    if (r.came_up && !r.answered && !r.first_silence.empty())
      std::cout << r.t.name << ": the target never answered (" << r.first_silence
                << "); its results say nothing about the server\n";
  for (const auto& r : runs)
    if (!r.came_up)
      std::cout << r.t.name << ": could not be brought up; see " << o.report_dir << "/logs/"
                << r.t.name << ".log\n";
  run::exit_status status;
  for (const auto& r : runs) {
    std::cout << r.t.name << ":";
    for (const auto& [verdict, n] :
         index["targets"][static_cast<std::size_t>(&r - runs.data())]["totals"].items())
      std::cout << " " << verdict << " " << n;
    std::cout << "\n";
    if (!r.note.empty()) std::cout << "  note: " << r.note << "\n";
    for (const auto& res : r.results) status.add(res.j.verdict);
  }
  const double seconds = static_cast<double>(info.duration_ms) / 1000.0;
  std::cout << cases.size() * targets.size() << " results in " << seconds << " s; reports in "
            << o.report_dir << "/\n";
  return status.code(o.strict, o.allow_errors);
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto o = std::make_shared<run_cli_options>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Replay the conformance corpus against GraphQL servers over HTTP, judge every answer against "
      "the reference, and write index.json, junit.xml, summary.md and index.html. Without --target "
      "or --targets, runs against the built-in reference server on a free loopback port. Exit "
      "status: 0 nothing failed; 1 a case FAILed (with --strict, NON-STRICT too); 2 the run "
      "could not happen (usage, unreadable corpus); 3 a case is ERROR, i.e. upspec could not "
      "judge it (nothing listening, a target that could not be installed or started), unless "
      "--allow-errors. When several apply, the highest wins (docs/run.md).");
  cmd->add_option("--target", o->target_urls,
                  "A server's GraphQL URL, e.g. http://127.0.0.1:4000/graphql (repeatable)");
  cmd->add_option("--targets", o->targets_path,
                  "A folder of targets the harness installs, starts and stops itself, e.g. "
                  "harness/targets (docs/targets.md), or a JSON file listing running servers "
                  "(docs/run.md)");
  cmd->add_option("--only", o->only, "With --targets: only the targets of this name (repeatable)");
  cmd->add_flag("--reinstall", o->reinstall,
                "With a targets folder: run every target's install command even when it looks "
                "installed");
  cmd->add_option("--results", o->results_dir,
                  "Also write each target's own index.json and summary.md to DIR/<name>/ (how "
                  "reports/results is published)");
  cmd->add_option("--corpus", o->corpus_dir,
                  "Corpus folder (default $UPSPEC_CORPUS, else the one installed with upspec, else "
                  "corpus/cases)");
  cmd->add_option("--select", o->select,
                  "Only cases whose id matches one of these globs, e.g. 'map.*' (repeatable)");
  cmd->add_option("--exclude", o->exclude,
                  "Leave out cases whose id matches one of these globs (repeatable)");
  cmd->add_flag("--strict", o->strict, "NON-STRICT (a missed SHOULD) also fails the run");
  cmd->add_option("--header", o->headers,
                  "NAME:VALUE added to every request, e.g. a CSRF preflight header (repeatable)");
  cmd->add_option("-j,--jobs", o->jobs, "Cases in flight at once per target (default 1)");
  cmd->add_option("--timeout", o->timeout_seconds,
                  "Seconds any one read or write may take (default 10)");
  cmd->add_option("--report", o->report_dir, "Folder for the reports (default reports/latest)");
  cmd->add_flag("--allow-errors", o->allow_errors,
                "ERROR verdicts (cases upspec could not judge) do not change the exit status");
  cmd->add_flag("--no-canary", o->no_canary,
                "Do not send a known-good request after each case (faster, blind to poisoning)");
  cmd->callback([o] { throw CLI::RuntimeError(run_cases(*o)); });
}

}  // namespace upspec::cli
