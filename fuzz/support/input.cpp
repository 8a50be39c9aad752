#include "support/input.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

namespace upspec::fuzz {
namespace {

std::optional<std::uint64_t> number(std::string_view word) {
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), n);
  if (ec != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return n;
}

std::string_view next_word(std::string_view& line) {
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  const auto space = line.find(' ');
  const std::string_view word = line.substr(0, space);
  line.remove_prefix(space == std::string_view::npos ? line.size() : space);
  return word;
}

}  // namespace

line_split take_line(std::string_view input) {
  const auto lf = input.find('\n');
  if (lf == std::string_view::npos) return {input, {}};
  return {input.substr(0, lf), input.substr(lf + 1)};
}

request::limits parse_limits_line(std::string_view line) {
  request::limits lim;
  if (const auto n = number(next_word(line))) lim.max_field_size = *n;
  lim.max_file_size = number(next_word(line));
  lim.max_files = number(next_word(line));
  return lim;
}

std::string format_limits_line(const request::limits& limits) {
  const auto word = [](const std::optional<std::uint64_t>& n) {
    return n ? std::to_string(*n) : std::string("-");
  };
  return word(limits.max_field_size) + " " + word(limits.max_file_size) + " " +
         word(limits.max_files);
}

}  // namespace upspec::fuzz
