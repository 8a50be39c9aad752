#pragma once
// Parser event sinks for the targets: one that only checks the order of the events (cheap, for
// the raw parser's speed), one that also records them in the oracle's text format.

#include <string>
#include <string_view>
#include <vector>

#include "upspec/multipart/parser.hpp"

namespace upspec::fuzz {

// The event grammar the parser promises: (begin header* headers-complete data* end)* close,
// nothing after close, and no data outside a part's content.
class event_order : public multipart::parser_events {
 public:
  void on_part_begin() override;
  void on_header(std::string_view name, std::string_view value) override;
  void on_headers_complete() override;
  void on_part_data(std::string_view bytes) override;
  void on_part_end() override;
  void on_body_end() override;

  bool closed() const noexcept { return at_ == where::closed; }
  // Whether the event stream could be cut here by an error: inside a part or between parts.
  bool open() const noexcept { return at_ != where::closed; }

 private:
  enum class where { between, headers, content, closed };
  where at_ = where::between;
};

// Records events as "begin", "header N: V", "headers-complete", "data ..." (adjacent data
// joined, so that any chunking compares equal), "end" and "close": properties/oracle.hpp's
// format.
class event_record : public event_order {
 public:
  std::vector<std::string> events;

  void on_part_begin() override;
  void on_header(std::string_view name, std::string_view value) override;
  void on_headers_complete() override;
  void on_part_data(std::string_view bytes) override;
  void on_part_end() override;
  void on_body_end() override;
};

}  // namespace upspec::fuzz
