#include "upspec/multipart/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "upspec/multipart/boundary.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::multipart {
namespace {

bool is_lwsp(char c) noexcept {
  return c == ' ' || c == '\t';
}

// RFC 9110 §5.5: field-value bytes are HTAB, SP, VCHAR or obs-text; NUL and other controls
// are refused (unfolding has already removed the CRLFs).
bool is_field_value_byte(char ch) noexcept {
  const auto c = static_cast<unsigned char>(ch);
  return c == '\t' || (c >= 0x20 && c != 0x7F);
}

// Eight bytes at a time: a word with no byte below 0x20 and none equal to 0x7F is all
// field-value bytes; only a word with a tab or a control character is looked at byte by byte.
bool all_field_value_bytes(const char* p, std::size_t n) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101;
  constexpr std::uint64_t highs = 0x8080808080808080;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    const std::uint64_t del = ((w ^ (ones * 0x7F)) - ones) & ~(w ^ (ones * 0x7F)) & highs;
    if ((below_space | del) != 0 && !std::all_of(p + i, p + i + 8, is_field_value_byte))
      return false;
  }
  return std::all_of(p + i, p + n, is_field_value_byte);
}

// RFC 5322 §2.1 / RFC 7578 §4.8: every header line ends in CRLF, and an empty line ends the
// block. How the line whose LF is at `lf` ends, in a block that starts at `block`.
enum class header_line_end { bare_lf, line, block };
header_line_end end_of_header_line(const char* block, const char* lf) noexcept {
  if (lf == block || lf[-1] != '\r') return header_line_end::bare_lf;
  return lf - block == 1 || lf[-2] == '\n' ? header_line_end::block : header_line_end::line;
}

