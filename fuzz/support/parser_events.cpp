#include "support/parser_events.hpp"

#include "support/check.hpp"

namespace upspec::fuzz {

void event_order::on_part_begin() {
  UPSPEC_FUZZ_CHECK(at_ == where::between, "a part began inside another part or after close");
  at_ = where::headers;
}

void event_order::on_header(std::string_view name, std::string_view value) {
  UPSPEC_FUZZ_CHECK(at_ == where::headers, "a header outside a header block");
  UPSPEC_FUZZ_CHECK(!name.empty(), "an empty header name");
  const auto lwsp = [](char c) { return c == ' ' || c == '\t'; };
  UPSPEC_FUZZ_CHECK(value.empty() || (!lwsp(value.front()) && !lwsp(value.back())),
                    "a header value with surrounding whitespace");
  UPSPEC_FUZZ_CHECK(value.find_first_of("\r\n") == std::string_view::npos,
                    "a header value with a line end");
}

void event_order::on_headers_complete() {
  UPSPEC_FUZZ_CHECK(at_ == where::headers, "headers completed outside a header block");
  at_ = where::content;
}

void event_order::on_part_data(std::string_view bytes) {
  UPSPEC_FUZZ_CHECK(at_ == where::content, "data outside a part's content");
  UPSPEC_FUZZ_CHECK(!bytes.empty(), "an empty data event");
}

void event_order::on_part_end() {
  UPSPEC_FUZZ_CHECK(at_ == where::content, "a part ended before its headers did");
  at_ = where::between;
}

void event_order::on_body_end() {
  UPSPEC_FUZZ_CHECK(at_ == where::between, "close inside a part");
  at_ = where::closed;
}

void event_record::on_part_begin() {
  event_order::on_part_begin();
  events.emplace_back("begin");
}

void event_record::on_header(std::string_view name, std::string_view value) {
  event_order::on_header(name, value);
  events.push_back("header " + std::string(name) + ": " + std::string(value));
}

void event_record::on_headers_complete() {
  event_order::on_headers_complete();
  events.emplace_back("headers-complete");
}

void event_record::on_part_data(std::string_view bytes) {
  event_order::on_part_data(bytes);
  if (!events.empty() && events.back().rfind("data ", 0) == 0)
    events.back().append(bytes);
  else
    events.push_back("data " + std::string(bytes));
}

void event_record::on_part_end() {
  event_order::on_part_end();
  events.emplace_back("end");
}

void event_record::on_body_end() {
  event_order::on_body_end();
  events.emplace_back("close");
}

}  // namespace upspec::fuzz
