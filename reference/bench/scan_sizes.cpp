// Why a throughput ratio can differ between machines: the same four loops over buffers from a
// few MiB (in cache) to 256 MiB (from memory), so where each one leaves the cache shows.
//   scan_sizes   prints MiB, then GB/s for read (a plain sum), memcpy, the scalar and the
//                vector delimiter search (64 KiB at a time, as the parser is fed)

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "bodies.hpp"
#include "read_baseline.hpp"
#include "upspec/multipart/delimiter_search.hpp"

namespace {

using upspec::multipart::delimiter_search;
using upspec::multipart::search_path;

template <typename F>
double median_seconds(F&& run) {
  std::vector<double> times;
  for (int i = 0; i < 9; ++i) {
    run();  // untimed: the timed run starts from the caches this loop leaves
    const auto t0 = std::chrono::steady_clock::now();
    run();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  const delimiter_search search(std::string("\r\n--") + upspec::bench::kBoundary);
  std::printf("vector search on %s\n%6s %8s %8s %8s %8s  (GB/s)\n",
              delimiter_search::vector_target(), "MiB", "read", "memcpy", "scalar", "vector");
  std::mt19937_64 rng(0x5eed);
  for (const std::size_t mib : {4, 8, 16, 32, 48, 64, 128, 256}) {
    const std::size_t n = mib << 20;
    std::string bytes(n, '\0');
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
      const std::uint64_t r = rng();
      std::memcpy(bytes.data() + i, &r, 8);
    }
    std::string dest(n, '\0');
    auto scan = [&](search_path path) {
      std::size_t found = 0;
      for (std::size_t at = 0; at < n; at += 64 * 1024)
        found += search.find(std::string_view(bytes).substr(at, 64 * 1024), path);
      asm volatile("" : : "r"(found) : "memory");
    };
    const double gb = static_cast<double>(n) / 1e9;
    std::printf("%6zu %8.1f %8.1f %8.1f %8.1f\n", mib,
                gb / median_seconds([&] {
                  asm volatile("" : : "r"(upspec::bench::read_all(bytes)) : "memory");
                }),
                gb / median_seconds([&] {
                  std::memcpy(dest.data(), bytes.data(), n);
                  asm volatile("" : : "r"(dest.data()) : "memory");
                }),
                gb / median_seconds([&] { scan(search_path::scalar); }),
                gb / median_seconds([&] { scan(search_path::vector); }));
  }
  return 0;
}
