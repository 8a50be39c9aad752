#pragma once
// UTF-8 helpers shared by the GraphQL lexer and printer (not part of the public API).

#include <cstddef>
#include <string>
#include <string_view>

namespace upspec::graphql::detail {

struct DecodedCodePoint {
  char32_t value = 0;
  std::size_t length = 0;  // 0 when the bytes at the offset are not valid UTF-8
};

// Strict RFC 3629 decoding: overlong forms, surrogates and values above U+10FFFF are invalid.
DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset) noexcept;

// Precondition: is_scalar_value(code_point).
void append_utf8(std::string& out, char32_t code_point);

// graphql-spec PR #849 (graphql-js 16) widens Oct 2021 §2.1 SourceCharacter to every scalar value.
constexpr bool is_scalar_value(char32_t c) noexcept {
  return c <= 0xD7FF || (c >= 0xE000 && c <= 0x10FFFF);
}

// "U+00E9" style, at least four hex digits.
std::string format_code_point(char32_t code_point);

}  // namespace upspec::graphql::detail
