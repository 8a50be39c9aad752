// Seeded random valid requests, so the corpus also covers shapes nobody wrote by hand.

#include <random>

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

class draw {
 public:
  explicit draw(std::uint64_t seed) : rng_(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }
  bool coin() { return below(2) == 0; }
  std::string bytes(std::size_t n) {
    static constexpr char kHostile[] = {'\r', '\n', '-', '\0', '"', '\\'};
    std::string out(n, '\0');
    const bool hostile = coin();
    for (auto& c : out)
      c = hostile ? kHostile[below(sizeof kHostile)] : static_cast<char>(below(256));
    return out;
  }
  std::string boundary() {
    static constexpr std::string_view kChars =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";
    std::string b(1 + below(70), 'x');
    for (auto& c : b) c = kChars[below(kChars.size())];
    return b;
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace

void add_random_cases(catalog& cat, std::uint64_t seed, std::size_t count) {
  draw d(seed);
  for (std::size_t n = 0; n < count; ++n) {
    // Files at random places of an UploadTree: the tree's own field, its list, or a child's.
    const std::size_t files = 1 + d.below(5);
    json input = json::object();
    std::vector<upload_file> uploads;
    for (std::size_t i = 0; i < files; ++i) {
      std::string path = "variables.input";
      json* at = &input;
      for (std::size_t depth = d.below(4); depth > 0; --depth) {
        if (!at->contains("child")) (*at)["child"] = json::object();
        at = &(*at)["child"];
        path += ".child";
      }
      const std::string field = "f" + std::to_string(i);
      std::vector<std::string> paths;
      if (!at->contains("files")) (*at)["files"] = json::array();
      (*at)["files"].push_back(nullptr);
      paths.push_back(path + ".files." + std::to_string((*at)["files"].size() - 1));
      // One place per file: deduplication has its own cases, and one server's missing support
      // for it would otherwise count again in every random request.
      const std::size_t size = d.below(8) == 0 ? 65536 + d.below(200000) : d.below(300);
      uploads.push_back(
          {field, paths, "r" + std::to_string(n) + "-" + std::to_string(i) + ".bin",
           // Always typed: the default type of an untyped part is a SHOULD, judged by its own
           // case (files.type-missing), not a MUST of every random request.
           std::optional<std::string>(d.coin() ? "application/octet-stream" : "image/png"),
           d.bytes(size)});
    }
    encoder::encoding enc;
    enc.boundary = d.boundary();
    enc.quote_boundary = true;
    // No preamble or epilogue: their own cases judge them, not every random request again.
    enc.header_names = static_cast<encoder::header_case>(d.below(3));
    enc.filename_before_name = d.coin();
    // A boundary that happens to occur in a file would cut it: draw again.
    const json ops{{"query", tree_query()}, {"variables", {{"input", input}}}};
    auto req = encoder::encode_request(ops, uploads, enc);
    bool clash = false;
    for (const auto& u : uploads)
      clash = clash || u.content.find("--" + enc.boundary) != std::string::npos;
    if (clash) continue;
    transport how;
    switch (d.below(4)) {
      case 0:
        how = {transport_mode::chunked, 1 + d.below(5000), 0, 0};
        break;
      case 1:
        how = {transport_mode::drip, 512 + d.below(4096), 1, 0};
        break;
      default:
        break;
    }
    cat.add("generated", "random-" + std::to_string(seed) + "-" + std::to_string(n),
            "Random request " + std::to_string(n) + " of seed " + std::to_string(seed))
        .multipart(req)
        .via(how)
        .origin("generated")
        .rule("Any valid request delivers every file to every place it is mapped to", kSpec)
        .intends(200);
  }
}

}  // namespace upspec::corpus
