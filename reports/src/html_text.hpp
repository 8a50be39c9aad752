#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace upspec::reports::detail {

// Appends `s` HTML-escaped; past `max` bytes it is cut, and the cut is said.
void append_html(std::string& out, std::string_view s,
                 std::size_t max = static_cast<std::size_t>(-1));

// For the strings that carry bytes in index.json's notation (CR and LF written as `\r` and
// `\n`): as append_html, plus a real line break after each `\n` so that a request or a wire log
// reads as lines in a <pre>. The escapes themselves stay visible: they are the exact bytes.
void append_bytes_html(std::string& out, std::string_view s, std::size_t max);

}  // namespace upspec::reports::detail
