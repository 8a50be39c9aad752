#include "upspec/properties/hazards.hpp"

#include <algorithm>

namespace upspec::properties {

// Generated at configure time from fuzz/dict/hazards/*.dict (properties/cmake/embed_hazards.cmake).
struct builtin_dictionary {
  const char* category;
  const char* text;
};
extern const builtin_dictionary kBuiltinHazards[];
extern const std::size_t kBuiltinHazardCount;

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const std::vector<std::string> kNone;

}  // namespace

std::variant<std::optional<std::string>, std::string> parse_dictionary_line(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos || line[first] == '#') return std::optional<std::string>();
  const auto open = line.find('"', first);
  if (open == std::string_view::npos) return std::string("no quoted value");
  // What comes before the value is a name and '=' (libFuzzer and AFL allow both forms).
  const std::string_view lead = line.substr(first, open - first);
  if (!lead.empty() && lead.back() != '=') return std::string("expected name=\"value\"");
  std::string value;
  std::size_t i = open + 1;
  for (; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] != '\\') {
      value.push_back(line[i]);
      continue;
    }
    if (++i == line.size()) return std::string("a backslash ends the line");
    if (line[i] == '\\' || line[i] == '"') {
      value.push_back(line[i]);
    } else if (line[i] == 'x' && i + 2 < line.size() && hex_digit(line[i + 1]) >= 0 &&
               hex_digit(line[i + 2]) >= 0) {
      value.push_back(static_cast<char>(hex_digit(line[i + 1]) * 16 + hex_digit(line[i + 2])));
      i += 2;
    } else {
      return std::string("unknown escape \\") + line[i];
    }
  }
  if (i == line.size()) return std::string("the value's quote is not closed");
  const auto rest = line.find_first_not_of(" \t\r", i + 1);
  if (rest != std::string_view::npos) return std::string("text after the value");
  return std::optional<std::string>(std::move(value));
}

const hazards& hazards::builtin() {
  static const hazards h = [] {
    hazards out;
    for (std::size_t i = 0; i < kBuiltinHazardCount; ++i)
      // The built-in files are checked by a test; a bad line here would be a build-time bug.
      (void)out.add_text(kBuiltinHazards[i].category, kBuiltinHazards[i].text);
    return out;
  }();
  return h;
}

std::optional<std::string> hazards::add_text(const std::string& category, std::string_view text) {
  std::vector<std::string> values;
  std::size_t number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    ++number;
    auto parsed = parse_dictionary_line(text.substr(start, end - start));
    if (auto* why = std::get_if<std::string>(&parsed))
      return "line " + std::to_string(number) + ": " + *why;
    if (auto& value = std::get<std::optional<std::string>>(parsed)) values.push_back(*value);
    start = end + 1;
  }
  for (auto& v : values) add(category, std::move(v));
  return std::nullopt;
}

void hazards::add(const std::string& category, std::string value) {
  const bool known = category.rfind(hazard::members_prefix, 0) == 0 ||
                     category == hazard::numbers || category == hazard::boundary_bytes ||
                     category == hazard::header_parameters || category == hazard::media_types ||
                     category == hazard::json_tokens || category == hazard::filenames;
  if (category.rfind(hazard::members_prefix, 0) == 0 &&
      std::find(members_.begin(), members_.end(), value) == members_.end())
    members_.push_back(value);
  if (!known) extra_.push_back(value);
  entries_[category].push_back(std::move(value));
}

const std::vector<std::string>& hazards::of(std::string_view category) const {
  const auto it = entries_.find(category);
  return it == entries_.end() ? kNone : it->second;
}

std::vector<std::string> hazards::categories() const {
  std::vector<std::string> out;
  for (const auto& [name, values] : entries_) out.push_back(name);
  return out;
}

std::size_t hazards::size() const {
  std::size_t n = 0;
  for (const auto& [name, values] : entries_) n += values.size();
  return n;
}

}  // namespace upspec::properties
