// The order of the parts: operations, then map, then the files.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;
using encoder::form_part;

namespace {

form_part plain(std::string name, std::string value) {
  return {std::move(name), {}, {}, {}, std::move(value), {}, false};
}
form_part named_file(std::string name, std::string content) {
  return {std::move(name), "a.txt", {}, "text/plain", std::move(content), {}, false};
}

std::string ops() {
  return request::dump_json(single_operations());
}
const std::string kMap = R"({"0":["variables.file"]})";

}  // namespace

void add_field_order_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title,
                       std::vector<form_part> parts) {
    return cat.add("field-order", name, title)
        .multipart(encoder::encode_form(parts))
        .rule("operations comes first, then map, then the files", kSpecOrder);
  };
  add("operations-map-file", "operations, map, then the file",
      {plain("operations", ops()), plain("map", kMap), named_file("0", "x")})
      .intends(200);
  add("map-before-operations", "map before operations",
      {plain("map", kMap), plain("operations", ops()), named_file("0", "x")})
      .intends(400, "map.misordered")
      .accepts({200}, verdict::non_strict, kBufferedOrder);
  add("map-alone", "Only a map, no operations", {plain("map", kMap)})
      .intends(400, "map.misordered");
  add("file-before-map", "A file between operations and map",
      {plain("operations", ops()), named_file("0", "x"), plain("map", kMap)})
      .intends(400, "file.misordered")
      .accepts({200}, verdict::non_strict, kBufferedOrder);
  add("file-first", "A file before operations",
      {named_file("0", "x"), plain("operations", ops()), plain("map", kMap)})
      .intends(400, "file.misordered")
      .accepts({200}, verdict::non_strict, kBufferedOrder);
  add("unmapped-file-before-map", "A file that the map does not name, before the map",
      {plain("operations", ops()), named_file("9", "x"), plain("map", kMap), named_file("0", "x")})
      .intends(400, "file.misordered")
      .accepts({200}, verdict::non_strict, kBufferedOrder);
  add("operations-only", "operations without a map", {plain("operations", ops())})
      .intends(400, "map.missing");
  // Found by upspec fuzz against ariadne-django: a missing map read as {} lets the operation run
  // without the file it was sent with.
  add("no-map-optional-upload", "operations and a file but no map, for an optional Upload",
      {plain("operations",
             request::dump_json({{"query", optional_query()}, {"variables", {{"file", nullptr}}}})),
       named_file("0", "x")})
      .origin("regression")
      .rule(
          "A request without a map is refused, even when its operation could run without the "
          "file: running it drops the file without a word",
          "GraphQL multipart request spec: map field")
      .intends(400, "file.misordered");
  add("no-fields", "A body with only an unrelated field", {plain("hello", "world")})
      .intends(400, "operations.missing");
  add("operations-and-file-no-map", "operations and a file but no map",
      {plain("operations", ops()), named_file("0", "x")})
      .intends(400, "file.misordered");
  add("extra-field-before-operations", "An unrelated field before operations",
      {plain("extra", "1"), plain("operations", ops()), plain("map", kMap), named_file("0", "x")})
      .level(level::should)
      .intends(200);
  add("extra-field-between", "An unrelated field between operations and map",
      {plain("operations", ops()), plain("extra", "1"), plain("map", kMap), named_file("0", "x")})
      .level(level::should)
      .intends(200);
  add("extra-field-after-map", "An unrelated field between map and the file",
      {plain("operations", ops()), plain("map", kMap), plain("extra", "1"), named_file("0", "x")})
      .level(level::should)
      .intends(200);
  add("extra-field-last", "An unrelated field after the files",
      {plain("operations", ops()), plain("map", kMap), named_file("0", "x"), plain("extra", "1")})
      .level(level::should)
      .intends(200);
  add("mapped-name-as-field-before-map", "A plain field named like a mapped file before the map",
      {plain("operations", ops()), plain("0", "not a file"), plain("map", kMap),
       named_file("0", "x")})
      .level(level::may)
      .intends(200);
  add("operations-twice", "operations sent twice before the map; the first counts",
      {plain("operations", ops()), plain("operations", "{}"), plain("map", kMap),
       named_file("0", "x")})
      .level(level::may)
      .intends(200);
  add("map-twice", "map sent twice; the first counts",
      {plain("operations", ops()), plain("map", kMap), plain("map", R"({"1":["variables.file"]})"),
       named_file("0", "x")})
      .level(level::may)
      .intends(200);
  add("operations-after-map", "operations repeated after the map",
      {plain("operations", ops()), plain("map", kMap), plain("operations", "{}"),
       named_file("0", "x")})
      .level(level::may)
      .intends(200);
  add("files-reversed", "Two files in the reverse order of the map",
      {plain("operations", request::dump_json(multiple_operations(2))),
       plain("map", R"({"0":["variables.files.0"],"1":["variables.files.1"]})"),
       named_file("1", "second"), named_file("0", "first")})
      .intends(200);
  {
    // Found while studying the upspec fuzz findings against graphql-upload-minimal: it hands
    // busboy's own file stream to the resolver. busboy stops parsing while a file stream's
    // buffer is full, so a large file that no resolver has read yet holds back every later part:
    // a field waiting for a later file waits for ever. The files are in the map's order; the
    // operation reads them in another (mutation fields run one after the other), or not at all.
    std::string big;
    for (int i = 0; big.size() < 256 * 1024; ++i)
      big += "line " + std::to_string(i) + " of a file larger than a stream's buffer\n";
    const std::string fields = std::string(" ") + kFileFields;
    const std::string rule =
        "A server that streams the files must not let a file that is not read yet hold back the "
        "parts after it: the order of the files is the map's, not the order in which the "
        "resolvers read them";
    json reversed{{"query", "mutation ($a: Upload!, $b: Upload!) { first: single(file: $b)" +
                                fields + " second: single(file: $a)" + fields + " }"},
                  {"variables", {{"a", nullptr}, {"b", nullptr}}}};
    cat.add("field-order", "large-file-read-last",
            "A 256 KiB file that the operation reads after the small file that follows it")
        .multipart(encoder::encode_request(
            reversed, {text_file("0", {"variables.a"}, big, "big.txt"),
                       text_file("1", {"variables.b"}, "small\n", "small.txt")}))
        .origin("regression")
        .rule(rule, kSpecOrder)
        .intends(200);
    json unread{{"query", single_query()}, {"variables", {{"file", nullptr}, {"unused", nullptr}}}};
    cat.add(
           "field-order", "large-file-never-read",
           "A 256 KiB file mapped to a variable the operation does not use, then the file it reads")
        .multipart(encoder::encode_request(
            unread, {text_file("0", {"variables.unused"}, big, "big.txt"),
                     text_file("1", {"variables.file"}, "small\n", "small.txt")}))
        .origin("regression")
        .rule(rule, kSpecOrder)
        .intends(200);
  }
}

}  // namespace upspec::corpus
