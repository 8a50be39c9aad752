// Object paths of the map: how they are walked, what they may create, and which are refused
// (paths into built-in prototypes can poison a JavaScript server for every later request).

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

encoder::encoded_request tree_with(const json& input, const std::vector<std::string>& paths) {
  json ops{{"query", tree_query()}, {"variables", {{"input", input}}}};
  return encoder::encode_request(ops, {text_file("0", paths, "tree file\n")});
}

encoder::encoded_request single_with(const std::vector<std::string>& paths) {
  return encoder::encode_request(single_operations(),
                                 {text_file("0", paths, "Alpha file content.\n")});
}

}  // namespace

void add_object_path_cases(catalog& cat) {
  const char* walk = "Object paths are dot-separated; numeric segments index arrays";
  const auto add = [&](const std::string& name, const std::string& title,
                       const encoder::encoded_request& r) {
    return cat.add("object-paths", name, title).multipart(r);
  };
  add("input-object-field", "A path into an input object",
      tree_with(json{{"file", nullptr}}, {"variables.input.file"}))
      .rule(walk, kSpecPaths)
      .intends(200);
  add("list-in-input", "A path into a list inside an input object",
      tree_with(json{{"files", {nullptr, nullptr}}}, {"variables.input.files.1"}))
      .rule(walk, kSpecPaths)
      .intends(200);
  add("nested-child", "A path three input objects deep",
      tree_with(json::parse(R"({"child":{"child":{"child":{"file":null}}}})"),
                {"variables.input.child.child.child.file"}))
      .rule(walk, kSpecPaths)
      .intends(200);
  {
    json deep = json::object();
    std::string path = "variables.input";
    json* at = &deep;
    for (int i = 0; i < 40; ++i) {
      (*at)["child"] = json::object();
      at = &(*at)["child"];
      path += ".child";
    }
    (*at)["file"] = nullptr;
    add("nested-40", "A path forty input objects deep", tree_with(deep, {path + ".file"}))
        .rule(walk, kSpecPaths)
        .intends(200);
  }
  add("creates-missing-key", "A path to a key the variables lack creates it (graphql-upload)",
      tree_with(json::object(), {"variables.input.file"}))
      .level(level::should)
      .rule("A missing key on the path is created", "graphql-upload (object-path set)")
      .intends(200);
  add("creates-missing-list", "A path to a list the variables lack creates an array",
      tree_with(json::object(), {"variables.input.files.0"}))
      .level(level::should)
      .rule("A missing key before an index becomes an array", "graphql-upload (object-path set)")
      .intends(200);
  add("pads-list", "An index past the end of a list pads it with nulls",
      tree_with(json{{"files", json::array()}}, {"variables.input.files.2"}))
      .level(level::may)
      .rule("An index past the end extends the array", "graphql-upload (object-path set)");
  add("replaces-non-null", "A path to a value that is not null replaces it",
      tree_with(json{{"file", "placeholder"}}, {"variables.input.file"}))
      .level(level::should)
      .rule("The path's last segment is set whatever it held", kSpecPaths)
      .intends(200);

  {
    // Found by fuzzing the reference: each new key copies an ordered object's members, so a
    // setter that remembered objects by address lost them (fuzz/regressions/object_path/).
    // Every path is new and has a file of its own; the walks keep coming back to objects that
    // grew since.
    std::vector<upload_file> files;
    for (const char* path :
         {"child.child.file", "file", "child.file", "files.0", "child.files.0",
          "child.child.child.files.0", "files.1", "child.files.1", "child.child.child.files.1",
          "child.child.child.file", "child.child.files.0", "files.2"}) {
      const std::string name = std::to_string(files.size());
      files.push_back(
          text_file(name, {std::string("variables.input.") + path}, "tree file " + name + "\n"));
    }
    json ops{{"query", tree_query()}, {"variables", {{"input", json::object()}}}};
    add("grow-objects-while-walking", "Twelve paths that add keys to objects walked before",
        encoder::encode_request(ops, files))
        .origin("regression")
        .level(level::should)
        .rule("A missing key on the path is created", "graphql-upload (object-path set)")
        .intends(200);
  }

  const char* invalid = "A path that cannot be followed rejects the request";
  for (const auto& [name, path] : std::vector<std::pair<std::string, std::string>>{
           {"through-string", "query.x"},
           {"through-null", "variables.file.x"},
           {"through-null-index", "variables.file.0"},
           {"into-string-index", "query.0"},
           {"trailing-dot", "variables.file."},
       })
    add(name, "A path through a non-container: " + path, single_with({path}))
        .rule(invalid, kSpecPaths)
        .intends(400, "map.path_invalid");
  {
    json ops{{"query", tree_query()},
             {"variables", {{"input", {{"file", nullptr}}}, {"n", 1}, {"b", true}}}};
    for (const auto& [name, path] : std::vector<std::pair<std::string, std::string>>{
             {"through-number", "variables.n.x"}, {"through-boolean", "variables.b.x"}})
      add(name, "A path that walks through a " + name.substr(8),
          encoder::encode_request(ops, {text_file("0", {path}, "x")}))
          .rule(invalid, kSpecPaths)
          .intends(400, "map.path_invalid");
  }
  {
    // Found by upspec fuzz against graphql-upload: the reference used to add the member to its
    // placeholder for the first file (graphql-upload sets it on its Upload object): the second
    // file arrived and was used nowhere.
    json ops{{"query", tree_query()}, {"variables", {{"input", {{"files", nullptr}}}}}};
    add("into-an-earlier-file", "A path that walks into the file an earlier path put there",
        encoder::encode_request(ops, {text_file("0", {"variables.input.files"}, "list\n"),
                                      text_file("1", {"variables.input.files.2"}, "item\n")}))
        .origin("regression")
        .rule(
            "A value an earlier path of the map set is a file, not an object or array to walk "
            "into: a path through it cannot be followed (following it into the server's upload "
            "object loses the later file without a word)",
            "GraphQL multipart request spec: object paths; docs/reference.md")
        .intends(400, "map.path_invalid");
  }
  {
    // Found by upspec fuzz against apollo-server: graphql-upload places an Upload object at
    // "variables", and the second path sets that object's own `file` member, where it keeps the
    // file it receives. Neither file arrives; when the response closes, graphql-upload cleans up
    // the "received" file of the first upload and the process dies.
    auto parts = encoder::request_parts(
        single_operations(),
        {text_file("0", {"variables"}, "zero\n"), text_file("1", {"variables.file"}, "one\n")});
    parts.erase(parts.begin() + 2, parts.end());
    add("into-an-earlier-file-never-sent",
        "A path that sets a member of the file an earlier path put there; no file arrives",
        encoder::encode_form(parts))
        .origin("regression")
        .rule(
            "A value an earlier path of the map set is a file, not an object to walk into, "
            "whatever member the later path names (a server's upload object keeps its own state "
            "in members such as file, promise, resolve and reject)",
            "GraphQL multipart request spec: object paths; docs/reference.md")
        .intends(400, "map.path_invalid");
  }
  const char* guard =
      "Paths into prototypes are refused, and must not change how later requests are handled";
  for (const auto& [name, path] : std::vector<std::pair<std::string, std::string>>{
           {"proto-root", "__proto__"},
           {"proto-root-key", "__proto__.polluted"},
           {"proto-variables", "variables.__proto__"},
           {"proto-variables-key", "variables.__proto__.file"},
           {"proto-deep", "variables.file.__proto__.polluted"},
           {"constructor-prototype", "constructor.prototype.polluted"},
           {"constructor-root", "constructor"},
           {"constructor-variables", "variables.constructor"},
           {"prototype-root", "prototype"},
           {"prototype-variables", "variables.prototype.x"},
           {"proto-in-batch", "0.__proto__.polluted"},
       })
    add(name, "A prototype-pollution path: " + path, single_with({path}))
        .rule(guard, "upspec prototype guard (design.md, map.path_invalid); CWE-1321")
        .intends(400, "map.path_invalid")
        .accepts({200}, verdict::non_strict,
                 "Accepting the request is tolerated when the server stays unharmed (the canary "
                 "checks)");
  add("proto-after-valid-path", "A valid path followed by a prototype path for the same file",
      single_with({"variables.file", "__proto__.polluted"}))
      .rule(guard, "upspec prototype guard (design.md, map.path_invalid); CWE-1321")
      .intends(400, "map.path_invalid")
      .accepts(
          {200}, verdict::non_strict,
          "Accepting the request is tolerated when the server stays unharmed (the canary checks)");
  const char* refused = "Paths that lead nowhere useful are refused by the reference";
  add("empty-path", "An empty path", single_with({""}))
      .level(level::may)
      .rule(refused, "upspec reference (graphql-upload ignores it)")
      .intends(400, "map.path_invalid");
  {
    json ops = multiple_operations(1);
    for (const auto& [name, path] : std::vector<std::pair<std::string, std::string>>{
             {"leading-zero-index", "variables.files.00"},
             {"negative-index", "variables.files.-1"},
             {"named-key-in-list", "variables.files.first"}})
      add(name, "A segment into a list that is not an index: " + path,
          encoder::encode_request(ops, {text_file("0", {path}, "x")}))
          .level(level::may)
          .rule(refused, "upspec reference (graphql-upload sets an array property that JSON drops)")
          .intends(400, "map.path_invalid");
  }
  {
    std::string long_path = "variables.input";
    for (int i = 0; i < 600; ++i) long_path += ".child";
    add("too-deep", "A path of 600 segments", tree_with(json::object(), {long_path + ".file"}))
        .level(level::may)
        .rule("The reference refuses paths of more than 512 segments",
              "upspec reference limit (docs/reference.md)");
  }
  add("far-index", "An index two million past the end of a list",
      encoder::encode_request(multiple_operations(1),
                              {text_file("0", {"variables.files.2000000"}, "x")}))
      .level(level::may)
      .rule("The reference refuses to pad a list by more than 1024 nulls",
            "upspec reference limit (docs/reference.md)");
  add("batch-index-on-object", "A batch-style path into a single operation",
      single_with({"0.variables.file"}))
      .level(level::should)
      .rule("Numeric segments into an object are keys", kSpecPaths);
  add("operation-path-into-batch", "A single-operation path into a batch",
      encoder::encode_request(json::array({single_operations()}),
                              {text_file("0", {"variables.file"}, "x")}))
      .level(level::should)
      .rule("Into an array, a segment must be an index", kSpecPaths)
      .intends(400, "map.path_invalid");
}

}  // namespace upspec::corpus
