#pragma once
// Finding RFC 2046 §5.1.1's delimiter (CRLF "--" boundary) in part data, the parser's hot loop.
//
// Two paths give the same answers: a Boyer-Moore-Horspool scalar loop, the reference the
// properties and the differential fuzz target hold the other to, and a vector path (Google
// Highway, the widest instruction set the CPU has, chosen at run time) that reads blocks
// independently of each other's contents, so a scan runs at the memory's bandwidth instead of
// its latency. Both rely on a CR occurring only at the delimiter's start, which a valid boundary
// guarantees (no CR among bchars).

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace upspec::multipart {

enum class search_path {
  automatic,  // scalar for short data, where the vector path's set-up costs more than it saves
  scalar,
  vector,
};

class delimiter_search {
 public:
  static constexpr std::size_t npos = std::string_view::npos;

  // `delimiter` is "\r\n--" followed by a valid boundary.
  explicit delimiter_search(std::string_view delimiter);

  // Offset of the first whole occurrence of the delimiter in `data`, or npos.
  std::size_t find(std::string_view data, search_path path = search_path::automatic) const noexcept;

  std::string_view delimiter() const noexcept { return delimiter_; }

  // The instruction set the vector path runs on here, e.g. "AVX2", "AVX3" or "SSE4".
  static const char* vector_target() noexcept;

 private:
  std::size_t find_scalar(std::string_view data) const noexcept;
  std::size_t find_vector(std::string_view data) const noexcept;

  std::string delimiter_;
  std::array<unsigned char, 256> skip_{};  // Horspool shifts
};

}  // namespace upspec::multipart
