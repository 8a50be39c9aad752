#include "upspec/graphql/lexer.hpp"

#include <algorithm>
#include <utility>

#include "upspec/graphql/block_string.hpp"
#include "utf8.hpp"

namespace upspec::graphql {
namespace {

// Unwinds a whole scan to Lexer::next(), the only place that catches it.
struct LexFailure {
  syntax_error error;
};

constexpr int kEnd = -1;

bool is_digit(int c) {
  return c >= '0' && c <= '9';
}
bool is_name_start(int c) {
  return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_name_continue(int c) {
  return is_name_start(c) || is_digit(c);
}
bool is_printable_ascii(int c) {
  return c >= 0x20 && c <= 0x7E;
}

int hex_digit_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

constexpr bool is_leading_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
constexpr bool is_trailing_surrogate(char32_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}

// Scans one token of `source` starting at `offset`, advancing `offset` past it.
class Scanner {
 public:
  Scanner(std::string_view source, std::size_t& offset, LocationTracker& tracker)
      : source_(source), pos_(offset), tracker_(tracker) {}

  Token scan() {
    skip_ignored();
    Token token;
    token.offset = pos_;
    token.location = tracker_.locate(pos_);
    token.kind = scan_kind(token.value);
    token.length = pos_ - token.offset;
    return token;
  }

 private:
  int at(std::size_t i) const {
    return i < source_.size() ? static_cast<unsigned char>(source_[i]) : kEnd;
  }

  [[noreturn]] void fail(std::size_t offset, std::string message) {
    const SourceLocation where = tracker_.locate(offset);
    throw LexFailure{syntax_error{"Syntax Error: " + std::move(message), where.line, where.column}};
  }

  [[noreturn]] void fail_invalid_utf8(std::size_t offset) {
    fail(offset, "Invalid UTF-8 sequence starting with byte 0x" + hex_byte(at(offset)) + ".");
  }

  static std::string hex_byte(int byte) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return {kHex[(byte >> 4) & 0xF], kHex[byte & 0xF]};
  }

  // graphql-js printCodePointAt(): `"a"`, `'"'`, `U+00E9` or `<EOF>`.
  std::string describe_character(std::size_t offset) const {
    const int c = at(offset);
    if (c == kEnd) return "<EOF>";
    if (c == '"') return "'\"'";
    if (is_printable_ascii(c)) return std::string{'"', static_cast<char>(c), '"'};
    const detail::DecodedCodePoint decoded = detail::decode_utf8(source_, offset);
    if (decoded.length == 0) return "byte 0x" + hex_byte(c);
    return detail::format_code_point(decoded.value);
  }

  // Steps over one non-ASCII source character, which must be valid UTF-8.
  void skip_utf8_character() {
    const detail::DecodedCodePoint decoded = detail::decode_utf8(source_, pos_);
    if (decoded.length == 0) fail_invalid_utf8(pos_);
    pos_ += decoded.length;
  }

  // GraphQL Oct 2021 §2.1.7: BOM, white space, line terminators, comments and commas.
  void skip_ignored() {
    for (;;) {
      const int c = at(pos_);
      if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == 0xEF && at(pos_ + 1) == 0xBB && at(pos_ + 2) == 0xBF) {
        pos_ += 3;
      } else if (c == '#') {
        skip_comment();
      } else {
        return;
      }
    }
  }

  // GraphQL Oct 2021 §2.1.4: a comment runs to the end of the line.
  void skip_comment() {
    ++pos_;
    for (int c = at(pos_); c != kEnd && c != '\n' && c != '\r'; c = at(pos_)) {
      if (c < 0x80) {
        ++pos_;
      } else {
        skip_utf8_character();
      }
    }
  }

  TokenKind punctuator(TokenKind kind, std::size_t length) {
    pos_ += length;
    return kind;
  }

