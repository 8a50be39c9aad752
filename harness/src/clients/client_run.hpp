#pragma once
// One adapter driven through a run: required commands, install, the plan, the adapter's process
// against the recording server, then every scenario judged from the requests that arrived.

#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "clients/client_definition.hpp"
#include "clients/expected_request.hpp"
#include "run/runner.hpp"
#include "serve/recorded_request.hpp"

namespace upspec::clients {

// What the recording server received, taken by whoever runs the adapter.
class request_store {
 public:
  void add(serve::recorded_request r);
  std::vector<serve::recorded_request> take();

 private:
  std::mutex mutex_;
  std::vector<serve::recorded_request> requests_;
};

struct client_run_options {
  bool reinstall = false;
  std::chrono::seconds timeout{600};  // the adapter's whole run
  std::filesystem::path work;         // where plans go; the scenario files are in work/files
  std::filesystem::path log;          // the adapter's install and run output
};

using scenario_done =
    std::function<void(const client_definition&, const scenario&, const run::case_result&)>;
using say = std::function<void(const std::string&)>;

run::target_run run_client(const client_definition& client, const std::vector<scenario>& scenarios,
                           const std::vector<expected_request>& expected,
                           const std::string& server_url, request_store& store,
                           const client_run_options& options, const scenario_done& done,
                           const say& tell);

}  // namespace upspec::clients
