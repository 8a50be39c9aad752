#pragma once
// A push-style, sans-I/O multipart/form-data parser (RFC 2046 §5.1.1, RFC 7578).
//
// Feed it the body in chunks of any size; it reports parts through parser_events. Part data is
// handed out as views into the fed chunk, never copied, except for the few bytes of a delimiter
// look-alike that straddled two chunks, which come from the parser's own bounded buffer. The
// events and their concatenated data do not depend on how the body is split.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upspec/errors.hpp"
#include "upspec/multipart/delimiter_search.hpp"

namespace upspec::multipart {

struct parser_limits {
  std::size_t max_header_bytes = 16 * 1024;  // one part's header block, line ends included
  std::size_t max_header_count = 64;         // header fields in one part
  std::size_t max_transport_padding = 256;   // LWSP after a delimiter (RFC 2046 §5.1.1)
  friend bool operator==(const parser_limits&, const parser_limits&) = default;
};

class parser_events {
 public:
  virtual ~parser_events() = default;
  virtual void on_part_begin() = 0;
  // Names as sent (compare case-insensitively); values unfolded, surrounding OWS removed.
  virtual void on_header(std::string_view name, std::string_view value) = 0;
  virtual void on_headers_complete() = 0;
  virtual void on_part_data(std::string_view bytes) = 0;
  virtual void on_part_end() = 0;
  virtual void on_body_end() = 0;  // the close delimiter was seen
};

class parser {
 public:
  // `path` chooses how part data is searched for the delimiter; every path gives the same
  // events, and tests and the differential fuzz target compare them.
  explicit parser(std::string_view boundary, parser_limits limits = {},
                  search_path path = search_path::automatic);

  // Consumes the whole chunk. Returns false once the body is known to be malformed.
  bool feed(std::string_view chunk, parser_events& events);
  // The body ended. Returns false when it was malformed or ended before the close delimiter.
  bool finish(parser_events& events);

  bool complete() const noexcept { return state_ == state::epilogue; }
  bool failed() const noexcept { return error_.has_value(); }
  const std::optional<upspec::error>& error() const noexcept { return error_; }

  // Bytes the parser holds between calls, and the most it can ever hold: the delimiter, the
  // transport padding and one header block. Independent of the parts' sizes.
  std::size_t buffered_bytes() const noexcept;
  std::size_t buffer_bound() const noexcept;

 private:
  enum class state {
    preamble,        // scanning for the first delimiter, bytes discarded
    delimiter_line,  // after "\r\n--boundary": "--", LWSP or CRLF must follow
    close_dash,      // after the delimiter and one "-"
    close_line,      // after "--boundary--": LWSP, then CRLF or the end
    header_block,    // collecting one part's headers up to the empty line
    part_body,       // scanning part data for the next delimiter
    epilogue,        // after the close delimiter, bytes discarded
    failed,
  };

  const char* scan_for_delimiter(const char* p, const char* end, parser_events& events);
  const char* continue_partial_match(const char* p, const char* end, parser_events& events);
  const char* delimiter_line(const char* p, const char* end, parser_events& events);
  const char* header_block(const char* p, const char* end, parser_events& events);
  const char* headers_complete(std::string_view block, const char* next, parser_events& events,
                               const char* end);
  bool emit_headers(std::string_view block, parser_events& events);
  void not_a_delimiter(parser_events& events);
  void emit_content(std::string_view bytes, parser_events& events);
  void fail(error_code code, std::string message);
  std::string_view delimiter() const noexcept { return search_.delimiter(); }  // "\r\n--" boundary

  parser_limits limits_;
  delimiter_search search_;
  search_path path_;
  state state_ = state::preamble;
  state scan_state_ = state::preamble;  // preamble or part_body: where a look-alike goes back to
  std::size_t matched_ = 2;             // delimiter bytes matched so far; the body starts at a line
  std::string line_tail_;               // bytes after a matched delimiter, until the line is judged
  std::string header_block_;
  struct header_span {
    std::size_t name_at, name_size, value_at, value_size;
  };
  std::vector<header_span> headers_;
  bool in_part_ = false;
  std::optional<upspec::error> error_;
};

}  // namespace upspec::multipart