  // GraphQL Oct 2021 §2.1.6, §2.1.8, §2.1.9: punctuators, names and the start of value tokens.
  TokenKind scan_kind(std::string& value) {
    const std::size_t start = pos_;
    const int c = at(pos_);
    switch (c) {
      case kEnd:
        return TokenKind::end_of_file;
      case '!':
        return punctuator(TokenKind::bang, 1);
      case '$':
        return punctuator(TokenKind::dollar, 1);
      case '&':
        return punctuator(TokenKind::ampersand, 1);
      case '(':
        return punctuator(TokenKind::paren_l, 1);
      case ')':
        return punctuator(TokenKind::paren_r, 1);
      case ':':
        return punctuator(TokenKind::colon, 1);
      case '=':
        return punctuator(TokenKind::equals, 1);
      case '@':
        return punctuator(TokenKind::at, 1);
      case '[':
        return punctuator(TokenKind::bracket_l, 1);
      case ']':
        return punctuator(TokenKind::bracket_r, 1);
      case '{':
        return punctuator(TokenKind::brace_l, 1);
      case '|':
        return punctuator(TokenKind::pipe, 1);
      case '}':
        return punctuator(TokenKind::brace_r, 1);
      case '.':
        if (at(pos_ + 1) == '.' && at(pos_ + 2) == '.') return punctuator(TokenKind::spread, 3);
        break;
      case '"':
        if (at(pos_ + 1) == '"' && at(pos_ + 2) == '"') {
          value = scan_block_string();
          return TokenKind::block_string;
        }
        value = scan_string();
        return TokenKind::string;
      case '\'':
        fail(start,
             "Unexpected single quote character ('), did you mean to use a double quote (\")?");
      default:
        break;
    }
    if (is_name_start(c)) {
      while (is_name_continue(at(pos_))) ++pos_;
      value.assign(source_.substr(start, pos_ - start));
      return TokenKind::name;
    }
    if (c == '-' || is_digit(c)) return scan_number(value);
    if (c >= 0x80 && detail::decode_utf8(source_, start).length == 0) fail_invalid_utf8(start);
    fail(start, "Unexpected character: " + describe_character(start) + ".");
  }

  void expect_digits() {
    if (!is_digit(at(pos_))) {
      fail(pos_, "Invalid number, expected digit but got: " + describe_character(pos_) + ".");
    }
    while (is_digit(at(pos_))) ++pos_;
  }

  // GraphQL Oct 2021 §2.9.1, §2.9.2: IntValue and FloatValue, with no leading zeros and no
  // Digit, '.' or NameStart directly after the number.
  TokenKind scan_number(std::string& value) {
    const std::size_t start = pos_;
    bool is_float = false;
    if (at(pos_) == '-') ++pos_;
    if (at(pos_) == '0') {
      ++pos_;
      if (is_digit(at(pos_))) {
        fail(pos_, "Invalid number, unexpected digit after 0: " + describe_character(pos_) + ".");
      }
    } else {
      expect_digits();
    }
    if (at(pos_) == '.') {
      is_float = true;
      ++pos_;
      expect_digits();
    }
    if (at(pos_) == 'e' || at(pos_) == 'E') {
      is_float = true;
      ++pos_;
      if (at(pos_) == '+' || at(pos_) == '-') ++pos_;
      expect_digits();
    }
    if (at(pos_) == '.' || is_name_start(at(pos_))) {
      fail(pos_, "Invalid number, expected digit but got: " + describe_character(pos_) + ".");
    }
    value.assign(source_.substr(start, pos_ - start));
    return is_float ? TokenKind::float_value : TokenKind::int_value;
  }

