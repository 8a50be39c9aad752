#pragma once
// The server's open connections, so that stopping can reach each of them. Thread-safe.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace upspec::serve {

class stoppable {
 public:
  virtual ~stoppable() = default;
  // Finish the request in progress, if any, then close; thread-safe.
  virtual void request_stop() = 0;
};

class connection_set {
 public:
  // 0 when the set is already stopping: the caller should close at once.
  std::uint64_t add(std::weak_ptr<stoppable> c);
  void remove(std::uint64_t id);

  // Asks every connection to stop; `on_empty` runs once none is left (at once if none is).
  void stop_all(std::function<void()> on_empty);
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<stoppable>> open_;
  std::uint64_t next_id_ = 1;
  bool stopping_ = false;
  std::function<void()> on_empty_;
};

}  // namespace upspec::serve
