// Limits: a request exactly at a limit passes; one unit over fails with the limit's code. The
// reference's limits are inclusive bounds, and max_files counts map entries.
#include <algorithm>

#include "check.hpp"
#include "upspec/properties/expectations.hpp"
#include "upspec/properties/request.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::properties {
namespace {

struct limit_case {
  std::string name;
  request::limits at;
  request::limits over;
  json expected_over;
};

std::size_t header_count(const encoder::form_part& p) {
  return (p.omit_disposition ? 0 : 1) + (p.content_type ? 1 : 0) + p.extra_headers.size();
}

// The first part whose `measure` reaches `most`; the parser fails inside its header block.
template <typename Measure>
std::size_t first_part_reaching(const generated_request& g, std::size_t most, Measure measure) {
  for (std::size_t i = 0; i < g.parts.size(); ++i)
    if (measure(i) >= most) return i;
  return g.parts.size();
}

template <typename Measure>
limit_case header_limit(const generated_request& g, std::string name,
                        std::size_t multipart::parser_limits::*field, Measure measure) {
  std::size_t most = 0;
  for (std::size_t i = 0; i < g.parts.size(); ++i) most = std::max(most, measure(i));
  limit_case c{std::move(name), {}, {}, {}};
  c.at.parser.*field = most;
  c.over.parser.*field = most - 1;
  const std::size_t k = first_part_reaching(g, most, measure);
  c.expected_over = failed_at(g, g.layout.parts[k].header_start, "multipart.malformed");
  return c;
}

limit_case gen_limit_case(generated_request& g) {
  const int which = *rc::gen::inRange(0, 6);
  const auto& parts = g.parts;
  if (which == 0) {
    const std::size_t most = std::max(parts[g.index_of(part_role::operations)].part.body.size(),
                                      parts[g.index_of(part_role::map)].part.body.size());
    limit_case c{"max_field_size", {}, {}, rejection("limit.field_size", 413)};
    c.at.max_field_size = most;
    c.over.max_field_size = most - 1;
    return c;
  }
  if (which == 1) {
    std::size_t most = 0;
    for (const auto& f : g.files) most = std::max(most, f.content.size());
    limit_case c{"max_file_size", {}, {}, valid_outcome(g)};
    c.at.max_file_size = most;
    c.over.max_file_size = most - 1;
    for (const auto& f : g.files)
      if (f.content.size() == most)
        c.expected_over["uploads"][f.field] = upload_error("limit.file_size");
    return c;
  }
  if (which == 2) {
    limit_case c{"max_files", {}, {}, rejection("limit.files", 413)};
    c.at.max_files = g.files.size();
    c.over.max_files = g.files.size() - 1;
    return c;
  }
  if (which == 3) {
    if (g.encoding.transport_padding.empty()) {
      g.encoding.transport_padding = " ";
      encode(g);
    }
    const auto candidates = delimiter_candidates(g.body, g.encoding.boundary, g.layout);
    std::size_t most = 0;
    for (const auto& d : candidates) most = std::max(most, d.padding);
    limit_case c{"max_transport_padding", {}, {}, {}};
    c.at.parser.max_transport_padding = most;
    c.over.parser.max_transport_padding = most - 1;
    const auto first = std::find_if(candidates.begin(), candidates.end(),
                                    [most](const auto& d) { return d.padding >= most; });
    c.expected_over = failed_at(g, first->at, "multipart.malformed");
    return c;
  }
  if (which == 4)
    return header_limit(g, "max_header_bytes", &multipart::parser_limits::max_header_bytes,
                        [&g](std::size_t i) {
                          return g.layout.parts[i].content_start - g.layout.parts[i].header_start;
                        });
  return header_limit(g, "max_header_count", &multipart::parser_limits::max_header_count,
                      [&g](std::size_t i) { return header_count(g.parts[i].part); });
}

UPSPEC_PROPERTY(Limits, AtTheLimitPassesOneOverFails, ()) {
  generated_request g = *gen_request({true});
  const limit_case c = gen_limit_case(g);
  RC_TAG(c.name);
  const json at = normalize(request::reference_outcome(g.content_type, g.body, c.at));
  const json over = normalize(request::reference_outcome(g.content_type, g.body, c.over));
  RC_LOG() << "at the limit: " << request::dump_json(at).substr(0, 3000)
           << "\none over: " << request::dump_json(over).substr(0, 3000)
           << "\nexpected over: " << request::dump_json(c.expected_over).substr(0, 3000) << "\n";
  RC_ASSERT(request::dump_json(at) == request::dump_json(valid_outcome(g)));
  RC_ASSERT(outcome_matches(over, c.expected_over));
}

}  // namespace
}  // namespace upspec::properties
