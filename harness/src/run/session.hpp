#pragma once
// One target as requests are played against it, for `upspec run` and `upspec fuzz` alike
// (design.md, "Cases and verdicts"): where it listens (the built-in server: one instance per
// limits profile), the keep-alive connections, the canary after each case, and what follows a
// case that broke the server. A server the harness started is restarted after it exited,
// stopped answering, or (one case at a time) was poisoned, for as long as it comes back; one
// that cannot be started again leaves every later case ERROR, said once in the note.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>

#include "client/raw_connection.hpp"
#include "corpus/test_case.hpp"
#include "run/judge.hpp"
#include "run/runner.hpp"
#include "run/server_control.hpp"
#include "run/target.hpp"

namespace upspec::run {

class builtin_servers;

// The known-good request sent after each case: the specification's single-file upload.
const corpus::test_case& canary_case();

class target_session {
 public:
  // A worker's keep-alive connections, one per endpoint; every worker has its own.
  using connections = std::map<std::uint16_t, std::unique_ptr<client::raw_connection>>;

  // Checks the canary once against a target the harness did not build in: a target that
  // refuses it before any case (a CSRF check, say) would have every case blamed for poisoning.
  target_session(const target& t, const run_options& options, server_control* control);
  ~target_session();
  target_session(const target_session&) = delete;
  target_session& operator=(const target_session&) = delete;

  // Sends `c` (already adapted to the target's limits), judges the answer, sends the canary,
  // and restarts the server when the case broke it.
  case_result play(const corpus::test_case& c, connections& mine);

  const target& subject() const { return target_; }
  // The target's URL, with {port} where the harness chose the port (reports diff cleanly).
  const std::string& url() const { return url_; }
  // What the harness could not judge on this target, and why.
  std::string note() const;
  // Whether the target ever gave an HTTP answer, to a case or a canary.
  bool ever_answered() const { return answered_; }
  // Why the first case got no answer (for a target that never answered).
  std::string first_silence() const;

 private:
  struct canary_failure {
    std::string why;
    silence how = silence::none;
  };
  std::optional<canary_failure> canary_fails(const endpoint& ep, client::raw_connection* reuse);
  endpoint endpoint_for(const corpus::test_case& c);
  // How the server's process ended during the case, when it did (it is then started again).
  std::optional<std::string> check_exit(bool answered);
  // Starts the server again unless another worker already did since `generation`.
  void restart(const corpus::test_case& c, const std::string& reason, std::uint64_t generation);
  void add_note(const std::string& line);

  target target_;
  run_options options_;
  server_control* control_;
  std::unique_ptr<builtin_servers> builtin_;
  endpoint fixed_;
  std::string url_;
  header_list extra_;
  bool canary_;
  // Cases run under a shared lock; a restart takes it exclusively, so that no case of another
  // worker is sent to a server that is going down.
  std::shared_mutex gate_;
  std::uint64_t generation_ = 0;  // restarts so far, under gate_
  std::atomic<bool> answered_{false};
  std::atomic<bool> down_{false};
  mutable std::mutex notes_mutex_;
  std::string note_;
  std::string first_silence_;
};

}  // namespace upspec::run
