// The parser holds at most buffer_bound() bytes between calls, whatever the parts' sizes, the
// limits and the splits; the bound itself never moves.
#include "check.hpp"
#include "support.hpp"
#include "upspec/properties/noise.hpp"

namespace upspec::properties {
namespace {

UPSPEC_PROPERTY(BufferBound, BufferedBytesNeverExceedTheBound, ()) {
  const parser_case c = *gen_parser_case();
  const split_plan plan = *gen_split_plan(c.body, c.boundary);
  RC_CLASSIFY(c.body.size() > 256 * 1024, "body over 256 KiB");
  const auto run = testing::run_parser(c.boundary, c.body, plan, c.limits);
  RC_LOG() << "most buffered " << run.most_buffered << ", bound " << run.bound << "\n";
  RC_ASSERT(run.within_bound);
  RC_ASSERT(!run.bound_changed);
  // The bound does not depend on the body: a parser that has read nothing has the same one.
  RC_ASSERT(run.bound == multipart::parser(c.boundary, c.limits).buffer_bound());
}

}  // namespace
}  // namespace upspec::properties
