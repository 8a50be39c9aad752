#include "upspec/properties/names.hpp"

#include <vector>

namespace upspec::properties {
namespace {

// Names are joined from pieces, so that hostile characters meet each other and plain text.
rc::Gen<std::string> gen_joined(std::vector<std::string> pool, std::size_t min_pieces,
                                std::size_t max_pieces) {
  return rc::gen::exec([pool = std::move(pool), min_pieces, max_pieces] {
    const auto n = *rc::gen::inRange(min_pieces, max_pieces + 1);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += *rc::gen::elementOf(pool);
    return out;
  });
}

const std::vector<std::string>& hostile_pieces() {
  static const std::vector<std::string> pool{"a",
                                             "file",
                                             "x",
                                             ".txt",
                                             ".tar.gz",
                                             " ",
                                             "\t",
                                             "\"",
                                             "\\",
                                             ";",
                                             "=",
                                             "'",
                                             "%",
                                             "%20",
                                             ",",
                                             "(",
                                             ")",
                                             "*",
                                             "filename*=",
                                             "name=",
                                             "../",
                                             "/",
                                             "--",
                                             "\xc3\xa9" /* é */,
                                             "\xe6\x97\xa5\xe6\x9c\xac" /* 日本 */,
                                             "\xf0\x9f\x8e\x89" /* 🎉 */,
                                             "\xc3\xbc" /* ü */};
  return pool;
}

}  // namespace

rc::Gen<std::string> gen_field_name() {
  auto name = rc::gen::weightedOneOf<std::string>({
      {6, rc::gen::map(rc::gen::inRange(0, 20), [](int i) { return std::to_string(i); })},
      {2, gen_joined({"file", "upload", "a", "b", "0", "1", "-", "_", "."}, 1, 3)},
      {2, gen_joined(hostile_pieces(), 1, 5)},
  });
  return rc::gen::map(name, [](std::string n) {
    // The spec's own fields would change the request's meaning.
    return n == "operations" || n == "map" ? n + "_" : n;
  });
}

rc::Gen<std::string> gen_filename() {
  return rc::gen::weightedOneOf<std::string>({
      {3, rc::gen::element<std::string>("a.txt", "file.bin", "image.png", "")},
      {7, gen_joined(hostile_pieces(), 1, 8)},
  });
}

rc::Gen<std::string> gen_ascii_filename() {
  return gen_joined({"a", "b", "file", "_", "-", ".txt", " ", "\"", "\\"}, 1, 5);
}

rc::Gen<std::string> gen_object_key() {
  return rc::gen::weightedOneOf<std::string>({
      {6, rc::gen::element<std::string>("file", "files", "input", "child", "a", "b", "upload",
                                        "list", "x1", "value")},
      {1, rc::gen::element<std::string>("0", "12", "007")},
      {2, gen_joined({"k", "ey", " ", "$", "-", "\xc3\xa9", "\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87",
                      "\xf0\x9f\x93\x8e", "_"},
                     1, 4)},
  });
}

rc::Gen<media_type_case> gen_media_type() {
  static const std::vector<media_type_case> cases{
      {std::nullopt, "text/plain"},
      {"application/octet-stream", "application/octet-stream"},
      {"text/plain; charset=utf-8", "text/plain"},
      {"Image/PNG", "image/png"},
      {"application/json;charset=UTF-8", "application/json"},
      {"video/mp4 ; codecs=\"avc1\"", "video/mp4"},
      {"garbage", "text/plain"},
      {"text/", "text/plain"},
      {"a/b/c", "text/plain"},
      {"", "text/plain"}};
  return rc::gen::elementOf(cases);
}

}  // namespace upspec::properties
