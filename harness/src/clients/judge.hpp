#pragma once
// The verdict of one scenario on one client, from the requests that arrived for it. Pure: the
// recording server and the adapter's process stay outside, so every rule is unit-tested.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clients/expected_request.hpp"
#include "clients/scenario.hpp"
#include "run/judge.hpp"
#include "serve/recorded_request.hpp"

namespace upspec::clients {

struct client_traits {
  std::set<std::string> unsupported;  // scenario features the library cannot express
};

// UNSUPPORTED when the scenario needs a feature the client lacks: the adapter is not asked.
std::optional<run::judgement> unsupported_by(const scenario& s, const client_traits& client);

// `sent`: the requests that arrived for the scenario, in arrival order; `adapter_said`: what the
// adapter wrote about it (an exception of the library), quoted when nothing arrived.
run::judgement judge_scenario(const scenario& s, const expected_request& want,
                              const std::vector<serve::recorded_request>& sent,
                              const std::string& adapter_said = {});

}  // namespace upspec::clients
