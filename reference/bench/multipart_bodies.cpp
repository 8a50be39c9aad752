// Writes the standard benchmark bodies and manifest.json for the side-by-side comparison
// (reference/bench/compare.sh), so every parser reads the very same bytes.
//   multipart_bodies --out DIR

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "bodies.hpp"

int main(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != "--out") {
    std::cerr << "usage: multipart_bodies --out DIR\n";
    return 2;
  }
  const std::string dir = argv[2];
  nlohmann::json manifest{{"bodies", nlohmann::json::array()}};
  for (const auto& b : upspec::bench::standard_bodies()) {
    const std::string file = b.name + ".bin";
    std::ofstream out(dir + "/" + file, std::ios::binary);
    out.write(b.bytes.data(), static_cast<std::streamsize>(b.bytes.size()));
    if (!out) {
      std::cerr << "multipart_bodies: cannot write " << dir << "/" << file << "\n";
      return 1;
    }
    manifest["bodies"].push_back({{"name", b.name},
                                  {"file", file},
                                  {"content_type", upspec::bench::content_type()},
                                  {"iterations", b.iterations},
                                  {"min_seconds", upspec::bench::min_seconds()},
                                  {"chunk", b.chunk},
                                  {"parts", b.parts},
                                  {"part_bytes", b.part_bytes}});
  }
  std::ofstream(dir + "/manifest.json") << manifest.dump(2) << "\n";
  return 0;
}
