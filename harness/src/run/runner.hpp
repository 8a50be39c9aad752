#pragma once
// Replays cases against one target: each case's exact bytes on a keep-alive connection, then
// a canary on a fresh one, and the verdict.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "client/http_response.hpp"
#include "corpus/test_case.hpp"
#include "run/judge.hpp"
#include "run/server_control.hpp"
#include "run/target.hpp"
#include "run/wire.hpp"

namespace upspec::run {

struct run_options {
  unsigned jobs = 1;
  std::chrono::milliseconds timeout{10'000};
  header_list headers;  // --header K:V, added to every request
  bool canary = true;
  // Restart a poisoned server even with several cases in flight (the live fuzzer, which
  // confirms each finding alone before it blames a request).
  bool restart_poisoned_always = false;
};

struct case_result {
  std::size_t case_index = 0;
  judgement j;
  std::optional<client::http_response> response;
  std::string connection;  // reused, closed or broken
  bool poisoned = false;
  std::string wire;
  long duration_ms = 0;
  std::chrono::microseconds sending{0};  // writing the request
  std::chrono::microseconds waiting{0};  // from the last byte sent to the whole answer
  std::chrono::microseconds canary{0};   // the canaries after it
};

struct target_run {
  target t;
  std::vector<case_result> results;  // in the order of the cases given
  std::string url;        // where it was reached ({port} for servers the harness started)
  std::string log;        // the end of the server's log when something went wrong with the server
  std::string note;       // what the harness could not judge on this target, and why
  bool came_up = true;    // false: the harness could not install or start it (every case ERROR)
  bool answered = false;  // whether it ever gave an HTTP answer
  std::string first_silence;  // why the first case got no answer, when one did not
};

using result_callback =
    std::function<void(const target&, const corpus::test_case&, const case_result&)>;

// `control`, when given, is the target's server started by the harness: it is started again
// when it exits during a case or (with one job) when a canary finds it poisoned.
target_run run_target(const target& t, const std::vector<corpus::test_case>& cases,
                      const run_options& options, const result_callback& on_result,
                      server_control* control = nullptr);

// The case with its expectation re-derived for a target whose limits differ from the case's,
// or nullopt when the case tests the limits themselves (UNSUPPORTED there).
std::optional<corpus::test_case> adapt_to_limits(const corpus::test_case& c,
                                                 const request::limits& limits);
// adapt_to_limits for the target's limits; a body over its max_request_size is then owed 413.
std::optional<corpus::test_case> adapt_to_target(const corpus::test_case& c, const target& t);

}  // namespace upspec::run
