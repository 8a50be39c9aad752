#pragma once
// How the reference server behaves: the reference's limits plus the connection policy.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ostream>

#include "serve/recorded_request.hpp"
#include "upspec/request/limits.hpp"

namespace upspec::serve {

struct server_options {
  request::limits limits;  // the same limits `upspec reference` takes
  // nginx-style timeouts: a request head must arrive whole within idle_timeout, and each read
  // of a body or each write may wait at most idle_timeout; an idle keep-alive connection is
  // closed after it too.
  std::chrono::milliseconds idle_timeout{30'000};
  // After an early answer (a rejection known before the body ended) the rest of the body is
  // read and discarded when at most this many bytes remain, so the connection stays usable;
  // otherwise the answer says Connection: close.
  std::uint64_t drain_limit = 8 * 1024 * 1024;
  // After Connection: close with body bytes still coming, how long unread bytes are discarded
  // before closing, so that the client reads the answer instead of a reset.
  std::chrono::milliseconds linger_timeout{2'000};
  // On stop(), how long requests in progress may take to finish before they are cut.
  std::chrono::milliseconds shutdown_grace{5'000};
  unsigned threads = 2;         // threads running the one io_context
  std::ostream* log = nullptr;  // one line per request; nullptr: no log
  // Recording mode (`upspec clients`): every request is read to its end, even one refused
  // early, and handed here whole before it is answered.
  request_recorder record;
};

}  // namespace upspec::serve
