// Times upspec's parser and a memcpy of the same buffer on each body of a manifest written by
// multipart_bodies; prints one JSON line per (parser, body) with the median of the runs.
//   multipart_throughput DIR

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "counting_sink.hpp"

namespace {

constexpr std::size_t kChunk = 64 * 1024;

template <typename F>
double median_seconds(int iterations, F&& run) {
  run();  // warm-up: page faults and caches are not what is measured
  std::vector<double> times;
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    run();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void report(const char* parser, const std::string& body, std::size_t bytes, double seconds,
            std::uint64_t parts, std::uint64_t part_bytes) {
  std::cout << nlohmann::json{{"parser", parser},
                              {"body", body},
                              {"bytes", bytes},
                              {"seconds", seconds},
                              {"bytes_per_second", static_cast<double>(bytes) / seconds},
                              {"parts", parts},
                              {"part_bytes", part_bytes}}
                   .dump()
            << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: multipart_throughput DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto manifest = nlohmann::json::parse(std::ifstream(dir + "/manifest.json"));
  for (const auto& entry : manifest["bodies"]) {
    std::ifstream in(dir + "/" + entry["file"].get<std::string>(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    const std::string name = entry["name"];
    const int iterations = entry.value("iterations", 5);

    upspec::bench::counting_sink seen;
    if (!upspec::bench::parse_in_chunks(bytes, kChunk, seen) ||
        seen.parts != entry.value("parts", seen.parts) ||
        seen.bytes != entry.value("part_bytes", seen.bytes)) {
      std::cerr << "multipart_throughput: " << name << " did not parse to its parts\n";
      return 1;
    }
    const double parse = median_seconds(iterations, [&] {
      upspec::bench::counting_sink sink;
      upspec::bench::parse_in_chunks(bytes, kChunk, sink);
      if (sink.bytes != seen.bytes) std::abort();
    });
    report("upspec", name, bytes.size(), parse, seen.parts, seen.bytes);

    std::string dest(bytes.size(), '\0');
    const double copy = median_seconds(iterations, [&] {
      std::memcpy(dest.data(), bytes.data(), bytes.size());
      asm volatile("" : : "r"(dest.data()) : "memory");
    });
    report("memcpy", name, bytes.size(), copy, 0, bytes.size());
  }
  return 0;
}
