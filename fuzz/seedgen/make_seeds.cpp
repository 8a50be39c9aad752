// Writes every target's seed corpus from the conformance corpus: each case's request, put in
// the input format of each target (the formats are the targets' own, which is why this is C++
// sharing their code rather than a script of its own).
//
// usage: fuzz_seedgen CORPUS_DIR OUT_DIR [MAX_BYTES]
//   reads CORPUS_DIR/cases/*.json and CORPUS_DIR/spec-examples/*.body, writes OUT_DIR/<target>/.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "seedgen/case_request.hpp"
#include "seedgen/seed_formats.hpp"

namespace fs = std::filesystem;
using namespace upspec::fuzz;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class seed_writer {
 public:
  seed_writer(fs::path out, std::size_t max_bytes) : out_(std::move(out)), max_(max_bytes) {}

  void write(const std::string& target, const std::string& name, const std::string& bytes) {
    if (bytes.size() > max_) return;
    const fs::path dir = out_ / target;
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << bytes;
    ++written_;
  }
  std::size_t written() const { return written_; }

 private:
  fs::path out_;
  std::size_t max_;
  std::size_t written_ = 0;
};

void write_seeds(const case_request& c, seed_writer& out) {
  for (const auto& [target, bytes] : seeds_for(c)) out.write(target, c.id, bytes);
  std::size_t n = 0;
  for (const std::string& bytes : graphql_seeds_for(c))
    out.write("graphql_parser", c.id + "-" + std::to_string(n++), bytes);
  n = 0;
  for (const std::string& bytes : execute_seeds_for(c))
    out.write("graphql_execute", c.id + "-" + std::to_string(n++), bytes);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR OUT_DIR [MAX_BYTES]\n", argv[0]);
    return 2;
  }
  const fs::path corpus = argv[1];
  seed_writer out(argv[2], argc > 3 ? std::stoul(argv[3]) : 64 * 1024);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus / "cases"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files)
    for (const case_request& c : cases_in(read_file(f))) write_seeds(c, out);
  for (const auto& e : fs::directory_iterator(corpus / "spec-examples")) {
    if (e.path().extension() != ".body") continue;
    fs::path ct = e.path();
    ct.replace_extension(".content-type");
    std::string content_type = read_file(ct);
    while (!content_type.empty() && (content_type.back() == '\n' || content_type.back() == '\r'))
      content_type.pop_back();
    write_seeds(spec_example("spec-" + e.path().stem().string(), content_type, read_file(e.path())),
                out);
  }
  std::printf("wrote %zu seeds under %s\n", out.written(), argv[2]);
  return 0;
}
