// The driver of the regression replay: without libFuzzer (gcc, the ci and asan presets), each
// target links this main, which runs every file it is given, or every file under a directory it
// is given, once through LLVMFuzzerTestOneInput. A finding aborts, as under libFuzzer.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_under(const fs::path& p) {
  std::vector<fs::path> out;
  if (fs::is_directory(p)) {
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file() && e.path().filename().string().front() != '.')
        out.push_back(e.path());
    std::sort(out.begin(), out.end());
  } else if (fs::exists(p)) {
    out.push_back(p);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path& file : inputs_under(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                    std::istreambuf_iterator<char>()};
      // A copy of exactly the input's size, so that ASan sees any read past its end.
      std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
      std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), data.size());
      LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
      ++runs;
    }
  }
  std::printf("replayed %zu inputs\n", runs);
  return 0;
}
