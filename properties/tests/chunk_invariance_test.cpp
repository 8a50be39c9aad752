// Chunk invariance: however a body is split, the parser reports the same events and the
// processor the same outcome, error messages included.
#include "check.hpp"
#include "support.hpp"
#include "upspec/properties/mutations.hpp"
#include "upspec/properties/noise.hpp"
#include "upspec/properties/request.hpp"

namespace upspec::properties {
namespace {

using testing::run_parser;
using testing::run_processor;

struct subject {
  std::string origin;
  std::optional<std::string> content_type;  // set when the body is a whole request
  std::string boundary;
  std::string body;
  request::limits limits;
};

rc::Gen<subject> gen_subject() {
  return rc::gen::exec([] {
    switch (*rc::gen::inRange(0, 3)) {
      case 0: {
        const generated_request g = *gen_request();
        return subject{"valid", g.content_type, g.encoding.boundary, g.body, {}};
      }
      case 1: {
        const mutated_request m = *gen_mutated_request();
        return subject{m.name, m.content_type, m.boundary, m.body, m.limits};
      }
      default: {
        const parser_case c = *gen_parser_case();
        request::limits lim;
        lim.parser = c.limits;
        return subject{"parser " + c.origin, std::nullopt, c.boundary, c.body, lim};
      }
    }
  });
}

void showValue(const subject& s, std::ostream& os) {
  os << s.origin << " (" << s.body.size() << " bytes)";
}

UPSPEC_PROPERTY(ChunkInvariance, EverySplitGivesTheSameEventsAndOutcome, ()) {
  const subject s = *gen_subject();
  const split_plan plan = *gen_split_plan(s.body, s.boundary);

  const auto whole = run_parser(s.boundary, s.body, split_plan{}, s.limits.parser);
  const auto split = run_parser(s.boundary, s.body, plan, s.limits.parser);
  RC_LOG() << testing::first_difference(whole.events, split.events) << "\n";
  RC_ASSERT(split.events == whole.events);
  RC_ASSERT(split.ok == whole.ok);
  RC_ASSERT(split.error == whole.error);

  if (s.content_type) {
    const json once = run_processor(*s.content_type, s.body, split_plan{}, s.limits);
    const json chunked = run_processor(*s.content_type, s.body, plan, s.limits);
    RC_LOG() << "whole: " << request::dump_json(once).substr(0, 2000)
             << "\nsplit: " << request::dump_json(chunked).substr(0, 2000) << "\n";
    RC_ASSERT(request::dump_json(chunked) == request::dump_json(once));
  }
}

// The vector delimiter search against the scalar one it replaces: the same events and verdict
// for the whole body (where the vector path's blocks run) and for any split.
UPSPEC_PROPERTY(ChunkInvariance, EverySearchPathGivesTheSameEvents, ()) {
  const subject s = *gen_subject();
  const split_plan plan = *gen_split_plan(s.body, s.boundary);
  using multipart::search_path;

  const auto scalar =
      run_parser(s.boundary, s.body, split_plan{}, s.limits.parser, search_path::scalar);
  for (const auto& [path, cut] :
       {std::pair{search_path::vector, split_plan{}}, std::pair{search_path::vector, plan},
        std::pair{search_path::scalar, plan}}) {
    const auto other = run_parser(s.boundary, s.body, cut, s.limits.parser, path);
    RC_LOG() << testing::first_difference(scalar.events, other.events) << "\n";
    RC_ASSERT(other.events == scalar.events);
    RC_ASSERT(other.ok == scalar.ok);
    RC_ASSERT(other.error == scalar.error);
  }
}

}  // namespace
}  // namespace upspec::properties
