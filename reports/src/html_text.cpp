#include "html_text.hpp"

#include "text.hpp"

namespace upspec::reports::detail {
namespace {

void append_cut_note(std::string& out, std::size_t kept, std::size_t total) {
  if (kept < total) out += "…[" + std::to_string(total - kept) + " more bytes in index.json]";
}

}  // namespace

void append_html(std::string& out, std::string_view s, std::size_t max) {
  const std::string_view kept = utf8_prefix(s, max);
  append_escaped(out, kept, Markup::html);
  append_cut_note(out, kept.size(), s.size());
}

void append_bytes_html(std::string& out, std::string_view s, std::size_t max) {
  const std::string_view kept = utf8_prefix(s, max);
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < kept.size()) {
    if (kept[i] != '\\' || i + 1 == kept.size()) {
      ++i;
      continue;
    }
    // An escape is two characters at least; skipping both keeps `\\n` (a backslash, then n)
    // from reading as a line feed.
    const bool line_feed = kept[i + 1] == 'n';
    i += 2;
    if (line_feed && i < kept.size() && kept[i] != '\n') {
      append_escaped(out, kept.substr(start, i - start), Markup::html);
      out += '\n';
      start = i;
    }
  }
  append_escaped(out, kept.substr(start), Markup::html);
  append_cut_note(out, kept.size(), s.size());
}

}  // namespace upspec::reports::detail
