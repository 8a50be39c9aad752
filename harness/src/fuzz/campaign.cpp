#include "fuzz/campaign.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <thread>

#include "fuzz/shrink.hpp"
#include "run/session.hpp"
#include "run/wire.hpp"

namespace upspec::fuzz {
namespace {

using clock_type = std::chrono::steady_clock;
using std::chrono::microseconds;

microseconds since(clock_type::time_point t) {
  return std::chrono::duration_cast<microseconds>(clock_type::now() - t);
}

// The answer times of requests the target handled well, by size (powers of two), for telling
// an answer far slower than the target's own usual: an algorithmic blow-up.
class slow_detector {
 public:
  static constexpr std::size_t kWindow = 64;
  static constexpr std::size_t kEnough = 16;

  // The time over which an answer to a request of `bytes` is slow; nullopt until enough answers
  // of that size were seen.
  std::optional<microseconds> threshold(std::size_t bytes, const campaign_options& o) {
    std::lock_guard lock(mutex_);
    const auto& times = recent_[bucket(bytes)];
    if (times.size() < kEnough) return std::nullopt;
    std::vector<long> sorted(times.begin(), times.end());
    std::nth_element(sorted.begin(),
                     sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    const microseconds median{sorted[sorted.size() / 2]};
    return std::max(
        microseconds(static_cast<long>(static_cast<double>(median.count()) * o.slow_factor)),
        median + std::chrono::duration_cast<microseconds>(o.slow_floor));
  }

  void record(std::size_t bytes, microseconds took) {
    std::lock_guard lock(mutex_);
    auto& times = recent_[bucket(bytes)];
    times.push_back(took.count());
    if (times.size() > kWindow) times.pop_front();
  }

 private:
  static int bucket(std::size_t bytes) {
    int b = 0;
    while (bytes > 1) {
      bytes >>= 1;
      ++b;
    }
    return b;
  }
  std::mutex mutex_;
  std::map<int, std::deque<long>> recent_;
};

struct live_target {
  campaign_target spec;
  std::unique_ptr<run::target_session> session;
  // Requests go out under a shared lock; a new finding is confirmed and shrunk under an
  // exclusive one, so that nothing else reaches the server meanwhile.
  std::shared_mutex world;
  slow_detector slow;
  // Signature text (or family) -> a corpus case showing it, with the verdict it got there.
  std::map<std::string, std::pair<std::string, corpus::verdict>> known, known_families;
  std::atomic<std::uint64_t> requests{0}, skipped{0}, unjudged{0}, unjudged_in_a_row{0};
};

constexpr std::uint64_t kGiveUpAfter = 20;

class campaign {
 public:
  campaign(const std::vector<campaign_target>& targets, const campaign_options& o,
           const campaign_events& events)
      : options_(o),
        events_(events),
        profile_{true, o.max_content_size},
        context_{*o.dictionary, {}} {
    run_options_.jobs = std::max(1u, o.jobs);
    run_options_.timeout = o.timeout;
    run_options_.headers = o.headers;
    run_options_.restart_poisoned_always = true;
    for (const auto& t : targets) {
      auto live = std::make_unique<live_target>();
      live->spec = t;
      // A target that does not batch is sent no batches (generated ones; a mutation may still
      // make one, and that request is then skipped for it).
      if (t.t.traits.unsupported_fields.count("batching")) profile_.batches = false;
      targets_.push_back(std::move(live));
    }
  }

  campaign_result run() {
    const auto started = clock_type::now();
    for (auto& t : targets_) learn_known(*t);
    for (auto& t : targets_)
      t->session = std::make_unique<run::target_session>(t->spec.t, run_options_, t->spec.control);
    started_ = clock_type::now();
    std::vector<std::thread> pool;
    for (unsigned k = 1; k < run_options_.jobs; ++k) pool.emplace_back([this] { work(false); });
    work(true);
    for (auto& th : pool) th.join();

    campaign_result out;
    {
      std::lock_guard lock(findings_mutex_);
      out.findings = findings_;
    }
    for (auto& t : targets_) {
      target_totals totals;
      totals.name = t->spec.t.name;
      totals.implementation = t->spec.t.implementation;
      totals.version = t->spec.t.version;
      totals.requests = t->requests;
      totals.skipped = t->skipped;
      totals.unjudged = t->unjudged;
      totals.known_signatures = t->known.size();
      totals.answered = t->session->ever_answered();
      totals.note = t->session->note();
      out.targets.push_back(std::move(totals));
    }
    out.requests = generated_;
    out.duration =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - started);
    std::lock_guard lock(time_mutex_);
    out.time = time_;
    return out;
  }

 private:
  void note(const std::string& line) {
    if (events_.note) events_.note(line);
  }

