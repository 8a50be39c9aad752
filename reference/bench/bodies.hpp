#pragma once
// The bodies every throughput figure is measured on, made the same way for the C++
// benchmarks, the side-by-side tool and the Node parsers (through files).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace upspec::bench {

// 40 characters, the shape curl uses: the dashes make look-alike prefixes likelier.
inline constexpr const char* kBoundary = "------------------------9f3c2b7a1d5e8064";

struct body {
  std::string name;
  std::string bytes;
  std::size_t parts = 0;
  std::uint64_t part_bytes = 0;   // sum of the parts' data
  int iterations = 5;             // the fewest timed runs; each parser runs until min_seconds() too
  std::size_t chunk = 64 * 1024;  // how the body is fed, the chunk size a socket typically gives
};

enum class content { random_binary, crlf_dash };

// `parts` file parts of `part_size` bytes each.
body make_body(const std::string& name, std::size_t parts, std::size_t part_size, content kind,
               int iterations);

// The standard set: 1 MiB parts, 16 MiB parts (256 MiB, several times any L3 cache, so every
// parser reads from memory), 1 KiB parts, the adversarial body, and a body fed one byte at a time.
std::vector<body> standard_bodies();

// How long each parser runs on each body at least, so every figure is a steady state:
// UPSPEC_BENCH_MIN_SECONDS, 1 by default.
double min_seconds();

std::string content_type();

}  // namespace upspec::bench
