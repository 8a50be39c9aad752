#pragma once
// Chunk splits chosen by the input's bytes, so that the fuzzer steers where chunks end.

#include <cstdint>
#include <string_view>
#include <vector>

namespace upspec::fuzz {

// Chunks of `size` bytes (at least one).
std::vector<std::string_view> fixed_chunks(std::string_view body, std::size_t size);

// Chunks of pseudo-random sizes from 0 (an empty feed) to `largest`, from a seed.
std::vector<std::string_view> seeded_chunks(std::string_view body, std::uint8_t seed,
                                            std::size_t largest);

}  // namespace upspec::fuzz
