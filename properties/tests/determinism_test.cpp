// Determinism: the same bytes give the same JSON, byte for byte, wherever they sit in memory.
#include <memory>

#include "check.hpp"
#include "support.hpp"
#include "upspec/properties/mutations.hpp"
#include "upspec/properties/noise.hpp"
#include "upspec/properties/request.hpp"

namespace upspec::properties {
namespace {

UPSPEC_PROPERTY(Determinism, SameBytesGiveTheSameJson, ()) {
  std::string content_type;
  std::string body;
  request::limits limits;
  switch (*rc::gen::inRange(0, 3)) {
    case 0: {
      const generated_request g = *gen_request();
      content_type = g.content_type;
      body = g.body;
      break;
    }
    case 1: {
      const mutated_request m = *gen_mutated_request();
      content_type = m.content_type;
      body = m.body;
      limits = m.limits;
      break;
    }
    default: {
      const parser_case c = *gen_parser_case();
      content_type = testing::content_type_for(c.boundary);
      body = c.body;
      limits.parser = c.limits;
    }
  }
  const auto chunk = *rc::gen::inRange<std::size_t>(1, body.size() + 2);
  const std::string first =
      request::dump_json(request::reference_outcome(content_type, body, limits, chunk));

  // The same bytes again, copied to an odd address of a fresh buffer.
  const auto shift = *rc::gen::inRange<std::size_t>(1, 8);
  const auto buffer = std::make_unique<char[]>(body.size() + shift);
  std::copy(body.begin(), body.end(), buffer.get() + shift);
  const std::string_view copy(buffer.get() + shift, body.size());
  const std::string second =
      request::dump_json(request::reference_outcome(content_type, copy, limits, chunk));
  RC_ASSERT(first == second);
}

}  // namespace
}  // namespace upspec::properties