  // GraphQL Oct 2021 §2.9.4: a quoted string, on one line, with escapes.
  std::string scan_string() {
    std::string value;
    ++pos_;
    std::size_t chunk_start = pos_;
    for (;;) {
      const int c = at(pos_);
      if (c == kEnd || c == '\n' || c == '\r') fail(pos_, "Unterminated string.");
      if (c == '"') {
        value.append(source_.substr(chunk_start, pos_ - chunk_start));
        ++pos_;
        return value;
      }
      if (c == '\\') {
        value.append(source_.substr(chunk_start, pos_ - chunk_start));
        scan_escape(value);
        chunk_start = pos_;
      } else if (c < 0x80) {
        ++pos_;
      } else {
        skip_utf8_character();
      }
    }
  }

  // GraphQL Oct 2021 §2.9.4: EscapedCharacter and EscapedUnicode.
  void scan_escape(std::string& value) {
    const int c = at(pos_ + 1);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        value += static_cast<char>(c);
        break;
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      case 'u':
        detail::append_utf8(value, at(pos_ + 2) == '{' ? scan_braced_unicode_escape()
                                                       : scan_fixed_unicode_escape());
        return;
      case kEnd:
        fail(pos_ + 1, "Unterminated string.");
      default:
        if (is_printable_ascii(c)) {
          fail(pos_, "Invalid character escape sequence: \"\\" +
                         std::string(1, static_cast<char>(c)) + "\".");
        }
        if (c >= 0x80 && detail::decode_utf8(source_, pos_ + 1).length == 0) {
          fail_invalid_utf8(pos_ + 1);
        }
        fail(pos_, "Invalid character escape sequence: \"\\\" followed by " +
                       describe_character(pos_ + 1) + ".");
    }
    pos_ += 2;
  }

  // The text of a bad \u escape for an error message: the escape up to `end`, plus the
  // character that broke it when asked and printable.
  std::string escape_text(std::size_t escape, std::size_t end, bool with_breaking_character) const {
    constexpr std::size_t kMaxShown = 16;
    const int next = at(end);
    if (with_breaking_character && is_printable_ascii(next) && next != '"') ++end;
    std::string text(source_.substr(escape, std::min(end - escape, kMaxShown)));
    if (end - escape > kMaxShown) text += "...";
    return text;
  }

  [[noreturn]] void fail_unicode_escape(std::size_t escape, std::size_t end,
                                        bool with_breaking_character = true) {
    fail(escape, "Invalid Unicode escape sequence: \"" +
                     escape_text(escape, end, with_breaking_character) + "\".");
  }

  // Four hex digits at `offset`, or -1.
  long read_hex4(std::size_t offset) const {
    long value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int digit = hex_digit_value(at(offset + i));
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  }

  // GraphQL Oct 2021 §2.9.4: \uXXXX. A surrogate cannot stand alone in UTF-8, so this takes the
  // rule of graphql-spec PR #849 (graphql-js 16): a leading surrogate must be followed by an
  // escaped trailing surrogate, and the pair stands for one supplementary code point.
  char32_t scan_fixed_unicode_escape() {
    const std::size_t escape = pos_;
    const long value = read_hex4(pos_ + 2);
    if (value < 0) {
      std::size_t end = pos_ + 2;
      while (end < pos_ + 6 && hex_digit_value(at(end)) >= 0) ++end;
      fail_unicode_escape(escape, end);
    }
    const auto code = static_cast<char32_t>(value);
    if (detail::is_scalar_value(code)) {
      pos_ += 6;
      return code;
    }
    if (is_leading_surrogate(code) && at(pos_ + 6) == '\\' && at(pos_ + 7) == 'u') {
      const long trailing = read_hex4(pos_ + 8);
      if (trailing >= 0 && is_trailing_surrogate(static_cast<char32_t>(trailing))) {
        pos_ += 12;
        return 0x10000 + ((code - 0xD800) << 10) + (static_cast<char32_t>(trailing) - 0xDC00);
      }
    }
    fail_unicode_escape(escape, escape + 6, false);
  }

