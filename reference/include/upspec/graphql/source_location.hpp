#pragma once
// Where a token or node starts in GraphQL source text.

#include <cstddef>
#include <string_view>

namespace upspec::graphql {

// Line and column are 1-based. Columns count Unicode code points from the start of the line
// (not bytes, not UTF-16 units, a tab is one column), so they match what an editor shows for
// UTF-8 text. CR, LF and CRLF each end a line (GraphQL Oct 2021 §2.1.3).
struct SourceLocation {
  int line = 1;
  int column = 1;

  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// Turns byte offsets into SourceLocations. Offsets are expected to be non-decreasing between
// calls, which keeps a whole scan linear; a smaller offset restarts from the beginning.
// A column is counted for every byte that is not a UTF-8 continuation byte: exactly the code
// points for valid UTF-8, and still a sensible position inside invalid bytes.
class LocationTracker {
 public:
  explicit LocationTracker(std::string_view source) noexcept : source_(source) {}

  SourceLocation locate(std::size_t offset) noexcept;

 private:
  std::string_view source_;
  std::size_t offset_ = 0;
  SourceLocation location_;
};

}  // namespace upspec::graphql
