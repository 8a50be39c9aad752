#pragma once
// File contents: any size from empty to several MiB, with the bytes multipart parsers trip on.
//
// A recipe, not the bytes, is generated: a size, a filler and a few planted snippets. That
// keeps generation and shrinking cheap whatever the size, and lets look-alikes of the actual
// boundary be planted once the encoding is known.

#include <rapidcheck.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace upspec::properties {

enum class filler {
  zeros,
  text,        // printable ASCII with CRLF line ends
  binary,      // every byte value
  line_noise,  // CR, LF, '-', space and the boundary's own characters: near-delimiters galore
};

enum class snippet {
  cr,
  lf,
  crlf,
  dashes,
  crlf_dashes,
  dash_boundary,         // "--boundary" not preceded by CRLF
  delimiter_prefix,      // "\r\n--" and part of the boundary
  longer_boundary,       // "\r\n--boundary" followed by another bchar and CRLF
  delimiter_then_dash,   // "\r\n--boundary-x"
  delimiter_then_space,  // "\r\n--boundary  x"
  delimiter_then_cr,     // "\r\n--boundary\rx"
  close_then_text,       // "\r\n--boundary--x"
  blank_lines,           // "\r\n\r\n"
  nul,
};

struct content_recipe {
  std::size_t size = 0;  // filler bytes; planted snippets come on top
  std::uint64_t seed = 0;
  filler fill = filler::zeros;
  std::vector<std::pair<std::size_t, snippet>> plants;  // position is taken modulo size + 1
};

// Sizes: mostly small, sometimes tens of KiB, rarely up to 4 MiB.
rc::Gen<std::size_t> gen_content_size();
rc::Gen<content_recipe> gen_content_recipe();

// The bytes of a recipe for a part delimited by `boundary`: never containing a real delimiter.
std::string materialize(const content_recipe& recipe, std::string_view boundary);

// Edits `text` so that no "CRLF--boundary" in it can be read as a delimiter line, by putting an
// 'x' right after each risky one. The end of `text` counts as a CRLF (the next delimiter
// follows); `starts_a_line` says whether its start does too (a preamble).
std::string defuse_delimiters(std::string text, std::string_view boundary, bool starts_a_line);

// Fast deterministic bytes (SplitMix64), for fillers and noise.
std::string pseudo_random_bytes(std::uint64_t seed, std::size_t size, std::string_view alphabet);

}  // namespace upspec::properties