std::string_view trim_ows(std::string_view s) noexcept {
  while (!s.empty() && is_lwsp(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_lwsp(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

parser::parser(std::string_view boundary, parser_limits limits, search_path path)
    : limits_(limits), search_(std::string("\r\n--").append(boundary)), path_(path) {
  line_tail_.reserve(limits_.max_transport_padding + 4);
  header_block_.reserve(limits_.max_header_bytes);
  headers_.reserve(limits_.max_header_count);
  // The search relies on "\r" occurring only at the start of the delimiter, which a valid
  // boundary guarantees; an invalid one fails before any byte is read.
  if (!is_valid_boundary(boundary))
    fail(error_code::request_content_type,
         "The multipart boundary is not a valid RFC 2046 boundary.");
}

bool parser::feed(std::string_view chunk, parser_events& events) {
  // A short chunk of part data without a CR cannot start or end a delimiter. Slow clients send
  // such chunks all the time, and the general path's bookkeeping would dominate them.
  if (state_ == state::part_body && matched_ == 0 && chunk.size() < delimiter().size() &&
      chunk.find('\r') == std::string_view::npos) {
    if (!chunk.empty()) events.on_part_data(chunk);
    return true;
  }
  const char* p = chunk.data();
  const char* const end = p + chunk.size();
  while (p < end) {
    switch (state_) {
      case state::preamble:
      case state::part_body:
        p = matched_ != 0 ? continue_partial_match(p, end, events)
                          : scan_for_delimiter(p, end, events);
        break;
      case state::delimiter_line:
      case state::close_dash:
      case state::close_line:
        p = delimiter_line(p, end, events);
        break;
      case state::header_block:
        p = header_block(p, end, events);
        break;
      case state::epilogue:  // RFC 2046 §5.1.1: the epilogue is ignored
        return true;
      case state::failed:
        return false;
    }
  }
  return state_ != state::failed;
}

bool parser::finish(parser_events& events) {
  switch (state_) {
    case state::epilogue:
      return true;
    case state::failed:
      return false;
    case state::close_line:  // "--boundary--" and padding at the very end: the close delimiter
      if (in_part_) events.on_part_end();
      in_part_ = false;
      events.on_body_end();
      state_ = state::epilogue;
      return true;
    case state::preamble:
      fail(error_code::multipart_malformed, "The body has no boundary delimiter line \"--" +
                                                std::string(delimiter().substr(4)) + "\".");
      return false;
    default:
      fail(error_code::multipart_truncated, "The body ended before the close delimiter.");
      return false;
  }
}

// RFC 2046 §5.1.1: a delimiter is CRLF "--" boundary, found anywhere in the data; the line it
// starts is judged afterwards (delimiter_line).
const char* parser::scan_for_delimiter(const char* p, const char* end, parser_events& events) {
  const std::size_t m = delimiter().size();
  const std::size_t at = search_.find({p, static_cast<std::size_t>(end - p)}, path_);
  if (at != delimiter_search::npos) {
    emit_content({p, at}, events);
    line_tail_.clear();
    state_ = state::delimiter_line;
    return p + at + m;
  }
  // No whole delimiter: one may begin in the last m-1 bytes, and only at a CR. The window is
  // short, so a plain loop beats memchr's call overhead (it matters when fed byte by byte).
  for (const char* i = end - std::min<std::size_t>(m - 1, static_cast<std::size_t>(end - p));
       i < end; ++i) {
    if (*i != '\r') continue;
    const auto held = static_cast<std::size_t>(end - i);
    if (std::memcmp(i, delimiter().data(), held) == 0) {
      emit_content({p, static_cast<std::size_t>(i - p)}, events);
      matched_ = held;
      return end;
    }
  }
  emit_content({p, static_cast<std::size_t>(end - p)}, events);
  return end;
}

const char* parser::continue_partial_match(const char* p, const char* end, parser_events& events) {
  const std::size_t m = delimiter().size();
  while (matched_ < m && p < end && *p == delimiter()[matched_]) ++matched_, ++p;
  if (matched_ == m) {
    matched_ = 0;
    line_tail_.clear();
    state_ = state::delimiter_line;
    return p;
  }
  if (p == end) return p;
  // The held bytes were content after all. Since a CR occurs only at the delimiter's start,
  // no suffix of them can begin another delimiter: scanning resumes at the mismatching byte.
  emit_content(delimiter().substr(0, matched_), events);
  matched_ = 0;
  return p;
}

// RFC 2046 §5.1.1: delimiter transport-padding CRLF starts a part; delimiter "--"
// transport-padding [CRLF epilogue] closes the body. Any other line starting with the
// delimiter is a look-alike and stays content.
const char* parser::delimiter_line(const char* p, const char* end, parser_events& events) {
  while (p < end) {
    const char c = *p;
    const bool after_cr = !line_tail_.empty() && line_tail_.back() == '\r';
    if (after_cr) {
      if (c != '\n') {
        not_a_delimiter(events);
        return p;
      }
      ++p;
      if (in_part_) events.on_part_end();
      if (state_ == state::close_line) {
        in_part_ = false;
        events.on_body_end();
        state_ = state::epilogue;
        return end;
      }
      in_part_ = true;
      events.on_part_begin();
      header_block_.clear();
      state_ = state::header_block;
      return p;
    }
    if (state_ == state::close_dash) {
      if (c != '-') {
        not_a_delimiter(events);
        return p;
      }
      line_tail_.push_back(c);
      state_ = state::close_line;
    } else if (c == '-' && state_ == state::delimiter_line && line_tail_.empty()) {
      line_tail_.push_back(c);
      state_ = state::close_dash;
    } else if (is_lwsp(c)) {
      const std::size_t dashes = state_ == state::close_line ? 2 : 0;
      if (line_tail_.size() - dashes >= limits_.max_transport_padding) {
        fail(error_code::multipart_malformed,
             "The transport padding after a boundary delimiter exceeds " +
                 std::to_string(limits_.max_transport_padding) + " bytes.");
        return end;
      }
      line_tail_.push_back(c);
    } else if (c == '\r') {
      line_tail_.push_back(c);
    } else {
      not_a_delimiter(events);
      return p;
    }
    ++p;
  }
  return p;
}

void parser::not_a_delimiter(parser_events& events) {
  emit_content(delimiter(), events);
  emit_content(line_tail_, events);
  line_tail_.clear();
  matched_ = 0;
  state_ = scan_state_;
}

// RFC 7578 §4.8 / RFC 5322 §2.1: a part's header block is a series of CRLF-terminated lines
// ended by an empty line.
const char* parser::header_block(const char* p, const char* end, parser_events& events) {
  if (header_block_.empty()) {
    // Most blocks arrive whole in one chunk: those are read where they are. One that goes on
    // past the chunk or has a bare LF is left to the copying loop below, which judges it.
    const char* const limit =
        p + std::min<std::size_t>(static_cast<std::size_t>(end - p), limits_.max_header_bytes);
    for (const char* line = p;;) {
      const void* lf = std::memchr(line, '\n', static_cast<std::size_t>(limit - line));
      if (lf == nullptr) break;
      const auto* const at = static_cast<const char*>(lf);
      const header_line_end ends = end_of_header_line(p, at);
      if (ends == header_line_end::bare_lf) break;
      if (ends == header_line_end::block)
        return headers_complete({p, static_cast<std::size_t>(at + 1 - p)}, at + 1, events, end);
      line = at + 1;
    }
  }
  while (p < end) {
    const void* lf = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    const char* stop = lf != nullptr ? static_cast<const char*>(lf) + 1 : end;
    const auto take = static_cast<std::size_t>(stop - p);
    if (header_block_.size() + take > limits_.max_header_bytes) {
      fail(error_code::multipart_malformed,
           "A part's header block exceeds " + std::to_string(limits_.max_header_bytes) + " bytes.");
      return end;
    }
    header_block_.append(p, take);
    p = stop;
    if (lf == nullptr) break;
    const header_line_end ends =
        end_of_header_line(header_block_.data(), header_block_.data() + header_block_.size() - 1);
    if (ends == header_line_end::bare_lf) {
      fail(error_code::multipart_malformed, "A part header line ends with a bare LF, not CRLF.");
      return end;
    }
    if (ends == header_line_end::block) return headers_complete(header_block_, p, events, end);
  }
  return p;
}

const char* parser::headers_complete(std::string_view block, const char* next,
                                     parser_events& events, const char* end) {
  if (!emit_headers(block, events)) return end;
  header_block_.clear();
  state_ = scan_state_ = state::part_body;
  matched_ = 0;
  return next;
}

bool parser::emit_headers(std::string_view block, parser_events& events) {
  const char* const buf = block.data();
  const std::size_t n = block.size() - 2;  // every line keeps its CRLF; the empty one goes
  headers_.clear();
  std::size_t r = 0;
  // Fields stay where they are; a folded line is moved down to join the value before it, so
  // `w` is where the last value ends, and nothing moves in a block without folds.
  std::size_t w = 0;
  while (r < n) {
    const auto lf =
        static_cast<std::size_t>(static_cast<const char*>(std::memchr(buf + r, '\n', n - r)) - buf);
    const std::size_t len = lf - 1 - r;
    if (std::memchr(buf + r, '\r', len) != nullptr) {
      fail(error_code::multipart_malformed, "A part header line contains a bare CR.");
      return false;
    }
    if (is_lwsp(buf[r])) {
      // RFC 5322 §2.2.3: unfolding removes the CRLF and keeps the whitespace.
      if (headers_.empty()) {
        fail(error_code::multipart_malformed, "A part's first header line starts with whitespace.");
        return false;
      }
      if (!all_field_value_bytes(buf + r, len)) {
        fail(error_code::multipart_malformed, "A part header value contains a control character.");
        return false;
      }
      // A block read in the chunk is joined in a copy of the parser's own.
      if (buf != header_block_.data()) {
        header_block_.assign(block);
        return emit_headers(header_block_, events);
      }
      std::memmove(header_block_.data() + w, buf + r, len);
      w += len;
      headers_.back().value_size = w - headers_.back().value_at;
    } else {
      if (headers_.size() == limits_.max_header_count) {
        fail(
            error_code::multipart_malformed,
            "A part has more than " + std::to_string(limits_.max_header_count) + " header fields.");
        return false;
      }
      const void* colon = std::memchr(buf + r, ':', len);
      const std::size_t name_size =
          colon != nullptr ? static_cast<std::size_t>(static_cast<const char*>(colon) - (buf + r))
                           : 0;
      // RFC 9110 §5.1: field-name = token, with no whitespace before the colon.
      if (colon == nullptr || name_size == 0 ||
          !std::all_of(buf + r, buf + r + name_size, is_token_char)) {
        fail(error_code::multipart_malformed, colon == nullptr
                                                  ? "A part header line has no colon."
                                                  : "A part header has an invalid field name.");
        return false;
      }
      const std::size_t value_at = r + name_size + 1;
      const std::size_t value_size = lf - 1 - value_at;
      if (!all_field_value_bytes(buf + value_at, value_size)) {
        fail(error_code::multipart_malformed, "A part header value contains a control character.");
        return false;
      }
      headers_.push_back({r, name_size, value_at, value_size});
      w = value_at + value_size;
    }
    r = lf + 1;
  }
  for (const auto& h : headers_)
    events.on_header({buf + h.name_at, h.name_size}, trim_ows({buf + h.value_at, h.value_size}));
  events.on_headers_complete();
  return true;
}

void parser::emit_content(std::string_view bytes, parser_events& events) {
  if (scan_state_ == state::part_body && !bytes.empty()) events.on_part_data(bytes);
}

void parser::fail(error_code code, std::string message) {
  if (!error_) error_.emplace(code, std::move(message));
  state_ = state::failed;
}

std::size_t parser::buffered_bytes() const noexcept {
  return matched_ + line_tail_.size() + header_block_.size();
}

std::size_t parser::buffer_bound() const noexcept {
  return delimiter().size() + limits_.max_transport_padding + 4 + limits_.max_header_bytes;
}

}  // namespace upspec::multipart
