#pragma once
// The machine's read bandwidth, the baseline a scan is held to: a plain sum over the buffer.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace upspec::bench {

// Sums the buffer eight bytes at a time with four independent accumulators: every load is
// independent of the others, so this runs at the bandwidth a simple loop reaches.
inline std::uint64_t read_all(std::string_view bytes) {
  std::uint64_t acc[4] = {};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32)
    for (int k = 0; k < 4; ++k) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + i + 8 * k, 8);
      acc[k] += w;
    }
  return acc[0] + acc[1] + acc[2] + acc[3] + i;
}

}  // namespace upspec::bench
