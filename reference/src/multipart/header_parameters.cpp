#include "upspec/multipart/header_parameters.hpp"

#include <algorithm>

namespace upspec::multipart {
namespace {

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool is_ows(char c) noexcept {
  return c == ' ' || c == '\t';
}

class cursor {
 public:
  explicit cursor(std::string_view s) : s_(s) {}
  bool done() const noexcept { return i_ >= s_.size(); }
  char peek() const noexcept { return s_[i_]; }
  void skip_ows() noexcept {
    while (!done() && is_ows(peek())) ++i_;
  }
  bool eat(char c) noexcept {
    if (done() || peek() != c) return false;
    ++i_;
    return true;
  }
  std::string_view token() noexcept {
    const std::size_t start = i_;
    while (!done() && is_token_char(peek())) ++i_;
    return s_.substr(start, i_ - start);
  }
  // The leading value may contain "/" (a media type); it runs to the first ";" or OWS.
  std::string_view leading_value() noexcept {
    const std::size_t start = i_;
    while (!done() && peek() != ';' && !is_ows(peek())) ++i_;
    return s_.substr(start, i_ - start);
  }
  // RFC 9110 §5.6.4: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
  std::optional<std::string> quoted_string() {
    std::string out;
    if (!eat('"')) return std::nullopt;
    // One allocation for the usual value (a boundary is at most 70 bytes) instead of one per
    // doubling; not the whole rest of the header, which each of many parameters would keep.
    out.reserve(std::min<std::size_t>(s_.size() - i_, 128));
    while (!done()) {
      const char c = s_[i_++];
      if (c == '"') return out;
      if (c == '\\') {
        if (done()) return std::nullopt;
        out.push_back(s_[i_++]);
        continue;
      }
      if (c == '\r' || c == '\n' || c == '\0') return std::nullopt;
      out.push_back(c);
    }
    return std::nullopt;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

const parameter* parameterized_value::find(std::string_view lowercase_name) const noexcept {
  for (const auto& p : parameters)
    if (p.name == lowercase_name) return &p;
  return nullptr;
}

std::optional<parameterized_value> parse_parameterized_value(std::string_view header_value) {
  parameterized_value out;
  cursor in(header_value);
  in.skip_ows();
  out.token = ascii_lowercase(in.leading_value());
  in.skip_ows();
  while (!in.done()) {
    if (!in.eat(';')) return std::nullopt;
    in.skip_ows();
    if (in.done() || in.peek() == ';') continue;  // RFC 9110 §5.6.6 allows empty parameters
    const std::string_view pname = in.token();
    if (pname.empty()) return std::nullopt;
    in.skip_ows();  // tolerated whitespace around "=" (RFC 9110 forbids it; senders emit it)
    if (!in.eat('=')) return std::nullopt;
    in.skip_ows();
    parameter p{ascii_lowercase(pname), {}, false};
    if (!in.done() && in.peek() == '"') {
      auto q = in.quoted_string();
      if (!q) return std::nullopt;
      p.value = std::move(*q);
      p.quoted = true;
    } else {
      const std::string_view v = in.token();
      if (v.empty()) return std::nullopt;
      p.value = std::string(v);
    }
    out.parameters.push_back(std::move(p));
    in.skip_ows();
  }
  return out;
}

}  // namespace upspec::multipart
