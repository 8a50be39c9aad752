#pragma once
// Sans-I/O lexer for GraphQL source text (GraphQL Oct 2021 §2.1).
//
// Input is UTF-8 and must be valid UTF-8 wherever it is not ASCII. Ignored tokens (white space,
// line terminators, commas, comments and byte order marks) are skipped. Errors never throw: they
// come back as a syntax_error, and once a Lexer has failed every later next() returns the same.
//
// Unicode follows graphql-spec PR #849 ("Allow full unicode range"), which graphql-js 16 (what
// graphql-upload servers parse with) implements and later drafts adopted, rather than the
// narrower Oct 2021 text: strings and comments may hold any Unicode scalar value (Oct 2021 allowed
// only U+0009, U+000A, U+000D and U+0020 to U+FFFF), `\u{...}` escapes name any scalar value, and
// an escaped UTF-16 surrogate pair (`\uD83D\uDE00`) decodes to one code point while a lone
// escaped surrogate is an error.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "upspec/graphql/source_location.hpp"
#include "upspec/graphql/syntax_error.hpp"

namespace upspec::graphql {

enum class TokenKind {
  end_of_file,
  bang,       // !
  dollar,     // $
  ampersand,  // &
  paren_l,    // (
  paren_r,    // )
  spread,     // ...
  colon,      // :
  equals,     // =
  at,         // @
  bracket_l,  // [
  bracket_r,  // ]
  brace_l,    // {
  pipe,       // |
  brace_r,    // }
  name,
  int_value,
  float_value,
  string,        // "..."
  block_string,  // """..."""
};

struct Token {
  TokenKind kind = TokenKind::end_of_file;
  // Names and numbers: the lexeme. Strings: the decoded value. Punctuators and EOF: empty.
  std::string value;
  SourceLocation location;
  std::size_t offset = 0;  // byte offset of the first byte
  std::size_t length = 0;  // in bytes, quotes included

  friend bool operator==(const Token&, const Token&) = default;
};

// graphql-js style descriptions used in error messages: `"{"`, `Name`, `<EOF>` for a kind;
// `Name "foo"`, `Int "1"`, `"{"` for a token.
std::string_view describe(TokenKind kind) noexcept;
std::string describe(const Token& token);

class Lexer {
 public:
  // The source must outlive the Lexer.
  explicit Lexer(std::string_view source) noexcept : source_(source), tracker_(source) {}

  // The next significant token; at the end, an end_of_file token, again on every call.
  parse_result<Token> next();

 private:
  std::string_view source_;
  std::size_t offset_ = 0;
  LocationTracker tracker_;
  bool failed_ = false;
  syntax_error error_;
};

// Every token of `source`, ending with the end_of_file token.
parse_result<std::vector<Token>> tokenize(std::string_view source);

}  // namespace upspec::graphql
