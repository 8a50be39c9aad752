#include "upspec/multipart/part_headers.hpp"

#include "upspec/multipart/header_parameters.hpp"

namespace upspec::multipart {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 §2.1 percent-decoding of RFC 8187 value-chars.
std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    const int hi = hex_value(s[i + 1]);
    const int lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

// RFC 7578 §4.2 names a field by `name` alone: a `name*` never renames a part (CVE-2026-53537).
std::optional<std::string> field_name(const parameterized_value& parameters) {
  if (const auto* name = parameters.find("name")) return name->value;
  return std::nullopt;
}

// RFC 7578 §4.2 forbids senders `filename*`: `filename` wins, a lone `filename*` is decoded.
std::optional<std::string> file_name(const parameterized_value& parameters) {
  if (const auto* plain = parameters.find("filename")) return plain->value;
  if (const auto* extended = parameters.find("filename*")) return decode_ext_value(extended->value);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> decode_ext_value(std::string_view ext_value) {
  const auto q1 = ext_value.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  const auto q2 = ext_value.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  const std::string charset = ascii_lowercase(ext_value.substr(0, q1));
  auto decoded = percent_decode(ext_value.substr(q2 + 1));
  if (!decoded) return std::nullopt;
  if (charset == "utf-8") return decoded;
  if (charset == "iso-8859-1") return latin1_to_utf8(*decoded);
  return std::nullopt;
}

std::optional<content_disposition> parse_content_disposition(std::string_view value) {
  auto parsed = parse_parameterized_value(value);
  if (!parsed || parsed->token.empty()) return std::nullopt;
  content_disposition out;
  out.type = parsed->token;
  out.name = field_name(*parsed);
  out.filename = file_name(*parsed);
  return out;
}

std::string part_media_type(const std::optional<std::string>& content_type) {
  if (content_type) {
    if (auto parsed = parse_parameterized_value(*content_type)) {
      const auto slash = parsed->token.find('/');
      const bool two_tokens = slash != std::string::npos && slash > 0 &&
                              slash + 1 < parsed->token.size() &&
                              parsed->token.find('/', slash + 1) == std::string::npos;
      bool all_tchars = true;
      for (char c : parsed->token)
        if (c != '/' && !is_token_char(c)) all_tchars = false;
      if (two_tokens && all_tchars) return parsed->token;
    }
  }
  return "text/plain";
}

void part_header_collector::reset() {
  disposition_.reset();
  content_type_.reset();
}

void part_header_collector::add(std::string_view name, std::string_view value) {
  if (iequals(name, "content-disposition")) {
    if (!disposition_) disposition_ = std::string(value);
  } else if (iequals(name, "content-type")) {
    if (!content_type_) content_type_ = std::string(value);
  }
}

}  // namespace upspec::multipart
