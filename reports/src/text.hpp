#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace upspec::reports::detail {

// Where escaped text goes. Every string of an index may come from a hostile server (response
// bodies, headers, findings quoting them), so nothing reaches a report unescaped.
enum class Markup {
  xml_text,  // element content: & < > as entities
  xml_attr,  // attribute value: also quotes, and tab/LF/CR as character references
  html,      // element content or quoted attribute: & < > " ' as entities
  markdown,  // one table cell or list line: markup characters escaped, line breaks as spaces
  line,      // plain text on one line (terminal output): line breaks as spaces
};

// Appends `s` escaped for `markup`. Before that, what no report format can carry is made
// visible instead of passed on: bytes that are not UTF-8 become `\xHH`, control characters
// other than tab, LF and CR (C0, DEL, C1) and the non-characters U+FFFE and U+FFFF become `\xHH`
// or `\u{HHHH}` (the notation index.json uses for raw bytes). The result is valid UTF-8 and
// holds only characters allowed in XML 1.0.
void append_escaped(std::string& out, std::string_view s, Markup markup);
std::string escaped(std::string_view s, Markup markup);

// The longest prefix of `s` no longer than `max` bytes that does not split a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max);

}  // namespace upspec::reports::detail
