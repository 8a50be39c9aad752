#include "support/splits.hpp"

#include <algorithm>

namespace upspec::fuzz {

std::vector<std::string_view> fixed_chunks(std::string_view body, std::size_t size) {
  size = std::max<std::size_t>(size, 1);
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < body.size(); at += size) out.push_back(body.substr(at, size));
  return out;
}

std::vector<std::string_view> seeded_chunks(std::string_view body, std::uint8_t seed,
                                            std::size_t largest) {
  std::uint32_t state = 0x9E3779B9u ^ seed;
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < body.size();) {
    state ^= state << 13;  // xorshift32: any cheap, deterministic sequence will do
    state ^= state >> 17;
    state ^= state << 5;
    const std::size_t n = state % (largest + 1);
    out.push_back(body.substr(at, n));
    at += n;
  }
  return out;
}

}  // namespace upspec::fuzz
