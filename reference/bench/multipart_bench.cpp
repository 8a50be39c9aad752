// Google Benchmark figures for the streaming parser, each next to a memcpy of the same bytes.
//   build/release/reference/bench/multipart_bench

#include <benchmark/benchmark.h>

#include <cstring>
#include <map>

#include "bodies.hpp"
#include "counting_sink.hpp"

namespace upspec::bench {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

const body& get(const std::string& name) {
  static const std::map<std::string, body> bodies = [] {
    std::map<std::string, body> m;
    for (auto& b : standard_bodies()) m.emplace(b.name, std::move(b));
    return m;
  }();
  return bodies.at(name);
}

void parse(benchmark::State& state, const std::string& name, std::size_t chunk) {
  const body& b = get(name);
  for (auto _ : state) {
    counting_sink sink;
    if (!parse_in_chunks(b.bytes, chunk, sink) || sink.bytes != b.part_bytes ||
        sink.parts != b.parts)
      state.SkipWithError("the body did not parse to its parts");
    benchmark::DoNotOptimize(sink.bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * b.bytes.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * b.parts));
}

void copy(benchmark::State& state, const std::string& name) {
  const body& b = get(name);
  std::string dest(b.bytes.size(), '\0');
  for (auto _ : state) {
    std::memcpy(dest.data(), b.bytes.data(), b.bytes.size());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * b.bytes.size()));
}

BENCHMARK_CAPTURE(copy, memcpy_1MiB_parts, "1MiB-parts")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, parse_1MiB_parts, "1MiB-parts", kChunk)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(copy, memcpy_16MiB_parts, "16MiB-parts")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, parse_16MiB_parts, "16MiB-parts", kChunk)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, parse_1KiB_parts, "1KiB-parts", kChunk)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, parse_adversarial, "adversarial", kChunk)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, parse_one_byte_at_a_time, "one-byte", 1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace upspec::bench

BENCHMARK_MAIN();
