// Large files, generated on the fly while they are sent, never stored.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

// A single-file request whose file is `size` seeded pseudo-random bytes.
large_body large_single(std::uint64_t size, std::uint64_t seed,
                        const std::vector<std::string>& paths, const json& ops) {
  auto parts =
      encoder::request_parts(ops, {{"0", paths, "large.bin", "application/octet-stream", "@"}});
  const std::string whole = encoder::encode_form(parts).body;
  const auto at = whole.rfind("\r\n\r\n@\r\n") + 4;
  return {whole.substr(0, at), size, seed, whole.substr(at + 1)};
}

}  // namespace

void add_large_file_cases(catalog& cat) {
  const std::string ct = encoder::encode_form({}).content_type;
  const char* rule = "Large files stream through without loss";
  cat.add("large-files", "100-mib", "A 100 MiB file")
      .content_type(ct)
      .large(large_single(100ull << 20, 1, {"variables.file"}, single_operations()))
      .rule(rule, kSpec)
      .intends(200);
  cat.add("large-files", "100-mib-chunked", "A 100 MiB file with chunked transfer coding")
      .content_type(ct)
      .large(large_single(100ull << 20, 2, {"variables.file"}, single_operations()))
      .via({transport_mode::chunked, 65536, 0, 0})
      .rule(rule, "RFC 9112 §7.1")
      .intends(200);
  cat.add("large-files", "128-mib-deduplicated", "A 128 MiB file read at two places")
      .content_type(ct)
      .large(large_single(128ull << 20, 3, {"variables.files.0", "variables.files.1"},
                          multiple_operations(2)))
      .rule(rule, "GraphQL multipart request spec, File deduplication")
      .intends(200);
}

}  // namespace upspec::corpus