  // The corpus against the target: the signatures its cases already show there.
  void learn_known(live_target& t) {
    if (options_.known_cases.empty()) return;
    note(t.spec.t.name + ": replaying " + std::to_string(options_.known_cases.size()) +
         " corpus cases for the signatures they already show");
    const run::target_run known =
        run::run_target(t.spec.t, options_.known_cases, run_options_, nullptr, t.spec.control);
    for (std::size_t i = 0; i < known.results.size(); ++i) {
      const auto adapted = t.spec.t.builtin
                               ? std::optional<corpus::test_case>(options_.known_cases[i])
                               : run::adapt_to_target(options_.known_cases[i], t.spec.t);
      if (!adapted) continue;
      // The FAILs first: a signature a case FAILs with is known as such, whatever else shows it.
      const run::case_result& r = known.results[i];
      if (auto sig = signature_of(*adapted, r, /*any_miss=*/true)) {
        const auto seen = std::make_pair(options_.known_cases[i].id, r.j.verdict);
        for (auto* into : {&t.known, &t.known_families}) {
          const std::string key = into == &t.known ? sig->text() : sig->family();
          auto [it, added] = into->try_emplace(key, seen);
          if (!added && r.j.verdict == corpus::verdict::fail) it->second = seen;
        }
      }
    }
    note(t.spec.t.name + ": the corpus shows " + std::to_string(t.known.size()) +
         " distinct signatures there");
  }

  bool over(std::uint64_t k) const {
    if (options_.requests && k >= *options_.requests) return true;
    return clock_type::now() - started_ >= options_.time;
  }

  void add_time(microseconds time_shares::*what, microseconds d) {
    std::lock_guard lock(time_mutex_);
    time_.*what += d;
  }

  // Whether no target judged any of its last requests: nothing listens, or what did could not
  // be started again.
  bool every_target_gave_up() const {
    for (const auto& t : targets_)
      if (t->unjudged_in_a_row < kGiveUpAfter) return false;
    return true;
  }

  void work(bool reporter) {
    std::vector<run::target_session::connections> mine(targets_.size());
    auto last_report = clock_type::now();
    for (std::uint64_t k; !over(k = next_.fetch_add(1)) && !stop_;) {
      const std::uint64_t index = options_.shard + k * options_.shards;
      auto t0 = clock_type::now();
      const recipe r = recipe_for(options_.seed, index);
      const properties::request_model model = realize(r, profile_, context_);
      add_time(&time_shares::generating, since(t0));
      ++generated_;
      for (std::size_t ti = 0; ti < targets_.size(); ++ti)
        try_on(*targets_[ti], mine[ti], r, model, index);
      if (reporter && clock_type::now() - last_report > std::chrono::milliseconds(250)) {
        last_report = clock_type::now();
        if (events_.progress) {
          std::lock_guard lock(findings_mutex_);
          events_.progress(generated_, findings_);
        }
        if (every_target_gave_up()) {
          note("no target answers any more: the campaign stops");
          stop_ = true;
        }
      }
    }
  }

  void try_on(live_target& t, run::target_session::connections& conns, const recipe& r,
              const properties::request_model& model, std::uint64_t index) {
    auto t0 = clock_type::now();
    const corpus::test_case c = as_case(model, request_id(options_.seed, index), t.spec.t);
    add_time(&time_shares::judging, since(t0));
    if (run::unsupported_by(c, t.spec.t.traits)) {
      ++t.skipped;
      return;
    }
    run::case_result result;
    {
      std::shared_lock world(t.world);
      result = t.session->play(c, conns);
    }
    add_time(&time_shares::sending, result.sending);
    add_time(&time_shares::waiting, result.waiting);
    add_time(&time_shares::canary, result.canary);
    ++t.requests;
    if (result.j.verdict == corpus::verdict::error) {
      ++t.unjudged;
      ++t.unjudged_in_a_row;
      return;
    }
    t.unjudged_in_a_row = 0;
    std::optional<signature> sig = signature_of(c, result);
    std::optional<microseconds> slow_over;
    if (!sig && result.response) {
      const std::size_t bytes = c.request.body.size();
      const auto limit = t.slow.threshold(bytes, options_);
      if (limit && result.waiting > *limit) {
        sig = slow_signature(c, result);
        slow_over = limit;
      } else {
        t.slow.record(bytes, result.waiting);
      }
    }
    if (sig) hit(t, *sig, slow_over, r, model, c, result, index);
  }

  static signature slow_signature(const corpus::test_case& c, const run::case_result& r) {
    signature s;
    s.kind = run::problem::slow;
    s.status_class = r.response ? std::to_string(r.response->status / 100) + "xx" : "none";
    s.rule =
        c.expect.code.value_or(c.expect.status == 200 ? "ok" : std::to_string(c.expect.status));
    return s;
  }

  // Whether `m` still shows `sig` on the target, sent alone.
  bool reproduces(live_target& t, run::target_session::connections& conns, const signature& sig,
                  std::optional<microseconds> slow_over, const properties::request_model& m,
                  const std::string& id, run::case_result* out, corpus::test_case* as) {
    const corpus::test_case c = as_case(m, id, t.spec.t);
    if (run::unsupported_by(c, t.spec.t.traits)) return false;
    run::case_result r = t.session->play(c, conns);
    std::optional<signature> again;
    if (slow_over) {
      if (r.j.verdict != corpus::verdict::fail && r.response && r.waiting > *slow_over)
        again = slow_signature(c, r);
    } else {
      again = signature_of(c, r);
    }
    const bool same = again && *again == sig;
    if (same && out) *out = std::move(r);
    if (same && as) *as = c;
    return same;
  }

