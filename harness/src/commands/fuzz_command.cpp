#include "commands/fuzz_command.hpp"

#include <unistd.h>

#include <cctype>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>

#include "commands/target_plan.hpp"
#include "corpus/corpus_store.hpp"
#include "files/read_file.hpp"
#include "fuzz/campaign.hpp"
#include "fuzz/findings_file.hpp"
#include "run/exit_status.hpp"
#include "run/report_index.hpp"
#include "targets/managed_target.hpp"

namespace upspec::cli {
namespace {

namespace fs = std::filesystem;

struct fuzz_cli_options {
  std::vector<std::string> target_urls;
  std::string targets_path;
  std::vector<std::string> only;
  bool reinstall = false;
  double time_seconds = 60;
  std::optional<std::uint64_t> requests;
  std::uint64_t seed = 1;
  unsigned jobs = 1;
  double timeout_seconds = 5;
  std::string shard = "0/1";
  std::vector<std::string> dictionaries;
  std::size_t shrink_budget = 300;
  double shrink_seconds = 60;
  std::size_t max_content_size = 64 * 1024;
  bool no_known = false;
  std::string corpus_dir;
  std::vector<std::string> headers;
  std::string out_dir;
  std::vector<std::string> merge_dirs;
  double slow_factor = 10;
  long slow_after_ms = 500;
};

std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_shard(const std::string& s) {
  const auto slash = s.find('/');
  if (slash == std::string::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    const auto i = std::stoull(s.substr(0, slash), &used);
    if (used != slash) return std::nullopt;
    const auto n = std::stoull(s.substr(slash + 1), &used);
    if (used != s.size() - slash - 1 || n == 0 || i >= n) return std::nullopt;
    return std::make_pair(i, n);
  } catch (...) {
    return std::nullopt;
  }
}

// The status line on a terminal, one line per finding otherwise.
class status_line {
 public:
  explicit status_line(bool tty) : tty_(tty), started_(std::chrono::steady_clock::now()) {}
  void progress(std::uint64_t requests, const std::vector<fuzz::finding>& findings, int restarts) {
    if (!tty_) return;
    std::lock_guard lock(mutex_);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    std::map<std::string, int> kinds;
    int fresh = 0;
    for (const auto& f : findings) {
      ++kinds[std::string(run::to_string(f.sig.kind))];
      fresh += f.is_new() ? 1 : 0;
    }
    std::cerr << "\r\033[K[fuzz] " << requests << " requests, "
              << static_cast<long>(seconds > 0 ? static_cast<double>(requests) / seconds : 0)
              << "/s, findings " << findings.size() << " (new " << fresh << ")";
    for (const auto& [k, n] : kinds) std::cerr << " " << k << " " << n;
    std::cerr << ", restarts " << restarts << std::flush;
  }
  void say(const std::string& line) {
    std::lock_guard lock(mutex_);
    std::cerr << (tty_ ? "\r\033[K" : "") << "upspec fuzz: " << line << "\n";
  }
  void finish() {
    if (tty_) std::cerr << "\n";
  }

