#include "text.hpp"

#include <cstdint>

namespace upspec::reports::detail {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t cp;
  std::size_t len;
};

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kInvalid, 1};
  }
  if (i + len > s.size()) return {kInvalid, 1};
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return {kInvalid, 1};
  cp = (cp << 6) | (b1 & 0x3F);
  for (std::size_t k = 2; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(b)) return {kInvalid, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

bool is_carried(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp < 0x20) return false;
  if (cp >= 0x7F && cp <= 0x9F) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

void append_hex(std::string& out, std::uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

void append_byte_escape(std::string& out, unsigned char b) {
  out += "\\x";
  append_hex(out, b, 2);
}

void append_char(std::string& out, char c, Markup markup) {
  switch (c) {
    case '&':
      out += markup == Markup::line ? "&" : "&amp;";
      return;
    case '<':
      out += markup == Markup::line ? "<" : "&lt;";
      return;
    case '>':
      out += markup == Markup::line ? ">" : "&gt;";
      return;
    case '"':
      out += (markup == Markup::xml_attr || markup == Markup::html) ? "&quot;" : "\"";
      return;
    case '\'':
      out += (markup == Markup::xml_attr || markup == Markup::html) ? "&#39;" : "'";
      return;
    case '\t':
    case '\n':
    case '\r':
      if (markup == Markup::xml_attr) {
        // Attribute-value normalisation would turn a literal one into a space.
        out += c == '\t' ? "&#9;" : c == '\n' ? "&#10;" : "&#13;";
      } else if (markup == Markup::markdown || markup == Markup::line) {
        out += ' ';
      } else {
        out += c;
      }
      return;
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
    case '~':
      if (markup == Markup::markdown) out += '\\';
      out += c;
      return;
    default:
      out += c;
  }
}

}  // namespace

void append_escaped(std::string& out, std::string_view s, Markup markup) {
  out.reserve(out.size() + s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const Decoded d = decode(s, i);
    if (d.cp == kInvalid) {
      append_byte_escape(out, static_cast<unsigned char>(s[i]));
    } else if (!is_carried(d.cp)) {
      if (d.cp < 0x80) {
        append_byte_escape(out, static_cast<unsigned char>(d.cp));
      } else {
        out += "\\u{";
        append_hex(out, static_cast<std::uint32_t>(d.cp), 4);
        out += '}';
      }
    } else if (d.len == 1) {
      append_char(out, s[i], markup);
    } else {
      out.append(s.substr(i, d.len));
    }
    i += d.len;
  }
}

std::string escaped(std::string_view s, Markup markup) {
  std::string out;
  append_escaped(out, s, markup);
  return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  // A sequence is at most 4 bytes: backing up further would only eat into bytes that are not
  // UTF-8 anyway, which append_escaped shows one by one.
  std::size_t end = max;
  while (end > 0 && max - end < 3 && is_continuation(static_cast<unsigned char>(s[end]))) --end;
  return is_continuation(static_cast<unsigned char>(s[end])) ? s.substr(0, max) : s.substr(0, end);
}

}  // namespace upspec::reports::detail
