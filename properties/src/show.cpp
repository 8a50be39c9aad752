#include <ostream>

#include "upspec/properties/escape.hpp"
#include "upspec/properties/mutations.hpp"
#include "upspec/properties/noise.hpp"
#include "upspec/properties/request.hpp"
#include "upspec/properties/splits.hpp"

namespace upspec::properties {

void showValue(const generated_request& g, std::ostream& os) {
  os << "request{content_type=\"" << escaped(g.content_type) << "\", " << g.files.size()
     << " files, " << g.parts.size() << " parts, body=\"" << escaped(g.body) << "\"}";
}

void showValue(const mutated_request& m, std::ostream& os) {
  os << "mutation " << m.name << "{content_type=\"" << escaped(m.content_type)
     << "\", max_field_size=" << m.limits.max_field_size << ", max_file_size="
     << (m.limits.max_file_size ? std::to_string(*m.limits.max_file_size) : "none")
     << ", max_files=" << (m.limits.max_files ? std::to_string(*m.limits.max_files) : "none")
     << ", expected=" << m.expected.dump() << ", body=\"" << escaped(m.body) << "\"}";
}

void showValue(const parser_case& c, std::ostream& os) {
  os << c.origin << "{boundary=\"" << escaped(c.boundary)
     << "\", max_header_bytes=" << c.limits.max_header_bytes
     << ", max_header_count=" << c.limits.max_header_count
     << ", max_transport_padding=" << c.limits.max_transport_padding << ", body=\""
     << escaped(c.body) << "\"}";
}

void showValue(const split_plan& plan, std::ostream& os) {
  os << describe(plan);
}

}  // namespace upspec::properties
