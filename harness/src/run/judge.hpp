#pragma once
// The verdict of one case on one target (design.md, "Cases and verdicts"), from what was
// observed. Pure: no sockets here, so every rule of judgement is unit-tested.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/http_response.hpp"
#include "corpus/test_case.hpp"

namespace upspec::run {

// What the harness knows of a target when judging.
struct target_traits {
  bool upspec_codes = false;                 // answers carry upspec error codes in extensions.code
  std::set<std::string> unsupported_fields;  // schema fields it lacks
};

// What happened to one case.
struct observation {
  std::optional<client::http_response> response;  // absent: no answer
  std::string transport_error;                    // why there is no answer (timeout, reset, ...)
  bool connection_unusable =
      false;                   // kept open after an error answer, but a request on it then failed
  bool canary_failed = false;  // a known-good request on a fresh connection failed afterwards
  std::string canary_error;
  std::string server_exited;  // how the server's process ended during the case, when it did
};

struct judgement {
  corpus::verdict verdict = corpus::verdict::pass;
  std::vector<std::string> findings;
  std::string actual_summary;  // "400 map.path_invalid", "200 data as expected", "no answer"
  std::optional<std::string> actual_code;
};

judgement judge(const corpus::test_case& c, const target_traits& target, const observation& seen);

// "400 map.path_invalid" or "200": how reports show an expectation.
std::string expected_summary(const corpus::expectation& e);

}  // namespace upspec::run
