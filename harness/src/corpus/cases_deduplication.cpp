// One file at several paths: every place gets the same upload.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

void add_deduplication_cases(catalog& cat) {
  const char* rule = "A file mapped to several paths is one upload, the same at each path";
  const auto add = [&](const std::string& name, const std::string& title,
                       const encoder::encoded_request& r) {
    return cat.add("deduplication", name, title)
        .multipart(r)
        .rule(rule, "GraphQL multipart request spec, File deduplication");
  };
  add("two-list-items", "One file at both items of a list",
      encoder::encode_request(
          multiple_operations(2),
          {text_file("0", {"variables.files.0", "variables.files.1"}, "shared\n")}))
      .intends(200);
  add("three-list-items", "One file at three items of a list",
      encoder::encode_request(
          multiple_operations(3),
          {text_file("0", {"variables.files.0", "variables.files.1", "variables.files.2"},
                     "shared\n")}))
      .intends(200);
  add("field-and-list", "One file at an input field and in a list",
      encoder::encode_request(
          json{{"query", tree_query()},
               {"variables", {{"input", {{"file", nullptr}, {"files", {nullptr}}}}}}},
          {text_file("0", {"variables.input.file", "variables.input.files.0"}, "shared\n")}))
      .intends(200);
  add("across-batch", "One file used by two operations of a batch",
      encoder::encode_request(
          json::array({single_operations(), single_operations()}),
          {text_file("0", {"0.variables.file", "1.variables.file"}, "shared\n")}))
      .needs("batching")
      .intends(200);
  add("two-files-interleaved", "Two files, each at two places, interleaved",
      encoder::encode_request(
          multiple_operations(4),
          {text_file("0", {"variables.files.0", "variables.files.2"}, "first\n"),
           text_file("1", {"variables.files.1", "variables.files.3"}, "second\n")}))
      .intends(200);
  {
    std::string big(1 << 20, '\0');
    for (std::size_t i = 0; i < big.size(); ++i)
      big[i] = static_cast<char>((i * 2654435761u) >> 13);
    add("one-mebibyte", "A 1 MiB binary file read at two places",
        encoder::encode_request(multiple_operations(2),
                                {{"0",
                                  {"variables.files.0", "variables.files.1"},
                                  "big.bin",
                                  "application/octet-stream",
                                  big}}))
        .intends(200);
  }
  // Found by upspec fuzz against graphql-upload: JavaScript visits a map's integer-like keys in
  // ascending order whatever the text says, the reference in the order of the text.
  add("same-path-two-files", "Two files mapped to the same path, the higher key first",
      encoder::encode_request(single_operations(), {text_file("1", {"variables.file"}, "one\n"),
                                                    text_file("0", {"variables.file"}, "zero\n")}))
      .level(level::may)
      .rule(
          "Which of two files mapped to one path the operation gets depends on the order the "
          "map's entries are applied in, which JSON leaves to the receiver; the reference "
          "applies them in the order of the text, so the last one wins",
          "RFC 8259 §4 (member order); GraphQL multipart request spec: map field")
      .intends(200)
      .accepts({400}, verdict::pass, "refusing a path that two files claim is right too");
  add("same-path-twice", "One file mapped to the same path twice",
      encoder::encode_request(single_operations(),
                              {text_file("0", {"variables.file", "variables.file"}, "twice\n")}))
      .intends(200);
  {
    auto parts = encoder::request_parts(
        multiple_operations(2), {text_file("0", {"variables.files.0", "variables.files.1"}, "x")});
    parts.pop_back();  // the file never comes
    add("missing-shared-file", "A file mapped to two places that never arrives",
        encoder::encode_form(parts))
        .rule("A mapped file that never arrives fails every field that uses it",
              "graphql-upload: File missing in the request")
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
  }
}

}  // namespace upspec::corpus
