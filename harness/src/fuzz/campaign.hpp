#pragma once
// A live fuzzing campaign (design.md, "Live fuzzing"): generated requests sent to one or more
// servers, each answer judged exactly as a corpus case is (the reference's outcome for those
// bytes under the target's limits), plus the canary after each request (poisoning, a server
// that stopped answering), the process's exit, hangs, answers far slower than the target's own
// median for requests of that size, and files received wrong. Findings are bucketed by
// signature, each new one confirmed and shrunk against the live server alone, and compared with
// what the corpus already shows for that target.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/test_case.hpp"
#include "fuzz/generated_case.hpp"
#include "fuzz/signature.hpp"
#include "run/runner.hpp"
#include "run/server_control.hpp"
#include "upspec/properties/hazards.hpp"

namespace upspec::fuzz {

struct campaign_options {
  std::uint64_t seed = 1;
  std::optional<std::uint64_t> requests;   // generated requests at most (this shard's)
  std::chrono::milliseconds time{60'000};  // wall time at most, for the generated requests
  unsigned jobs = 1;
  std::chrono::milliseconds timeout{5'000};
  std::uint64_t shard = 0;  // this campaign sends the requests whose index is shard mod shards
  std::uint64_t shards = 1;
  std::size_t shrink_budget = 300;  // requests per finding
  // Wall time per finding's shrinking: a hang or a crash costs a timeout or a restart per try,
  // and generation waits while a finding shrinks.
  std::chrono::milliseconds shrink_time{60'000};
  run::header_list headers;
  const properties::hazards* dictionary = &properties::hazards::builtin();
  std::size_t max_content_size = 64 * 1024;
  // The corpus replayed first, for the signatures it already shows on each target (empty: none).
  std::vector<corpus::test_case> known_cases;
  // An answer is slow when it took `slow_factor` times the target's median for requests of
  // that size, and `slow_floor` more than it.
  double slow_factor = 10.0;
  std::chrono::milliseconds slow_floor{500};
};

// A server of the campaign: where it is, and the process the harness may restart.
struct campaign_target {
  run::target t;
  run::server_control* control = nullptr;
  std::function<std::string()> log_tail;  // the end of its log, when the harness started it
};

struct finding {
  // New: neither the signature nor its family is shown by a corpus case on this target.
  bool is_new() const { return !known && !family_known; }

  std::string target;
  signature sig;
  std::uint64_t count = 0;        // requests that gave this signature
  std::uint64_t first_index = 0;  // the request of the campaign that showed it first
  bool known = false;             // a corpus case shows the same signature on this target
  std::string known_case;
  // A corpus case shows the same family (signature::family) on this target: the same bug
  // reached through a request the reference answers otherwise.
  bool family_known = false;
  std::string family_case;
  // The verdict that case gets: FAIL, or NON-STRICT or INFO where the corpus tolerates the same
  // divergence (a SHOULD or a MAY the live fuzzer, which judges every request as a MUST, meets).
  std::string known_verdict;
  bool family_first = true;   // the campaign's first finding of its family: shrunk the most
  bool confirmed = false;     // it reproduced when sent alone
  corpus::test_case minimal;  // the shrunk request, as a conformance case
  std::size_t original_bytes = 0;
  std::size_t shrink_requests = 0;
  std::vector<std::string> judged;  // the judge's findings on the minimal request
  std::string answer;               // the server's answer to it (escaped)
  std::string wire;                 // the exchange, escaped
  std::string log_tail;
};

struct target_totals {
  std::string name, implementation, version;
  std::uint64_t requests = 0;  // judged
  std::uint64_t skipped = 0;   // needed a field the target lacks
  std::uint64_t unjudged = 0;  // ERROR: upspec could not judge (the target unreachable)
  std::size_t known_signatures = 0;
  bool answered = false;
  std::string note;
};

// Where the time went, summed over workers.
struct time_shares {
  std::chrono::microseconds generating{0}, judging{0}, sending{0}, waiting{0}, canary{0},
      shrinking{0};
};

struct campaign_result {
  std::vector<finding> findings;
  std::vector<target_totals> targets;
  std::uint64_t requests = 0;  // generated
  std::chrono::milliseconds duration{0};
  time_shares time;
};

// What the campaign reports as it goes.
struct campaign_events {
  std::function<void(const std::string&)> note;
  std::function<void(const finding&)> found;
  // Every so often: requests so far, findings so far, restarts so far.
  std::function<void(std::uint64_t, const std::vector<finding>&)> progress;
};

campaign_result run_campaign(const std::vector<campaign_target>& targets,
                             const campaign_options& options, const campaign_events& events);

// The id of request `index` of a campaign, as its case and reports name it.
std::string request_id(std::uint64_t seed, std::uint64_t index);

}  // namespace upspec::fuzz
