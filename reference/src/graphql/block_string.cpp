#include "upspec/graphql/block_string.hpp"

#include <algorithm>
#include <vector>

namespace upspec::graphql {
namespace {

bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

std::size_t leading_white_space(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && is_white_space(line[n])) ++n;
  return n;
}

bool is_blank(std::string_view line) {
  return leading_white_space(line) == line.size();
}

// GraphQL Oct 2021 §2.1.3: LF, CR and CRLF all terminate a line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

// GraphQL Oct 2021 §2.9.4: BlockStringValue(rawValue).
std::string block_string_value(std::string_view raw) {
  std::vector<std::string_view> lines = split_lines(raw);

  // The first line is excluded: it follows the opening quotes, so its indent means nothing.
  std::size_t common_indent = std::string_view::npos;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::size_t indent = leading_white_space(lines[i]);
    if (indent < lines[i].size()) common_indent = std::min(common_indent, indent);
  }
  if (common_indent != std::string_view::npos) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      lines[i].remove_prefix(std::min(common_indent, lines[i].size()));
    }
  }

  std::size_t first = 0;
  std::size_t last = lines.size();
  while (first < last && is_blank(lines[first])) ++first;
  while (last > first && is_blank(lines[last - 1])) --last;

  std::string formatted;
  for (std::size_t i = first; i < last; ++i) {
    if (i != first) formatted += '\n';
    formatted += lines[i];
  }
  return formatted;
}

}  // namespace upspec::graphql
