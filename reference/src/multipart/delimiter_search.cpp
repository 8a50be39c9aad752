#include "upspec/multipart/delimiter_search.hpp"

#include <cstring>

#include "multipart/delimiter_search_simd.hpp"

namespace upspec::multipart {
namespace {

// Below this many bytes the scalar loop wins: the vector path needs a block plus the
// delimiter's length before its first load, and the data would fit in one or two skips.
constexpr std::size_t kVectorFrom = 256;

}  // namespace

delimiter_search::delimiter_search(std::string_view delimiter) : delimiter_(delimiter) {
  const std::size_t m = delimiter_.size();
  skip_.fill(static_cast<unsigned char>(m));
  for (std::size_t i = 0; i + 1 < m; ++i)
    skip_[static_cast<unsigned char>(delimiter_[i])] = static_cast<unsigned char>(m - 1 - i);
}

std::size_t delimiter_search::find(std::string_view data, search_path path) const noexcept {
  switch (path) {
    case search_path::scalar:
      return find_scalar(data);
    case search_path::vector:
      return find_vector(data);
    case search_path::automatic:
      break;
  }
  return data.size() < kVectorFrom ? find_scalar(data) : find_vector(data);
}

// Each shift depends on the byte just loaded, so this loop runs at the memory's latency.
std::size_t delimiter_search::find_scalar(std::string_view data) const noexcept {
  const std::size_t m = delimiter_.size();
  const auto last = static_cast<unsigned char>(delimiter_.back());
  std::size_t at = 0;
  while (data.size() - at >= m) {
    const auto c = static_cast<unsigned char>(data[at + m - 1]);
    if (c == last && std::memcmp(data.data() + at, delimiter_.data(), m - 1) == 0) return at;
    at += skip_[c];
  }
  return npos;
}

// The vector kernel stops short of the end (or at a match); the scalar loop takes it from
// there, and at a match finds it in its first comparison.
std::size_t delimiter_search::find_vector(std::string_view data) const noexcept {
  const std::size_t from = simd::find_delimiter(
      reinterpret_cast<const unsigned char*>(data.data()), data.size(),
      reinterpret_cast<const unsigned char*>(delimiter_.data()), delimiter_.size());
  const std::size_t rest = find_scalar(data.substr(from));
  return rest == npos ? npos : from + rest;
}

const char* delimiter_search::vector_target() noexcept {
  return simd::target_name();
}

}  // namespace upspec::multipart
