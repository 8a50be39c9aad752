#pragma once
// Header values of the form `token *( OWS ";" OWS [ name "=" value ] )`, as Content-Type and
// Content-Disposition use them (RFC 9110 §5.6.6 parameters, §5.6.4 quoted-string).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace upspec::multipart {

struct parameter {
  std::string name;   // lowercased: parameter names are case-insensitive (RFC 9110 §5.6.6)
  std::string value;  // unquoted, quoted-pairs resolved
  bool quoted = false;
};

struct parameterized_value {
  std::string token;  // the leading value, lowercased (a media type or disposition type)
  std::vector<parameter> parameters;

  // The first parameter of that (lowercase) name; later duplicates are ignored.
  const parameter* find(std::string_view lowercase_name) const noexcept;
};

// nullopt when the value does not follow the grammar (an unterminated quoted-string, a
// parameter without "=", a value that is neither a token nor a quoted-string).
std::optional<parameterized_value> parse_parameterized_value(std::string_view header_value);

namespace detail {
// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" /
// "_" / "`" / "|" / "~" / DIGIT / ALPHA. A table, because header names are checked byte by byte
// for every part.
inline constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  for (const char c : std::string_view("!#$%&'*+-.^_`|~")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();
}  // namespace detail

inline bool is_token_char(char c) noexcept {
  return detail::kTokenChars[static_cast<unsigned char>(c)];
}
std::string ascii_lowercase(std::string_view s);
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace upspec::multipart
