#include "upspec/properties/oracle.hpp"

#include <algorithm>
#include <utility>

namespace upspec::properties {
namespace {

constexpr auto npos = std::string_view::npos;

bool is_lwsp(char c) {
  return c == ' ' || c == '\t';
}

// RFC 2046 §5.1.1: bcharsnospace := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" /
// "." / "/" / ":" / "=" / "?"; bchars := bcharsnospace / " ".
bool is_bchar(char c) {
  const std::string_view others = "'()+_,-./:=? ";
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         others.find(c) != npos;
}

// boundary := 0*69<bchars> bcharsnospace
bool is_boundary(std::string_view b) {
  return !b.empty() && b.size() <= 70 && std::all_of(b.begin(), b.end(), is_bchar) &&
         b.back() != ' ';
}

// RFC 9110 §5.6.2 tchar.
bool is_tchar(char c) {
  const std::string_view others = "!#$%&'*+-.^_`|~";
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         others.find(c) != npos;
}

// RFC 9110 §5.5: field-value bytes are HTAB, SP, VCHAR and obs-text.
bool is_field_value_byte(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c == '\t' || (c >= 0x20 && c != 0x7F);
}

std::string trim_lwsp(std::string s) {
  while (!s.empty() && is_lwsp(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && is_lwsp(s[i])) ++i;
  return s.substr(i);
}

enum class line_kind {
  part,              // delimiter transport-padding CRLF
  close,             // delimiter "--" transport-padding, then CRLF or the end of the body
  look_alike,        // anything else after "CRLF--boundary": content, not a delimiter
  ends_early,        // the body ends before the line can be judged
  padding_too_long,  // more LWSP than parser_limits::max_transport_padding
};

struct judged_line {
  line_kind kind;
  std::size_t next = 0;  // the first byte after the line
};

// The rest of a line that starts with "CRLF--boundary"; `i` is the first byte after it.
judged_line judge_line(std::string_view text, std::size_t i, std::size_t max_padding) {
  const std::size_t n = text.size();
  bool close = false;
  if (i < n && text[i] == '-') {
    if (i + 1 == n) return {line_kind::ends_early};
    if (text[i + 1] != '-') return {line_kind::look_alike};
    close = true;
    i += 2;
  }
  for (std::size_t padding = 0; i < n && is_lwsp(text[i]); ++i, ++padding)
    if (padding == max_padding) return {line_kind::padding_too_long};
  // A close delimiter may end the body without a line end (or with half of one).
  if (i == n || (text[i] == '\r' && i + 1 == n))
    return {close ? line_kind::close : line_kind::ends_early, n};
  if (text[i] != '\r' || text[i + 1] != '\n') return {line_kind::look_alike};
  return {close ? line_kind::close : line_kind::part, i + 2};
}

struct header {
  std::string name;
  std::string value;
};

struct header_block {
  std::optional<error_code> error;
  std::vector<header> headers;
  std::size_t end = 0;  // the first byte of the part's content
};

header_block broken(error_code code) {
  header_block block;
  block.error = code;
  return block;
}

// RFC 7578 §4.8, RFC 5322 §2.2: CRLF-terminated header lines up to an empty line.
header_block read_header_block(std::string_view text, std::size_t from,
                               const multipart::parser_limits& limits) {
  header_block block;
  std::vector<std::string_view> lines;
  for (std::size_t at = from;;) {
    const std::size_t lf = text.find('\n', at);
    const std::size_t stop = lf == npos ? text.size() : lf + 1;
    if (stop - from > limits.max_header_bytes) return broken(error_code::multipart_malformed);
    if (lf == npos) return broken(error_code::multipart_truncated);
    // text[from - 1] is the LF of the delimiter line, so an empty first line is a bare LF too.
    if (text[lf - 1] != '\r') return broken(error_code::multipart_malformed);
    if (lf == at + 1) {
      block.end = lf + 1;
      break;
    }
    lines.push_back(text.substr(at, lf - 1 - at));
    at = lf + 1;
  }
  for (std::string_view line : lines) {
    if (line.find('\r') != npos) return broken(error_code::multipart_malformed);
    if (is_lwsp(line.front())) {
      // RFC 5322 §2.2.3: unfolding removes the CRLF, the whitespace stays.
      if (block.headers.empty()) return broken(error_code::multipart_malformed);
      block.headers.back().value.append(line);
      continue;
    }
    if (block.headers.size() == limits.max_header_count)
      return broken(error_code::multipart_malformed);
    const std::size_t colon = line.find(':');
    if (colon == npos || colon == 0) return broken(error_code::multipart_malformed);
    const std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), is_tchar))
      return broken(error_code::multipart_malformed);
    const std::string_view value = line.substr(colon + 1);
    block.headers.push_back({std::string(name), std::string(value)});
  }
  for (auto& h : block.headers) {
    if (!std::all_of(h.value.begin(), h.value.end(), is_field_value_byte))
      return broken(error_code::multipart_malformed);
    h.value = trim_lwsp(h.value);
  }
  return block;
}

// Where the bytes start that could still become a delimiter if the body went on: the longest
// suffix of text[from, end) that is a proper prefix of the delimiter.
std::size_t undecided_tail(std::string_view text, std::size_t from, std::string_view delimiter) {
  const std::size_t n = text.size();
  for (std::size_t len = std::min(delimiter.size() - 1, n - from); len > 0; --len)
    if (text.substr(n - len) == delimiter.substr(0, len)) return n - len;
  return n;
}

}  // namespace

oracle_result oracle_parse(std::string_view boundary, std::string_view body,
                           const multipart::parser_limits& limits) {
  oracle_result r;
  auto fail = [&r](error_code code) {
    r.ok = false;
    r.code = code;
    return r;
  };
  auto data = [&r](std::string_view bytes) {
    if (!bytes.empty()) r.events.push_back("data " + std::string(bytes));
  };
  if (!is_boundary(boundary)) return fail(error_code::request_content_type);

  // The body starts at a line, so its first delimiter needs no CRLF of its own.
  const std::string text = "\r\n" + std::string(body);
  const std::string delimiter = "\r\n--" + std::string(boundary);
  std::optional<std::size_t> content;  // where the current part's content starts
  for (std::size_t search = 0;;) {
    const std::size_t at = text.find(delimiter, search);
    if (at == npos) {
      if (!content) return fail(error_code::multipart_malformed);  // only a preamble
      const std::size_t tail = undecided_tail(text, *content, delimiter);
      data(std::string_view(text).substr(*content, tail - *content));
      return fail(error_code::multipart_truncated);
    }
    const judged_line line = judge_line(text, at + delimiter.size(), limits.max_transport_padding);
    if (line.kind == line_kind::look_alike) {
      search = at + 1;
      continue;
    }
    if (content) data(std::string_view(text).substr(*content, at - *content));
    if (line.kind == line_kind::padding_too_long) return fail(error_code::multipart_malformed);
    if (line.kind == line_kind::ends_early) return fail(error_code::multipart_truncated);
    if (content) r.events.push_back("end");
    if (line.kind == line_kind::close) {
      r.events.push_back("close");
      r.ok = true;
      return r;
    }
    r.events.push_back("begin");
    const header_block block = read_header_block(text, line.next, limits);
    if (block.error) return fail(*block.error);
    for (const auto& h : block.headers) r.events.push_back("header " + h.name + ": " + h.value);
    r.events.push_back("headers-complete");
    content = search = block.end;
  }
}

}  // namespace upspec::properties
