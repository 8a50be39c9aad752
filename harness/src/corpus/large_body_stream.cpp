#include "corpus/large_body_stream.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace upspec::corpus {
namespace {

// splitmix64: fast, seedable, and every seed gives a full-period stream.
std::uint64_t next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

void stream_large_body(const large_body& b, const std::function<bool(std::string_view)>& sink) {
  if (!sink(b.head)) return;
  std::array<char, 64 * 1024> buf{};
  std::uint64_t state = b.seed;
  for (std::uint64_t left = b.size; left > 0;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size()));
    for (std::size_t i = 0; i < n; i += 8) {
      const std::uint64_t r = next(state);
      std::memcpy(buf.data() + i, &r, std::min<std::size_t>(8, n - i));
    }
    if (!sink({buf.data(), n})) return;
    left -= n;
  }
  sink(b.tail);
}

}  // namespace upspec::corpus
