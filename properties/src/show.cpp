#include <ostream>

#include "upspec/properties/escape.hpp"
#include "upspec/properties/mutations.hpp"
#include "upspec/properties/noise.hpp"
#include "upspec/properties/request.hpp"
#include "upspec/properties/splits.hpp"

namespace upspec::properties {

std::string escaped(std::string_view bytes, std::size_t max) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && i < max; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '"' || c == '\\')
      out += std::string("\\") + static_cast<char>(c);
    else if (c >= 0x20 && c < 0x7F)
      out.push_back(static_cast<char>(c));
    else
      out += std::string("\\x") + kHex[c >> 4] + kHex[c & 0xF] + "\"\"";
  }
  if (bytes.size() > max) out += "... (" + std::to_string(bytes.size()) + " bytes in all)";
  return out;
}

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
