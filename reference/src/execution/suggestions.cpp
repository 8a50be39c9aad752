#include "suggestions.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace upspec::execution {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// graphql-js naturalCompare(): digit runs compare by value.
bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      unsigned long long x = 0;
      unsigned long long y = 0;
      do x = x * 10 + static_cast<unsigned>(a[i++] - '0');
      while (i < a.size() && is_digit(a[i]) && x > 0 && x < 1'000'000'000'000ULL);
      do y = y * 10 + static_cast<unsigned>(b[j++] - '0');
      while (j < b.size() && is_digit(b[j]) && y > 0 && y < 1'000'000'000'000ULL);
      if (x != y) return x < y;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() < b.size();
}

// graphql-js LexicalDistance.measure(): optimal string alignment distance, or nullopt when it
// exceeds the threshold.
std::optional<std::size_t> lexical_distance(std::string_view input, std::string_view option,
                                            std::size_t threshold) {
  if (input == option) return 0;
  std::string a = lower(option);
  std::string b = lower(input);
  if (a == b) return 1;
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > threshold) return std::nullopt;
  std::vector<std::vector<std::size_t>> rows(3, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t j = 0; j <= b.size(); ++j) rows[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const auto& up = rows[(i - 1) % 3];
    auto& current = rows[i % 3];
    std::size_t smallest = current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t cell = std::min({up[j] + 1, current[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cell = std::min(cell, rows[(i - 2) % 3][j - 2] + 1);
      smallest = std::min(smallest, cell);
      current[j] = cell;
    }
    if (smallest > threshold) return std::nullopt;
  }
  const std::size_t distance = rows[a.size() % 3][b.size()];
  if (distance > threshold) return std::nullopt;
  return distance;
}

}  // namespace

std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string>& options) {
  const std::size_t threshold = input.size() * 4 / 10 + 1;
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const std::string& option : options)
    if (auto d = lexical_distance(input, option, threshold)) found.emplace_back(*d, option);
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return natural_less(x.second, y.second);
  });
  std::vector<std::string> out;
  for (auto& entry : found) out.push_back(std::move(entry.second));
  return out;
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  constexpr std::size_t kMaxSuggestions = 5;
  if (suggestions.empty()) return "";
  std::vector<std::string> quoted;
  for (std::size_t i = 0; i < suggestions.size() && i < kMaxSuggestions; ++i)
    quoted.push_back("\"" + suggestions[i] + "\"");
  std::string out = " Did you mean ";
  if (quoted.size() == 1) return out + quoted[0] + "?";
  if (quoted.size() == 2) return out + quoted[0] + " or " + quoted[1] + "?";
  for (std::size_t i = 0; i + 1 < quoted.size(); ++i) out += quoted[i] + ", ";
  return out + "or " + quoted.back() + "?";
}

}  // namespace upspec::execution
