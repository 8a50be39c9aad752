// Differential: the streaming parser against properties' whole-buffer oracle, and the body in
// two chunk splits against each other, for the parser's events and the processor's outcome.
// Split A searches for delimiters with the scalar path, split B and the whole body in one chunk
// (where the vector path's blocks run) with the vector path: the two paths must agree.
// Input: three bytes (limits, split A, split B), the boundary, "\n", the body.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/check.hpp"
#include "support/input.hpp"
#include "support/outcome_check.hpp"
#include "support/parser_events.hpp"
#include "support/splits.hpp"
#include "upspec/multipart/parser.hpp"
#include "upspec/properties/oracle.hpp"
#include "upspec/request/outcome.hpp"

namespace {

using namespace upspec;

// Default limits below 128; above, small ones the fuzzer's inputs can run into.
multipart::parser_limits limits_from(std::uint8_t b) {
  if (b < 128) return {};
  multipart::parser_limits lim;
  lim.max_header_bytes = 16 + static_cast<std::size_t>(b & 63) * 4;
  lim.max_header_count = 1 + ((b >> 3) & 7);
  lim.max_transport_padding = b & 7;
  return lim;
}

struct streamed {
  std::vector<std::string> events;
  bool ok = false;
  std::optional<upspec::error> error;
};

streamed parse(std::string_view boundary, const std::vector<std::string_view>& chunks,
               const multipart::parser_limits& limits, multipart::search_path path) {
  multipart::parser p(boundary, limits, path);
  fuzz::event_record log;
  bool ok = true;
  for (std::size_t i = 0; i < chunks.size() && ok; ++i) {
    ok = p.feed(chunks[i], log);
    UPSPEC_FUZZ_CHECK(p.buffered_bytes() <= p.buffer_bound(), "the parser holds over its bound");
  }
  if (ok) ok = p.finish(log);
  return {std::move(log.events), ok, p.error()};
}

request::json processed(std::string_view content_type, const std::vector<std::string_view>& chunks,
                        const request::limits& limits) {
  request::outcome_builder builder;
  request::processor proc(content_type, limits, builder);
  for (std::string_view c : chunks) proc.feed(c);
  proc.finish();
  request::json outcome = builder.render(std::move(proc));
  fuzz::check_outcome(outcome);
  return outcome;
}

std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (a[i] != b[i]) return "event " + std::to_string(i) + ": '" + a[i] + "' vs '" + b[i] + "'";
  return "event counts " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const multipart::parser_limits limits = limits_from(data[0]);
  const auto [boundary, body] =
      fuzz::take_line({reinterpret_cast<const char*>(data) + 3, size - 3});
  const auto split_a = fuzz::fixed_chunks(body, std::size_t{data[1]} + 1);
  // Up to a little over a delimiter's length, so that cuts fall inside delimiter lines.
  const auto split_b = fuzz::seeded_chunks(body, data[2], boundary.size() + 8);

  const streamed a = parse(boundary, split_a, limits, multipart::search_path::scalar);
  const streamed b = parse(boundary, split_b, limits, multipart::search_path::vector);
  const streamed whole = parse(boundary, {body}, limits, multipart::search_path::vector);
  const properties::oracle_result oracle = properties::oracle_parse(boundary, body, limits);

  UPSPEC_FUZZ_CHECK(a.ok == oracle.ok, "parser and oracle disagree on the verdict");
  UPSPEC_FUZZ_CHECK(a.error.has_value() != oracle.ok, "an error with success, or none");
  if (a.error)
    UPSPEC_FUZZ_CHECK(
        a.error->code == oracle.code,
        std::string("parser and oracle disagree on the code: ") + std::string(name(a.error->code)));
  UPSPEC_FUZZ_CHECK(a.events == oracle.events,
                    "parser and oracle disagree: " + first_difference(a.events, oracle.events));
  UPSPEC_FUZZ_CHECK(a.ok == b.ok && a.error == b.error, "two splits disagree on the verdict");
  UPSPEC_FUZZ_CHECK(a.events == b.events,
                    "two splits disagree: " + first_difference(a.events, b.events));
  UPSPEC_FUZZ_CHECK(a.ok == whole.ok && a.error == whole.error,
                    "the scalar and vector searches disagree on the verdict");
  UPSPEC_FUZZ_CHECK(a.events == whole.events, "the scalar and vector searches disagree: " +
                                                  first_difference(a.events, whole.events));

  request::limits lim;
  lim.parser = limits;
  lim.max_file_size = 64;  // small enough for the fuzzer's files to reach
  const std::string content_type =
      "multipart/form-data; boundary=\"" + std::string(boundary) + "\"";
  UPSPEC_FUZZ_CHECK(
      fuzz::same_json(processed(content_type, split_a, lim), processed(content_type, split_b, lim)),
      "two splits give different outcomes");
  return 0;
}
