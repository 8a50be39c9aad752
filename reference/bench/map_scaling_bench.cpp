// How the reference's cost grows with the size of the operations and map fields: a map of n
// entries, and n map paths into a variables object of n members, each up to the default 1 MB
// field limit. Google Benchmark fits the complexity; both should be about n (n log n at most),
// not n^2 (ordered_json's one-by-one name lookups made them quadratic).

#include <benchmark/benchmark.h>

#include <string>

#include "upspec/request/outcome.hpp"

namespace {

constexpr const char* kContentType = "multipart/form-data; boundary=x";

std::string field(const std::string& name, const std::string& value) {
  return "--x\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
}

// n map entries, all naming the same operations path.
std::string wide_map_body(std::size_t n) {
  std::string map = "{";
  for (std::size_t i = 0; i < n; ++i)
    map += (i ? ",\"" : "\"") + std::to_string(i) + "\":[\"variables.file\"]";
  map += "}";
  return field("operations", R"({"query":"{ ping }","variables":{"file":null}})") +
         field("map", map) + "--x--\r\n";
}

// n members in variables, and one map entry per member.
std::string wide_variables_body(std::size_t n) {
  std::string variables = "{";
  std::string map = "{";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    variables += (i ? ",\"k" : "\"k") + k + "\":null";
    map += (i ? ",\"" : "\"") + k + "\":[\"variables.k" + k + "\"]";
  }
  return field("operations", R"({"query":"{ ping }","variables":)" + variables + "}}") +
         field("map", map + "}") + "--x--\r\n";
}

template <std::string (*Make)(std::size_t)>
void outcome_of(benchmark::State& state) {
  const std::string body = Make(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state)
    benchmark::DoNotOptimize(upspec::request::reference_outcome(kContentType, body));
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

}  // namespace

BENCHMARK(outcome_of<wide_map_body>)
    ->Name("wide_map")
    ->RangeMultiplier(4)
    ->Range(500, 32000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();
BENCHMARK(outcome_of<wide_variables_body>)
    ->Name("wide_variables")
    ->RangeMultiplier(4)
    ->Range(500, 32000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

BENCHMARK_MAIN();
