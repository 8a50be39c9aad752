// The whole request processor, as `upspec reference` runs it. Input: the Content-Type value,
// "\n", a limits line (support/input.hpp), "\n", the body.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "support/check.hpp"
#include "support/input.hpp"
#include "support/outcome_check.hpp"
#include "upspec/request/outcome.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upspec;
  const auto [content_type, after] = fuzz::take_line({reinterpret_cast<const char*>(data), size});
  const auto [limits_line, body] = fuzz::take_line(after);
  const request::limits limits = fuzz::parse_limits_line(limits_line);

  request::outcome_builder builder;
  request::processor proc(content_type, limits, builder);
  proc.feed(body);
  proc.finish();
  fuzz::check_settled(proc, limits);
  const request::json outcome = builder.render(std::move(proc));
  fuzz::check_outcome(outcome);
  // What the command prints must serialise, whatever bytes the request carried.
  UPSPEC_FUZZ_CHECK(!request::dump_json(outcome).empty(), "the outcome does not serialise");
  return 0;
}
