#pragma once

#include <cstdint>
#include <string_view>

#include "bodies.hpp"
#include "upspec/multipart/parser.hpp"

namespace upspec::bench {

// Touches nothing but counters, so the figures are the parser's own.
struct counting_sink : multipart::parser_events {
  std::uint64_t parts = 0;
  std::uint64_t bytes = 0;
  void on_part_begin() override { ++parts; }
  void on_header(std::string_view, std::string_view) override {}
  void on_headers_complete() override {}
  void on_part_data(std::string_view b) override { bytes += b.size(); }
  void on_part_end() override {}
  void on_body_end() override {}
};

// Parses the whole body in chunks of `chunk` bytes; false when it did not parse.
inline bool parse_in_chunks(std::string_view body, std::size_t chunk, counting_sink& sink,
                            multipart::search_path path = multipart::search_path::automatic) {
  multipart::parser p(kBoundary, {}, path);
  for (std::size_t at = 0; at < body.size(); at += chunk)
    if (!p.feed(body.substr(at, chunk), sink)) return false;
  return p.finish(sink);
}

}  // namespace upspec::bench