  void hit(live_target& t, const signature& sig, std::optional<microseconds> slow_over,
           const recipe& r, const properties::request_model& model, const corpus::test_case& c,
           const run::case_result& result, std::uint64_t index) {
    const std::string key = t.spec.t.name + "\n" + sig.text();
    std::size_t slot;
    bool family_first = true, known = false, family_known = false;
    {
      std::lock_guard lock(findings_mutex_);
      if (auto it = by_key_.find(key); it != by_key_.end()) {
        ++findings_[it->second].count;
        return;
      }
      finding f;
      f.target = t.spec.t.name;
      f.sig = sig;
      f.count = 1;
      f.first_index = index;
      if (auto k = t.known.find(sig.text()); k != t.known.end()) {
        f.known = true;
        f.known_case = k->second.first;
        f.known_verdict = std::string(corpus::to_string(k->second.second));
      }
      if (auto k = t.known_families.find(sig.family()); k != t.known_families.end()) {
        f.family_known = true;
        f.family_case = k->second.first;
        if (!f.known) f.known_verdict = std::string(corpus::to_string(k->second.second));
      }
      f.family_first = families_.insert(t.spec.t.name + "\n" + sig.family()).second;
      family_first = f.family_first;
      known = f.known;
      family_known = f.family_known;
      slot = findings_.size();
      by_key_.emplace(key, slot);
      findings_.push_back(std::move(f));
    }
    const auto t0 = clock_type::now();
    std::unique_lock world(t.world);
    run::target_session::connections alone;
    const std::string id = "fuzz." + t.spec.t.name + "-" + sig.id();
    run::case_result last = result;
    corpus::test_case last_case = c;
    // Confirmed when the same request, sent alone, shows it again.
    const bool confirmed = reproduces(t, alone, sig, slow_over, model, id, &last, &last_case);
    shrink_result shrunk{model, 0, 0};
    // A signature or family a corpus case shows has its reproducer already: the time goes to
    // new ones (against a server that hangs or crashes, each try costs a timeout or a restart).
    if (confirmed && !known && !family_known) {
      // Another instance of a bug already shrunk: a tenth of the budget and of the time.
      const auto deadline =
          clock_type::now() + (family_first ? options_.shrink_time : options_.shrink_time / 10);
      const auto check = [&](const properties::request_model& m) {
        return clock_type::now() < deadline &&
               reproduces(t, alone, sig, slow_over, m, id, &last, &last_case);
      };
      const std::size_t budget = family_first
                                     ? options_.shrink_budget
                                     : std::max<std::size_t>(20, options_.shrink_budget / 10);
      shrunk = shrink(
          r, [&](const recipe& x) { return realize(x, profile_, context_); }, check, budget);
      // The record is the minimal request's own answer, whatever was tried last.
      reproduces(t, alone, sig, slow_over, shrunk.model, id, &last, &last_case);
    }
    add_time(&time_shares::shrinking, since(t0));
    finding done;
    {
      std::lock_guard lock(findings_mutex_);
      finding& f = findings_[slot];
      f.confirmed = confirmed;
      f.original_bytes = c.request.body.size();
      f.shrink_requests = shrunk.requests + 1;
      f.minimal = last_case;
      f.minimal.id = id;
      f.minimal.title = std::string(run::to_string(sig.kind)) + " on " + t.spec.t.name +
                        ", found by upspec fuzz (seed " + std::to_string(options_.seed) +
                        ", request " + std::to_string(index) + ")";
      f.judged = last.j.findings;
      f.answer = last.response ? run::escape_bytes(last.response->body, 4096) : "(no answer)";
      f.wire = last.wire;
      if (t.spec.log_tail) f.log_tail = t.spec.log_tail();
      done = f;
    }
    if (events_.found) events_.found(done);
  }

  campaign_options options_;
  campaign_events events_;
  generation_profile profile_;
  properties::mutation_context context_;
  run::run_options run_options_;
  std::vector<std::unique_ptr<live_target>> targets_;
  clock_type::time_point started_;
  std::atomic<std::uint64_t> next_{0}, generated_{0};
  std::atomic<bool> stop_{false};
  std::mutex findings_mutex_;
  std::vector<finding> findings_;
  std::map<std::string, std::size_t> by_key_;
  std::set<std::string> families_;  // target and family of every finding so far
  std::mutex time_mutex_;
  time_shares time_;
};

}  // namespace

std::string request_id(std::uint64_t seed, std::uint64_t index) {
  return "fuzz.seed-" + std::to_string(seed) + "-request-" + std::to_string(index);
}

campaign_result run_campaign(const std::vector<campaign_target>& targets,
                             const campaign_options& options, const campaign_events& events) {
  return campaign(targets, options, events).run();
}

}  // namespace upspec::fuzz
