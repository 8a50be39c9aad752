#pragma once
// Where each part of an encoded body lies, so that a test can cut or break the body at a known
// place and know which uploads had arrived by then.

#include <cstddef>
#include <string_view>
#include <vector>

#include "upspec/encoder/encoder.hpp"

namespace upspec::properties {

struct part_span {
  std::size_t delimiter_at;   // where the delimiter line before the part starts
  std::size_t header_start;   // first byte after that line
  std::size_t content_start;  // first byte after the header block's empty line
  std::size_t content_end;    // the CRLF of the next delimiter
  // How many bytes the parser needs to have seen to know the part is over: the whole next
  // delimiter line, or "--boundary--" of the close delimiter.
  std::size_t ended_at;
};

struct body_layout {
  std::vector<part_span> parts;
  std::size_t close_at = 0;     // the CRLF before "--boundary--"
  std::size_t epilogue_at = 0;  // first byte after the close delimiter line
};

// Derived from the encoder's own output, part by part, and checked against `body`
// (throws std::logic_error when the encoder no longer writes bodies as expected).
body_layout layout_of(const std::vector<encoder::form_part>& parts, const encoder::encoding& enc,
                      std::string_view body);

// A "CRLF--boundary" the parser examines, with the LWSP it would count as transport padding.
struct delimiter_candidate {
  std::size_t at;  // offset of the CRLF (0 for "--boundary" at the very start)
  std::size_t padding;
};

// Every candidate before `end`, outside header blocks, in body order.
std::vector<delimiter_candidate> delimiter_candidates(std::string_view body,
                                                      std::string_view boundary,
                                                      const body_layout& layout);

}  // namespace upspec::properties
