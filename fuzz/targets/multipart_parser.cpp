// The raw multipart parser. Input: the boundary, "\n", the body. The body goes in as one chunk,
// which is how a server that buffers the whole request feeds it, and what keeps this target
// fast enough to search the parser's state space deeply (splits are the differential target's).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "support/check.hpp"
#include "support/input.hpp"
#include "support/parser_events.hpp"
#include "upspec/multipart/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upspec;
  const auto [boundary, body] = fuzz::take_line({reinterpret_cast<const char*>(data), size});
  multipart::parser parser(boundary);
  fuzz::event_order events;
  const bool fed = parser.feed(body, events);
  UPSPEC_FUZZ_CHECK(parser.buffered_bytes() <= parser.buffer_bound(),
                    "the parser holds more than its bound");
  const bool ok = parser.finish(events);
  UPSPEC_FUZZ_CHECK(ok == (fed && !parser.failed()), "finish() contradicts feed()");
  UPSPEC_FUZZ_CHECK(ok == parser.complete(), "finish() succeeded without the close delimiter");
  UPSPEC_FUZZ_CHECK(ok == events.closed(), "the verdict and the close event disagree");
  UPSPEC_FUZZ_CHECK(ok != parser.error().has_value(), "a verdict without an error, or both");
  return 0;
}
