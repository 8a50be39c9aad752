// Times, side by side on each body of a manifest written by multipart_bodies: a plain read of
// the buffer (the machine's read bandwidth, what a scan is bound by), a memcpy of it, and
// upspec's parser with its scalar and its automatic (vector) delimiter search. Prints a line
// describing the machine, then one JSON line per (parser, body) with the median run.
//   multipart_throughput DIR

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "counting_sink.hpp"
#include "read_baseline.hpp"
#include "upspec/multipart/delimiter_search.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

struct measure {
  const char* parser;
  std::function<void()> run;
  std::vector<double> seconds;
};

// Every measure runs once per round, so a change in the machine's speed during the run touches
// them all alike, and each timed run follows an untimed one of the same measure, so it starts
// from the caches its own work leaves (a steady state), not from what the measure before it
// left. A measure is done once it has `iterations` runs and `min_seconds` of running; rounds go
// on until every measure is.
void run_rounds(std::vector<measure>& measures, int iterations, double min_seconds) {
  std::vector<double> totals(measures.size(), 0.0);
  auto done = [&](std::size_t i) {
    return measures[i].seconds.size() >= static_cast<std::size_t>(iterations) &&
           totals[i] >= min_seconds;
  };
  for (bool pending = true; pending;) {
    pending = false;
    for (std::size_t i = 0; i < measures.size(); ++i) {
      if (done(i)) continue;
      measures[i].run();
      const auto t0 = clock_type::now();
      measures[i].run();
      const double s = std::chrono::duration<double>(clock_type::now() - t0).count();
      measures[i].seconds.push_back(s);
      totals[i] += s;
      pending = pending || !done(i);
    }
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  constexpr const char* kUsage =
      "usage: multipart_throughput DIR\n"
      "Times upspec's parser, memcpy and a plain read over the bodies that multipart_bodies\n"
      "wrote to DIR (its manifest.json), one JSON object per line on stdout.\n";
  if (argc != 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string dir = argv[1];
  if (dir == "--help" || dir == "-h") {
    std::cout << kUsage;
    return 0;
  }
  std::ifstream manifest_file(dir + "/manifest.json");
  const auto manifest = nlohmann::json::parse(manifest_file, nullptr, false);
  if (!manifest_file || !manifest.is_object() || !manifest.contains("bodies") ||
      !manifest.at("bodies").is_array()) {
    std::cerr << "multipart_throughput: " << dir
              << "/manifest.json is missing or not a manifest; multipart_bodies --out " << dir
              << " writes one\n";
    return 2;
  }
  std::cout << nlohmann::json{{"machine",
                               {{"vector_target",
                                 upspec::multipart::delimiter_search::vector_target()},
                                {"l3_cache_bytes", sysconf(_SC_LEVEL3_CACHE_SIZE)},
                                {"cpus", sysconf(_SC_NPROCESSORS_ONLN)}}}}
                   .dump()
            << "\n";
  for (const auto& entry : manifest["bodies"]) {
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string() ||
        !entry.contains("name") || !entry["name"].is_string()) {
      std::cerr << "multipart_throughput: a body in " << dir
                << "/manifest.json has no file or name: " << entry.dump() << "\n";
      return 2;
    }
    std::ifstream in(dir + "/" + entry["file"].get<std::string>(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string name = entry["name"];
    const std::size_t chunk = entry.value("chunk", std::size_t{64 * 1024});
    std::cerr << "multipart_throughput: " << name << " (" << bytes.size() << " bytes)\n";

    upspec::bench::counting_sink seen;
    if (!upspec::bench::parse_in_chunks(bytes, chunk, seen) ||
        seen.parts != entry.value("parts", seen.parts) ||
        seen.bytes != entry.value("part_bytes", seen.bytes)) {
      std::cerr << "multipart_throughput: " << name << " did not parse to its parts\n";
      return 1;
    }
    auto parse = [&](upspec::multipart::search_path path) {
      return [&bytes, &seen, chunk, path] {
        upspec::bench::counting_sink sink;
        upspec::bench::parse_in_chunks(bytes, chunk, sink, path);
        if (sink.bytes != seen.bytes || sink.parts != seen.parts) std::abort();
      };
    };
    std::string dest(bytes.size(), '\0');  // written once here, so no page faults in the runs
    std::vector<measure> measures{
        {"read", [&] { asm volatile(""
                                    :
                                    : "r"(upspec::bench::read_all(bytes))
                                    : "memory"); }, {}},
        {"memcpy",
         [&] {
           std::memcpy(dest.data(), bytes.data(), bytes.size());
           asm volatile("" : : "r"(dest.data()) : "memory");
         },
         {}},
        {"upspec-scalar", parse(upspec::multipart::search_path::scalar), {}},
        {"upspec", parse(upspec::multipart::search_path::automatic), {}},
    };
    run_rounds(measures, entry.value("iterations", 5),
               entry.value("min_seconds", upspec::bench::min_seconds()));
    for (const auto& m : measures) {
      const double s = median(m.seconds);
      const bool parses = std::string(m.parser).rfind("upspec", 0) == 0;
      std::cout << nlohmann::json{{"parser", m.parser},
                                  {"body", name},
                                  {"bytes", bytes.size()},
                                  {"chunk", chunk},
                                  {"runs", m.seconds.size()},
                                  {"seconds", s},
                                  {"bytes_per_second", static_cast<double>(bytes.size()) / s},
                                  {"parts", parses ? seen.parts : 0},
                                  {"parts_per_second",
                                   parses ? static_cast<double>(seen.parts) / s : 0.0},
                                  {"part_bytes", parses ? seen.bytes : bytes.size()}}
                       .dump()
                << std::endl;
    }
  }
  return 0;
}
