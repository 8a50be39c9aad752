#include "upspec/properties/content.hpp"

#include <algorithm>

namespace upspec::properties {
namespace {

constexpr auto npos = std::string::npos;

bool is_lwsp(char c) {
  return c == ' ' || c == '\t';
}

// Runs of LWSP after a look-alike stay short, well inside any padding limit a test sets.
constexpr std::size_t kLongestSafePadding = 64;

// Whether the parser, having just read "CRLF--boundary", must treat the line as content. The
// end of `text` stands for the CRLF of the delimiter that follows it.
bool line_is_content(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  if (i < n && text[i] == '-') ++i;
  if (i < n && text[i] == '-') ++i;
  const std::size_t padding_from = i;
  while (i < n && is_lwsp(text[i])) ++i;
  if (i - padding_from > kLongestSafePadding || i == n) return false;
  if (text[i] == '\r') return i + 1 < n && text[i + 1] != '\n';
  return true;
}

std::string snippet_text(snippet s, std::string_view boundary, std::size_t salt) {
  const std::string b(boundary);
  switch (s) {
    case snippet::cr:
      return "\r";
    case snippet::lf:
      return "\n";
    case snippet::crlf:
      return "\r\n";
    case snippet::dashes:
      return "--";
    case snippet::crlf_dashes:
      return "\r\n--";
    case snippet::dash_boundary:
      return "--" + b;
    case snippet::delimiter_prefix:
      return "\r\n--" + b.substr(0, salt % b.size());
    case snippet::longer_boundary:
      return "\r\n--" + b + "Z\r\n";
    case snippet::delimiter_then_dash:
      return "\r\n--" + b + "-x";
    case snippet::delimiter_then_space:
      return "\r\n--" + b + " \t x";
    case snippet::delimiter_then_cr:
      return "\r\n--" + b + "\rx";
    case snippet::close_then_text:
      return "\r\n--" + b + "--x";
    case snippet::blank_lines:
      return "\r\n\r\n";
    case snippet::nul:
      return std::string(1, '\0');
  }
  return {};
}

std::string filler_alphabet(filler f, std::string_view boundary) {
  switch (f) {
    case filler::zeros:
      return std::string(1, '\0');
    case filler::text: {
      std::string a = "\r\n";
      for (char c = ' '; c <= '~'; ++c) a.push_back(c);
      return a;
    }
    case filler::binary:
      return {};
    case filler::line_noise:
      return "\r\n\r\n-- \t" + std::string(boundary);
  }
  return {};
}

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

std::string pseudo_random_bytes(std::uint64_t seed, std::size_t size, std::string_view alphabet) {
  std::string out(size, '\0');
  std::uint64_t state = seed;
  if (alphabet.size() == 1) {
    std::fill(out.begin(), out.end(), alphabet.front());
    return out;
  }
  for (std::size_t i = 0; i < size;) {
    std::uint64_t r = splitmix64(state);
    for (int k = 0; k < 8 && i < size; ++k, ++i, r >>= 8) {
      const auto byte = static_cast<unsigned char>(r & 0xFF);
      out[i] = alphabet.empty() ? static_cast<char>(byte) : alphabet[byte % alphabet.size()];
    }
  }
  return out;
}

std::string defuse_delimiters(std::string text, std::string_view boundary, bool starts_a_line) {
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::size_t lead = starts_a_line ? 2 : 0;
  if (starts_a_line) text.insert(0, "\r\n");
  for (std::size_t at = text.find(delimiter); at != npos; at = text.find(delimiter, at + 1)) {
    const std::size_t after = at + delimiter.size();
    if (!line_is_content(text, after)) text.insert(after, 1, 'x');
  }
  return text.substr(lead);
}

rc::Gen<std::size_t> gen_content_size() {
  using rc::gen::inRange;
  return rc::gen::weightedOneOf<std::size_t>({
      {30, inRange<std::size_t>(0, 17)},
      {35, inRange<std::size_t>(17, 513)},
      {22, inRange<std::size_t>(513, 16 * 1024 + 1)},
      {9, inRange<std::size_t>(16 * 1024 + 1, 256 * 1024 + 1)},
      {4, inRange<std::size_t>(256 * 1024 + 1, 4 * 1024 * 1024 + 1)},
  });
}

rc::Gen<content_recipe> gen_content_recipe() {
  return rc::gen::exec([] {
    content_recipe r;
    r.size = *gen_content_size();
    r.seed = *rc::gen::arbitrary<std::uint64_t>();
    r.fill = *rc::gen::element(filler::zeros, filler::text, filler::binary, filler::line_noise);
    const auto plants = *rc::gen::inRange<std::size_t>(0, 9);
    for (std::size_t i = 0; i < plants; ++i) {
      const auto at = *rc::gen::inRange<std::size_t>(0, r.size + 1);
      const auto s = *rc::gen::element(
          snippet::cr, snippet::lf, snippet::crlf, snippet::dashes, snippet::crlf_dashes,
          snippet::dash_boundary, snippet::delimiter_prefix, snippet::longer_boundary,
          snippet::delimiter_then_dash, snippet::delimiter_then_space, snippet::delimiter_then_cr,
          snippet::close_then_text, snippet::blank_lines, snippet::nul);
      r.plants.emplace_back(at, s);
    }
    return r;
  });
}

std::string materialize(const content_recipe& recipe, std::string_view boundary) {
  std::string text =
      pseudo_random_bytes(recipe.seed, recipe.size, filler_alphabet(recipe.fill, boundary));
  auto plants = recipe.plants;
  // From the back, so that earlier positions still mean what they meant.
  std::stable_sort(plants.begin(), plants.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [at, s] : plants)
    text.insert(std::min(at, text.size()), snippet_text(s, boundary, at));
  return defuse_delimiters(std::move(text), boundary, false);
}

}  // namespace upspec::properties
