#include "serve/connection_set.hpp"

#include <vector>

namespace upspec::serve {

std::uint64_t connection_set::add(std::weak_ptr<stoppable> c) {
  const std::lock_guard lock(mutex_);
  if (stopping_) return 0;
  const std::uint64_t id = next_id_++;
  open_.emplace(id, std::move(c));
  return id;
}

void connection_set::remove(std::uint64_t id) {
  std::function<void()> notify;
  {
    const std::lock_guard lock(mutex_);
    if (open_.erase(id) == 0) return;
    if (stopping_ && open_.empty()) notify = std::move(on_empty_);
  }
  if (notify) notify();
}

void connection_set::stop_all(std::function<void()> on_empty) {
  std::vector<std::shared_ptr<stoppable>> live;
  bool already_empty = false;
  {
    const std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    already_empty = open_.empty();
    if (!already_empty) on_empty_ = std::move(on_empty);
    for (const auto& [id, weak] : open_)
      if (auto c = weak.lock()) live.push_back(std::move(c));
  }
  // Outside the lock: a connection may finish, and remove itself, while being asked.
  if (already_empty) on_empty();
  for (const auto& c : live) c->request_stop();
}

std::size_t connection_set::size() const {
  const std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace upspec::serve
