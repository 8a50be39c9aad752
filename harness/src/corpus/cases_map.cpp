// The map field: JSON object of file field names to arrays of object paths.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

encoder::encoded_request with_map(const std::string& map_text, bool with_file = true,
                                  const std::string& file_field = "0") {
  std::vector<encoder::form_part> parts{
      {"operations", {}, {}, {}, request::dump_json(single_operations()), {}, false},
      {"map", {}, {}, {}, map_text, {}, false}};
  if (with_file)
    parts.push_back({file_field, "a.txt", {}, "text/plain", "Alpha file content.\n", {}, false});
  return encoder::encode_form(parts);
}

}  // namespace

void add_map_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title, const std::string& map) {
    return cat.add("map", name, title).multipart(with_map(map));
  };
  const char* map_rule = "map is a JSON object of file field names to arrays of object paths";
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"truncated", "{\"0\": [\"variables.file\"]"},
           {"empty", ""},
           {"word", "map"},
           {"single-quotes", "{'0': ['variables.file']}"},
           {"trailing-comma", "{\"0\": [\"variables.file\"],}"},
           {"two-values", "{} {}"}})
    add("invalid-json-" + name, "A map that is not JSON: " + name, text)
        .rule(map_rule, kSpec)
        .intends(400, "map.invalid_json");
  for (const auto& [name, text] :
       std::vector<std::pair<std::string, std::string>>{{"array", "[[\"variables.file\"]]"},
                                                        {"string", "\"variables.file\""},
                                                        {"number", "0"},
                                                        {"null", "null"},
                                                        {"boolean", "false"}})
    add("invalid-type-" + name, "A map that is a " + name, text)
        .rule(map_rule, kSpec)
        .intends(400, "map.invalid_type");
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"string", R"({"0": "variables.file"})"},
           {"null", R"({"0": null})"},
           {"object", R"({"0": {"0": "variables.file"}})"},
           {"number", R"({"0": 0})"}})
    add("entry-not-array-" + name, "A map entry that is a " + name + ", not an array", text)
        .rule(map_rule, kSpec)
        .intends(400, "map.entry_invalid_type");
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"number", R"({"0": [0]})"},
           {"null", R"({"0": [null]})"},
           {"array", R"({"0": [["variables", "file"]]})"},
           {"object", R"({"0": [{"path": "variables.file"}]})"},
           {"second", R"({"0": ["variables.file", 1]})"}})
    add("path-not-string-" + name, "An object path that is a " + name, text)
        .rule("Object paths are strings", kSpec)
        .intends(400, "map.path_invalid_type");
  add("second-entry-invalid", "The second entry of the map is not an array",
      R"({"0": ["variables.file"], "1": "x"})")
      .rule(map_rule, kSpec)
      .intends(400, "map.entry_invalid_type");
  add("empty-object", "An empty map with the file still sent", "{}")
      .rule("Files the map does not name are ignored; the variable stays null", kSpec);
  add("empty-paths", "A map entry with no paths", R"({"0": []})")
      .rule("An upload mapped nowhere is not placed; the variable stays null", kSpec);
  cat.add("map", "key-with-spaces", "A file field name with spaces and non-ASCII")
      .multipart(with_map(R"({"fi le é": ["variables.file"]})", true, "fi le é"))
      .rule("File field names are arbitrary", kSpec)
      .intends(200);
  // PHP renames form fields whose names hold a dot or a bracket before the application sees
  // them ("file.0" becomes "file_0", "file[0]" an array), and Laravel reads a dot in a name it
  // is asked for as a nested key.
  cat.add("map", "key-with-dot", "A file field name with a dot")
      .multipart(with_map(R"({"file.0": ["variables.file"]})", true, "file.0"))
      .rule("File field names are arbitrary", kSpec)
      .intends(200);
  cat.add("map", "key-with-brackets", "A file field name with square brackets")
      .multipart(with_map(R"({"file[0]": ["variables.file"]})", true, "file[0]"))
      .rule("File field names are arbitrary", kSpec)
      .intends(200);
  // Found by upspec fuzz against dgs: Tomcat trims the value of a part's name parameter, quoted
  // or not, so a field named with surrounding whitespace became another field and its file was
  // lost; "name=\" operations\"" would be read as operations there and as another field by a
  // proxy that parses the header as written.
  cat.add("map", "key-with-surrounding-spaces",
          "A file field name that begins and ends with a space")
      .multipart(with_map(R"({" 0 ": ["variables.file"]})", true, " 0 "))
      .origin("regression")
      .rule(
          "File field names are arbitrary: a quoted name is taken as written, whitespace "
          "included",
          "GraphQL multipart request spec; RFC 7578 §4.2; RFC 9110 §5.6.4")
      .intends(200);
  // Found by upspec fuzz against gqlgen: the map was decoded with a reader that stops after the
  // first JSON value, so a map followed by more text was taken. The first value here names the
  // file that is sent, so only the text after it can refuse the request.
  for (const auto& [name, tail] : std::vector<std::pair<std::string, std::string>>{
           {"trailing-brace", "}"}, {"trailing-text", " trailing"}})
    add("invalid-json-" + name, "A valid map followed by more text: " + name,
        R"({"0": ["variables.file"]})" + tail)
        .origin("regression")
        .rule("map is one JSON text: a value followed by anything but whitespace is not JSON",
              "RFC 8259 §2; GraphQL multipart request spec")
        .intends(400, "map.invalid_json");
  // Found by upspec fuzz against gqlgen: Go's decoder takes a JSON null as an empty map, so a
  // map that is null was accepted whenever no file came with it.
  cat.add("map", "invalid-type-null-without-files", "A map that is null, and no file")
      .multipart(
          encoder::encode_form({{"operations", {}, {}, {}, R"({"query":"{ ping }"})", {}, false},
                                {"map", {}, {}, {}, "null", {}, false}}))
      .origin("regression")
      .rule(map_rule, kSpec)
      .intends(400, "map.invalid_type");
  add("duplicate-keys", "A map naming the same key twice: the last wins",
      R"({"0": ["nope"], "0": ["variables.file"]})")
      .level(level::may)
      .rule(map_rule, "RFC 8259 §4 (names SHOULD be unique)");
  add("unknown-key", "A map entry whose file never comes",
      R"({"0": ["variables.file"], "1": ["variables.other"]})")
      .rule("A mapped file that never arrives fails only where it is used",
            "graphql-upload: File missing in the request")
      .accepts({400}, verdict::non_strict, kWholeBodyFirst);
  add("whitespace", "A map with whitespace and newlines",
      "\r\n{ \"0\" :\r\n [ \"variables.file\" ] }\r\n")
      .rule(map_rule, "RFC 8259 §2")
      .intends(200);
  cat.add("map", "many-entries", "A map of 100 files, all sent")
      .multipart([] {
        std::vector<upload_file> files;
        for (int i = 0; i < 100; ++i)
          files.push_back(text_file(std::to_string(i), {"variables.files." + std::to_string(i)},
                                    "file " + std::to_string(i)));
        return encoder::encode_request(multiple_operations(100), files);
      }())
      .rule(map_rule, kSpec)
      .intends(200);
}

}  // namespace upspec::corpus
