// graphql-upload's limits: maxFieldSize, maxFileSize, maxFiles. Each case states the limits it
// assumes; a target declaring other limits reports it UNSUPPORTED.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

// Operations of exactly `size` bytes: a query, the file variable, and a padding extension.
std::string operations_of_size(std::size_t size) {
  const std::string head =
      R"({"query":")" + single_query() + R"(","variables":{"file":null},"extensions":{"pad":")";
  const std::string tail = R"("}})";
  return head + std::string(size - head.size() - tail.size(), 'p') + tail;
}

}  // namespace

void add_limit_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title) {
    return cat.add("limits", name, title);
  };
  {
    request::limits lim;  // graphql-upload's default maxFieldSize
    for (std::size_t size : {std::size_t{1'000'000}, std::size_t{1'000'001}}) {
      auto parts = single_parts();
      parts[0].body = operations_of_size(size);
      auto c = add(
          "field-size-" + std::string(size == 1'000'000 ? "at" : "over") + "-default",
          "operations of " + std::to_string(size) + " bytes with the default 1000000 byte limit");
      c.multipart(encoder::encode_form(parts))
          .limits(lim)
          .rule("Fields up to maxFieldSize are accepted; larger ones are 413",
                "graphql-upload maxFieldSize");
      if (size == 1'000'000)
        c.intends(200).accepts({413}, verdict::non_strict,
                               "busboy refuses a field that reaches the limit (busboy#297)");
      else
        c.intends(413, "limit.field_size");
    }
  }
  {
    request::limits lim;
    lim.max_field_size = 1000;
    for (std::size_t size : {std::size_t{999}, std::size_t{1000}, std::size_t{1001}}) {
      auto parts = single_parts();
      parts[1].body = R"({"0":["variables.file"])" + std::string(size - 24, ' ') + "}";
      auto c = add("map-size-" + std::to_string(size),
                   "A map of " + std::to_string(size) + " bytes with a 1000 byte limit");
      c.multipart(encoder::encode_form(parts))
          .limits(lim)
          .rule("The map counts towards maxFieldSize", "graphql-upload maxFieldSize");
      if (size <= 1000)
        c.intends(200).accepts({413}, verdict::non_strict,
                               "busboy refuses a field that reaches the limit (busboy#297)");
      else
        c.intends(413, "limit.field_size");
    }
  }
  {
    request::limits lim;
    lim.max_file_size = 1 << 20;
    for (std::uint64_t size :
         {std::uint64_t{(1 << 20) - 1}, std::uint64_t{1 << 20}, std::uint64_t{(1 << 20) + 1}}) {
      auto c = add("file-size-" + std::to_string(size),
                   "A file of " + std::to_string(size) + " bytes with a 1 MiB limit");
      c.multipart(encoder::encode_request(single_operations(), {{"0",
                                                                 {"variables.file"},
                                                                 "f.bin",
                                                                 "application/octet-stream",
                                                                 std::string(size, 'f')}}))
          .limits(lim)
          .rule("Files over maxFileSize fail; the request still runs", "graphql-upload maxFileSize")
          .intends(200);
    }
  }
  {
    request::limits lim;
    lim.max_files = 3;
    for (std::size_t n : {std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
      std::vector<upload_file> files;
      for (std::size_t i = 0; i < n; ++i)
        files.push_back(
            text_file(std::to_string(i), {"variables.files." + std::to_string(i)}, "x"));
      auto c = add("files-" + std::to_string(n), std::to_string(n) + " files with a limit of 3");
      c.multipart(encoder::encode_request(multiple_operations(n), files))
          .limits(lim)
          .rule("A map with more entries than maxFiles is 413", "graphql-upload maxFiles");
      if (n <= 3)
        c.intends(200);
      else
        c.intends(413, "limit.files");
    }
  }
  {
    request::limits lim;
    lim.max_files = 1;
    auto parts = single_parts();
    parts.push_back({"extra", "extra.txt", {}, "text/plain", "not mapped", {}, false});
    add("extraneous-file-not-counted", "An extraneous file does not count towards maxFiles")
        .multipart(encoder::encode_form(parts))
        .limits(lim)
        .level(level::should)
        .rule("maxFiles bounds the map's entries", "graphql-upload maxFiles")
        .intends(200)
        .accepts({413}, verdict::non_strict, "busboy counts every file part");
  }
}

}  // namespace upspec::corpus