  // graphql-spec PR #849 (after Oct 2021; graphql-js 16): \u{X...}, hex digits naming a scalar
  // value.
  char32_t scan_braced_unicode_escape() {
    const std::size_t escape = pos_;
    std::size_t end = pos_ + 3;
    char32_t value = 0;
    while (hex_digit_value(at(end)) >= 0) {
      // Saturate so that long runs of digits cannot overflow; anything this big is invalid.
      value = std::min<char32_t>(value * 16 + static_cast<char32_t>(hex_digit_value(at(end))),
                                 0x110000);
      ++end;
    }
    if (end == pos_ + 3 || at(end) != '}') fail_unicode_escape(escape, end);
    if (!detail::is_scalar_value(value)) fail_unicode_escape(escape, end);
    pos_ = end + 1;
    return value;
  }

  // GraphQL Oct 2021 §2.9.4: block strings take their text raw except for \""".
  std::string scan_block_string() {
    std::string raw;
    pos_ += 3;
    std::size_t chunk_start = pos_;
    for (;;) {
      const int c = at(pos_);
      if (c == kEnd) fail(pos_, "Unterminated string.");
      if (c == '"' && at(pos_ + 1) == '"' && at(pos_ + 2) == '"') {
        raw.append(source_.substr(chunk_start, pos_ - chunk_start));
        pos_ += 3;
        return block_string_value(raw);
      }
      if (c == '\\' && at(pos_ + 1) == '"' && at(pos_ + 2) == '"' && at(pos_ + 3) == '"') {
        raw.append(source_.substr(chunk_start, pos_ - chunk_start));
        raw += "\"\"\"";
        pos_ += 4;
        chunk_start = pos_;
      } else if (c < 0x80) {
        ++pos_;
      } else {
        skip_utf8_character();
      }
    }
  }

  std::string_view source_;
  std::size_t& pos_;
  LocationTracker& tracker_;
};

}  // namespace

std::string_view describe(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::end_of_file:
      return "<EOF>";
    case TokenKind::bang:
      return "\"!\"";
    case TokenKind::dollar:
      return "\"$\"";
    case TokenKind::ampersand:
      return "\"&\"";
    case TokenKind::paren_l:
      return "\"(\"";
    case TokenKind::paren_r:
      return "\")\"";
    case TokenKind::spread:
      return "\"...\"";
    case TokenKind::colon:
      return "\":\"";
    case TokenKind::equals:
      return "\"=\"";
    case TokenKind::at:
      return "\"@\"";
    case TokenKind::bracket_l:
      return "\"[\"";
    case TokenKind::bracket_r:
      return "\"]\"";
    case TokenKind::brace_l:
      return "\"{\"";
    case TokenKind::pipe:
      return "\"|\"";
    case TokenKind::brace_r:
      return "\"}\"";
    case TokenKind::name:
      return "Name";
    case TokenKind::int_value:
      return "Int";
    case TokenKind::float_value:
      return "Float";
    case TokenKind::string:
      return "String";
    case TokenKind::block_string:
      return "BlockString";
  }
  return "<unknown>";
}

std::string describe(const Token& token) {
  std::string text(describe(token.kind));
  switch (token.kind) {
    case TokenKind::name:
    case TokenKind::int_value:
    case TokenKind::float_value:
    case TokenKind::string:
    case TokenKind::block_string:
      text += " \"" + token.value + "\"";
      break;
    default:
      break;
  }
  return text;
}

parse_result<Token> Lexer::next() {
  if (failed_) return error_;
  try {
    return Scanner(source_, offset_, tracker_).scan();
  } catch (LexFailure& failure) {
    failed_ = true;
    error_ = std::move(failure.error);
    return error_;
  }
}

parse_result<std::vector<Token>> tokenize(std::string_view source) {
  Lexer lexer(source);
  std::vector<Token> tokens;
  for (;;) {
    parse_result<Token> token = lexer.next();
    if (!token) return std::move(token).error();
    tokens.push_back(std::move(*token));
    if (tokens.back().kind == TokenKind::end_of_file) return tokens;
  }
}

}  // namespace upspec::graphql
