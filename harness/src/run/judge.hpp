#pragma once
// The verdict of one case on one target (design.md, "Cases and verdicts"), from what was
// observed. Pure: no sockets here, so every rule of judgement is unit-tested.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/http_response.hpp"
#include "corpus/test_case.hpp"
#include "run/silence.hpp"

namespace upspec::run {

// What the harness knows of a target when judging.
struct target_traits {
  bool upspec_codes = false;                 // answers carry upspec error codes in extensions.code
  std::set<std::string> unsupported_fields;  // schema fields it lacks
};

// What happened to one case.
struct observation {
  std::optional<client::http_response> response;  // absent: no answer
  silence why_none = silence::none;               // why there is no answer
  std::string transport_error;                    // why there is no answer, as text
  bool connection_unusable =
      false;                   // kept open after an error answer, but a request on it then failed
  bool canary_failed = false;  // a known-good request on a fresh connection failed afterwards
  std::string canary_error;
  bool unresponsive = false;  // ... and it got no answer at all: the whole server stopped answering
  std::string server_exited;  // how the server's process ended during the case, when it did
};

// What kind of misbehaviour a finding is: the first part of a fuzz finding's signature
// (design.md, "Live fuzzing"), and what reports count by.
enum class problem {
  unjudged,           // upspec could not judge (ERROR): nothing reached, or the harness failed
  mismatch,           // another answer than the reference's (status, code, data or errors)
  corruption,         // a 200 whose files' bytes, sizes or names differ from what was sent
  server_error,       // a 5xx
  dropped,            // the connection closed without an answer
  garbage,            // an answer that is not HTTP/1.1, or larger than upspec reads
  hang,               // no answer within the timeout
  broken_connection,  // a connection kept open after an error answer could not carry another
  exited,             // the server's process ended during the case
  poisoned,           // the canary afterwards failed
  slow,               // answered, but far slower than the target's usual (the live fuzzer's)
};

std::string_view to_string(problem p);
// The problem a signature is named by when several apply: the one that hurts most.
problem primary(const std::vector<problem>& problems);

struct judgement {
  corpus::verdict verdict = corpus::verdict::pass;
  std::vector<std::string> findings;
  std::vector<problem> problems;  // what each finding is, in the same order
  std::string actual_summary;     // "400 map.path_invalid", "200 data as expected", "no answer"
  std::optional<std::string> actual_code;
};

judgement judge(const corpus::test_case& c, const target_traits& target, const observation& seen);

// What missing a rule of this level costs: FAIL for MUST, NON-STRICT for SHOULD, INFO for MAY.
corpus::verdict missed(corpus::level l);
// Adds a finding; the verdict becomes `v` when that is worse than the one so far.
void worsen(judgement& j, corpus::verdict v, problem p, std::string finding);

// UNSUPPORTED, when the case needs a schema field the target lacks: nothing is sent then.
std::optional<judgement> unsupported_by(const corpus::test_case& c, const target_traits& target);

// "400 map.path_invalid" or "200": how reports show an expectation.
std::string expected_summary(const corpus::expectation& e);

}  // namespace upspec::run
