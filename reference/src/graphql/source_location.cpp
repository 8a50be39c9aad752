#include "upspec/graphql/source_location.hpp"

#include <climits>

namespace upspec::graphql {

SourceLocation LocationTracker::locate(std::size_t offset) noexcept {
  if (offset > source_.size()) offset = source_.size();
  if (offset < offset_) {
    offset_ = 0;
    location_ = SourceLocation{};
  }
  for (; offset_ < offset; ++offset_) {
    const char c = source_[offset_];
    // GraphQL Oct 2021 §2.1.3: CRLF is one line terminator, so its LF was counted at the CR.
    const bool ends_line =
        c == '\r' || (c == '\n' && (offset_ == 0 || source_[offset_ - 1] != '\r'));
    if (ends_line) {
      if (location_.line < INT_MAX) ++location_.line;
      location_.column = 1;
    } else if (c != '\n' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      // Continuation bytes belong to the code point their lead byte already counted.
      if (location_.column < INT_MAX) ++location_.column;
    }
  }
  return location_;
}

}  // namespace upspec::graphql