 private:
  bool tty_;
  std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;
};

// A target's name as a folder name: a URL's slashes and colons become underscores.
std::string folder_name(std::string name) {
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  return name;
}

int merge(const fuzz_cli_options& o) {
  if (o.merge_dirs.empty() || o.out_dir.empty()) {
    std::cerr << "upspec fuzz merge: give the folders to merge and --out DIR\n";
    return run::kExitCouldNotRun;
  }
  std::vector<fs::path> dirs(o.merge_dirs.begin(), o.merge_dirs.end());
  if (auto why = fuzz::merge_findings(dirs, o.out_dir)) {
    std::cerr << "upspec fuzz merge: " << *why << "\n";
    return run::kExitCouldNotRun;
  }
  std::cout << "merged " << dirs.size() << " folders into " << o.out_dir << "/\n";
  return run::kExitOk;
}

int fuzz_targets(const fuzz_cli_options& o) {
  fuzz::campaign_options co;
  co.seed = o.seed;
  co.requests = o.requests;
  co.time = std::chrono::milliseconds(static_cast<long>(o.time_seconds * 1000));
  co.jobs = std::max(1u, o.jobs);
  co.timeout = std::chrono::milliseconds(static_cast<long>(o.timeout_seconds * 1000));
  co.shrink_budget = o.shrink_budget;
  co.shrink_time = std::chrono::milliseconds(static_cast<std::int64_t>(o.shrink_seconds * 1000));
  co.max_content_size = o.max_content_size;
  co.slow_factor = o.slow_factor;
  co.slow_floor = std::chrono::milliseconds(o.slow_after_ms);
  const auto shard = parse_shard(o.shard);
  if (!shard) {
    std::cerr << "upspec fuzz: --shard takes I/N with 0 <= I < N, not '" << o.shard << "'\n";
    return run::kExitCouldNotRun;
  }
  std::tie(co.shard, co.shards) = *shard;
  auto headers = parse_headers(o.headers);
  if (auto* bad = std::get_if<std::string>(&headers)) {
    std::cerr << "upspec fuzz: --header takes NAME:VALUE, not '" << *bad << "'\n";
    return run::kExitCouldNotRun;
  }
  co.headers = std::get<run::header_list>(headers);
  properties::hazards dictionary = properties::hazards::builtin();
  for (const auto& file : o.dictionaries) {
    const auto text = files::read_text(file);
    if (!text) {
      std::cerr << "upspec fuzz: cannot read the dictionary " << file << "\n";
      return run::kExitCouldNotRun;
    }
    if (auto why = dictionary.add_text(fs::path(file).stem().string(), *text)) {
      std::cerr << "upspec fuzz: " << file << ": " << *why << "\n";
      return run::kExitCouldNotRun;
    }
  }
  co.dictionary = &dictionary;
  if (!o.no_known) {
    auto loaded = corpus::load_corpus(o.corpus_dir.empty() ? corpus::default_corpus_dir()
                                                           : fs::path(o.corpus_dir));
    if (auto* why = std::get_if<std::string>(&loaded)) {
      std::cerr << "upspec fuzz: " << *why << " (--no-known fuzzes without it)\n";
      return run::kExitCouldNotRun;
    }
    // The large files take minutes and show nothing the others do not.
    for (auto& c : std::get<std::vector<corpus::test_case>>(loaded))
      if (c.category != "large-files") co.known_cases.push_back(std::move(c));
  }

  auto planned = plan_targets({o.target_urls, o.targets_path, o.only});
  if (auto* why = std::get_if<std::string>(&planned)) {
    std::cerr << "upspec fuzz: " << *why << "\n";
    return run::kExitCouldNotRun;
  }
  const auto& plan = std::get<std::vector<planned_target>>(planned);
  const std::string out_dir =
      !o.out_dir.empty() ? o.out_dir
                         : "reports/fuzz/" + (plan.size() == 1 ? folder_name(plan[0].target.name)
                                                               : std::string("matrix"));
  status_line status(isatty(STDERR_FILENO) != 0);

  std::vector<std::unique_ptr<targets::managed_target>> servers;
  std::vector<fuzz::campaign_target> targets;
  targets::bring_up_options bring_up;
  bring_up.reinstall = o.reinstall;
  for (const auto& [t, managed] : plan) {
    if (!managed) {
      targets.push_back({t, nullptr, {}});
      continue;
    }
    const fs::path log = fs::path(out_dir) / "logs" / (t.name + ".log");
    std::error_code ec;
    fs::create_directories(log.parent_path(), ec);
    fs::remove(log, ec);
    auto server = std::make_unique<targets::managed_target>(*managed, log, bring_up);
    status.say(t.name + ": starting (log: " + log.string() + ")");
    if (auto why = server->bring_up()) {
      status.say(t.name + ": could not be brought up: " + *why + "; left out");
      continue;
    }
    status.say(t.name + ": ready at " + server->target().url);
    targets::managed_target* raw = server.get();
    // The end of the log when a finding was made: enough for the stack trace of a crash.
    targets.push_back({server->target(), raw, [raw] { return raw->log_tail(4 * 1024); }});
    servers.push_back(std::move(server));
  }
  if (targets.empty()) {
    std::cerr << "upspec fuzz: no target could be brought up\n";
    return run::kExitCouldNotRun;
  }
  const auto restarts = [&] {
    int n = 0;
    for (const auto& s : servers) n += s->restarts();
    return n;
  };

  fuzz::campaign_events events;
  events.note = [&](const std::string& line) { status.say(line); };
  events.found = [&](const fuzz::finding& f) {
    status.say(std::string(f.is_new() ? "new" : "known") + " finding " + f.minimal.id + ": " +
               std::string(run::to_string(f.sig.kind)) + " on " + f.target + " (" + f.sig.text() +
               "), shrunk from " + std::to_string(f.original_bytes) + " to " +
               std::to_string(f.minimal.request.body.size()) + " bytes" +
               (f.confirmed ? "" : "; it did not reproduce alone"));
  };
  events.progress = [&](std::uint64_t n, const std::vector<fuzz::finding>& findings) {
    status.progress(n, findings, restarts());
  };
  fuzz::campaign_info info{
      o.seed, co.shard, co.shards, co.jobs, static_cast<long>(co.timeout.count()), run::utc_now()};
  const fuzz::campaign_result result = fuzz::run_campaign(targets, co, events);
  status.finish();
  for (auto& s : servers) s->stop();

  std::vector<corpus::test_case> cases;
  for (const auto& f : result.findings) cases.push_back(f.minimal);
  try {
    fuzz::write_findings(fuzz::findings_document(result, info), cases, out_dir);
  } catch (const std::exception& e) {
    std::cerr << "upspec fuzz: cannot write the findings to " << out_dir << ": " << e.what()
              << "\n";
    return run::kExitCouldNotRun;
  }

  run::exit_status exit;
  bool answered = false;
  for (const auto& t : result.targets) {
    answered = answered || t.answered;
    if (!t.answered)
      std::cout << t.name << ": the target never answered; nothing was fuzzed there\n";
  }
  std::size_t fresh = 0;
  for (const auto& f : result.findings)
    if (f.is_new() && f.confirmed) {
      ++fresh;
      exit.add_failure();
    }
  for (const auto& t : result.targets) {
    std::cout << t.name << ": " << t.requests << " requests judged, " << t.skipped << " skipped, "
              << t.unjudged << " not judged\n";
    if (t.unjudged > 0) exit.add(corpus::verdict::error);
    if (!t.note.empty()) std::cout << "  note: " << t.note << "\n";
  }
  const double seconds = static_cast<double>(result.duration.count()) / 1000.0;
  std::cout << result.requests << " generated requests in " << seconds << " s; "
            << result.findings.size() << " findings, " << fresh << " new; reports in " << out_dir
            << "/\n";
  if (!answered) return run::kExitCouldNotRun;
  return exit.code(false, false);
}

}  // namespace

void add_fuzz_command(CLI::App& app) {
  auto o = std::make_shared<fuzz_cli_options>();
  CLI::App* cmd = app.add_subcommand(
      "fuzz",
      "Fuzz live servers against the reference: send generated and mutated multipart requests, "
      "judge every answer exactly as a corpus case is, watch for 5xx, dropped connections, "
      "hangs, crashes, poisoning, blow-ups and files received wrong, bucket what goes wrong by "
      "signature, and shrink each new finding against the server to a minimal request, written "
      "as a corpus case. Without --target or --targets, fuzzes the built-in reference server "
      "(which must show nothing). Exit status: 0 no new finding, 1 a new finding, 2 the campaign "
      "could not run, 3 some requests could not be judged (docs/fuzz-live.md).");
  cmd->add_option("--target", o->target_urls, "A server's GraphQL URL (repeatable)");
  cmd->add_option("--targets", o->targets_path,
                  "A folder of targets the harness installs, starts and restarts itself (e.g. "
                  "harness/targets), or a targets file of running servers; with several, every "
                  "request goes to each of them");
  cmd->add_option("--only", o->only, "With --targets: only the targets of this name (repeatable)");
  cmd->add_flag("--reinstall", o->reinstall, "Run every target's install command again");
  cmd->add_option("--time", o->time_seconds,
                  "Seconds of generated requests (default 60; shrinking the last finding may "
                  "take longer)");
  cmd->add_option("--requests", o->requests, "Generated requests at most (this shard's)");
  cmd->add_option("--seed", o->seed,
                  "Campaign seed (default 1): the same seed sends the same requests");
  cmd->add_option("-j,--jobs", o->jobs, "Requests in flight at once (default 1)");
  cmd->add_option("--timeout", o->timeout_seconds,
                  "Seconds any one read or write may take before it is a hang (default 5)");
  cmd->add_option("--shard", o->shard,
                  "I/N: send only the requests whose index is I modulo N, so that N machines or "
                  "CI jobs share one campaign (merge their folders with `upspec fuzz merge`)");
  cmd->add_option("--dict", o->dictionaries,
                  "A dictionary file (libFuzzer format) whose entries mutations also draw on; "
                  "named like a built-in category (e.g. members-kotlin.dict) it joins it "
                  "(repeatable)");
  cmd->add_option("--shrink-budget", o->shrink_budget,
                  "Requests each new finding may take to shrink (default 300)");
  cmd->add_option("--shrink-time", o->shrink_seconds,
                  "Seconds each finding may take to shrink (default 60); a finding a corpus "
                  "case already shows is not shrunk")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-file-size", o->max_content_size,
                  "Bytes of a generated file at most (default 65536)");
  cmd->add_option("--slow-factor", o->slow_factor,
                  "An answer is slow when it takes this many times the target's median for "
                  "requests of its size (default 10) ...");
  cmd->add_option("--slow-after", o->slow_after_ms,
                  "... and this many milliseconds more than that median (default 500)");
  cmd->add_flag("--no-known", o->no_known,
                "Do not replay the corpus first (findings are then not compared with it)");
  cmd->add_option("--corpus", o->corpus_dir,
                  "The corpus replayed first for known signatures (default corpus/cases)");
  cmd->add_option("--header", o->headers, "NAME:VALUE added to every request (repeatable)");
  cmd->add_option("--out", o->out_dir,
                  "Folder for findings.json, findings.md, index.html, cases/ and logs/ (default "
                  "reports/fuzz/<target>, or reports/fuzz/matrix for several)");
  cmd->callback([o, cmd] {
    if (cmd->get_subcommands().empty()) throw CLI::RuntimeError(fuzz_targets(*o));
  });

  CLI::App* merge_cmd = cmd->add_subcommand(
      "merge",
      "Merge the folders of several campaigns (shards, machines) into one: one finding per "
      "target and signature, counts added, the smallest reproducer kept.");
  merge_cmd->add_option("dirs", o->merge_dirs, "The findings folders")->required();
  merge_cmd->add_option("--out", o->out_dir, "The merged folder")->required();
  merge_cmd->callback([o] { throw CLI::RuntimeError(merge(*o)); });
}

}  // namespace upspec::cli
