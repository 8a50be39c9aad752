// The specification's three examples, byte for byte as its curl requests send them, with the
// queries pointed at the conformance schema's fields.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {
namespace {

std::string part(const std::string& boundary, const std::string& headers,
                 const std::string& content) {
  return "--" + boundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
}

std::string field(const std::string& b, const std::string& name, const std::string& value) {
  return part(b, "Content-Disposition: form-data; name=\"" + name + "\"", value);
}

std::string file(const std::string& b, const std::string& name, const std::string& filename,
                 const std::string& content) {
  return part(b,
              "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename +
                  "\"\r\nContent-Type: text/plain",
              content);
}

const std::string kSingle =
    R"({ "query": "mutation ($file: Upload!) { single(file: $file) { filename mimetype size sha256 } }", "variables": { "file": null } })";
const std::string kMultiple =
    R"({ "query": "mutation($files: [Upload!]!) { multiple(files: $files) { filename mimetype size sha256 } }", "variables": { "files": [null, null] } })";

}  // namespace

void add_spec_example_cases(catalog& cat) {
  const std::string a = "Alpha file content.\n", b = "Bravo file content.\n",
                    c = "Charlie file content.\n";
  {
    const std::string bd = "------------------------cec8e8123c05ba25";
    cat.add("spec-examples", "single-file", "The specification's single file example")
        .rule("A file mapped to variables.file replaces its null placeholder",
              "GraphQL multipart request spec, Single file")
        .content_type("multipart/form-data; boundary=" + bd)
        .body(field(bd, "operations", kSingle) +
              field(bd, "map", R"({ "0": ["variables.file"] })") + file(bd, "0", "a.txt", a) +
              "--" + bd + "--\r\n")
        .intends(200);
  }
  {
    const std::string bd = "------------------------ec62457de6331cad";
    cat.add("spec-examples", "file-list", "The specification's file list example")
        .rule("Files mapped to list indices fill the list",
              "GraphQL multipart request spec, File list")
        .content_type("multipart/form-data; boundary=" + bd)
        .body(field(bd, "operations", kMultiple) +
              field(bd, "map", R"({ "0": ["variables.files.0"], "1": ["variables.files.1"] })") +
              file(bd, "0", "b.txt", b) + file(bd, "1", "c.txt", c) + "--" + bd + "--\r\n")
        .intends(200);
  }
  {
    const std::string bd = "------------------------627436eaefdbc285";
    cat.add("spec-examples", "batching", "The specification's batching example")
        .needs("batching")
        .rule("An operations array is a batch; paths start with the operation's index",
              "GraphQL multipart request spec, Batching")
        .content_type("multipart/form-data; boundary=" + bd)
        .body(
            field(bd, "operations", "[" + kSingle + ", " + kMultiple + "]") +
            field(
                bd, "map",
                R"({ "0": ["0.variables.file"], "1": ["1.variables.files.0"], "2": ["1.variables.files.1"] })") +
            file(bd, "0", "a.txt", a) + file(bd, "1", "b.txt", b) + file(bd, "2", "c.txt", c) +
            "--" + bd + "--\r\n")
        .intends(200);
  }
}

}  // namespace upspec::corpus
