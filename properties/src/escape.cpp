#include "upspec/properties/escape.hpp"

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

}  // namespace upspec::properties
