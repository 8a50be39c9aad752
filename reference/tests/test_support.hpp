#pragma once
// Shared helpers of the reference tests: event recording and chunk-split invariance.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "upspec/multipart/parser.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::testing {

using request::json;

// Records parser events as text, joining adjacent data events so that logs compare equal
// whatever the chunking.
class event_log : public multipart::parser_events {
 public:
  std::vector<std::string> events;
  void on_part_begin() override { events.push_back("begin"); }
  void on_header(std::string_view n, std::string_view v) override {
    events.push_back("header " + std::string(n) + ": " + std::string(v));
  }
  void on_headers_complete() override { events.push_back("headers-complete"); }
  void on_part_data(std::string_view b) override {
    if (!events.empty() && events.back().rfind("data ", 0) == 0)
      events.back().append(b);
    else
      events.push_back("data " + std::string(b));
  }
  void on_part_end() override { events.push_back("end"); }
  void on_body_end() override { events.push_back("close"); }
};

struct parse_result {
  std::vector<std::string> events;
  bool ok = false;
  std::optional<error> failure;
  bool operator==(const parse_result&) const = default;
};

inline parse_result parse_in_chunks(std::string_view boundary, std::string_view body,
                                    std::size_t chunk, multipart::parser_limits limits = {}) {
  multipart::parser p(boundary, limits);
  event_log log;
  bool ok = true;
  for (std::size_t at = 0; at < body.size() && ok; at += chunk)
    ok = p.feed(body.substr(at, chunk), log);
  if (ok) ok = p.finish(log);
  EXPECT_LE(p.buffered_bytes(), p.buffer_bound());
  return {log.events, ok, p.error()};
}

inline const std::vector<std::size_t>& chunk_sizes() {
  static const std::vector<std::size_t> sizes{1, 2, 3, 5, 7, 11, 16, 64, 1000, 1u << 20};
  return sizes;
}

// Parses the body whole and split every way of chunk_sizes(); all must agree.
inline parse_result parse_all_splits(std::string_view boundary, std::string_view body,
                                     multipart::parser_limits limits = {}) {
  const parse_result whole = parse_in_chunks(boundary, body, body.size() + 1, limits);
  for (std::size_t c : chunk_sizes())
    EXPECT_EQ(parse_in_chunks(boundary, body, c, limits), whole) << "chunk size " << c;
  return whole;
}

// The reference outcome, checked to be the same for every chunk split.
inline json outcome_all_splits(std::string_view content_type, std::string_view body,
                               const request::limits& lim = {}) {
  const json whole = request::reference_outcome(content_type, body, lim, body.size() + 1);
  for (std::size_t c : chunk_sizes())
    EXPECT_EQ(request::reference_outcome(content_type, body, lim, c), whole) << "chunk size " << c;
  return whole;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string error_code_of(const json& outcome) {
  return outcome["error"].is_null() ? "" : outcome["error"]["code"].get<std::string>();
}

}  // namespace upspec::testing
