// The Upload scalar: a value only from a variable that the map filled with a file.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

encoder::encoded_request operations_only(const json& ops) {
  return encoder::encode_request(ops, {});
}

}  // namespace

void add_upload_scalar_cases(catalog& cat) {
  const char* cite = "GraphQL multipart request spec, Upload scalar; graphql-upload GraphQLUpload";
  const auto add = [&](const std::string& name, const std::string& title,
                       const encoder::encoded_request& r) {
    return cat.add("upload-scalar", name, title).multipart(r);
  };
  // Found by upspec fuzz against gqlgen: gqlparser wraps a single value given for a list in a
  // typed slice, which gqlgen's list coercion does not unwrap, so the file itself was refused
  // as "[]graphql.Upload is not an Upload".
  add("single-file-for-list", "One file mapped to a whole [Upload!]! variable",
      encoder::encode_request(
          json{{"query", multiple_query()}, {"variables", {{"files", nullptr}}}},
          {text_file("0", {"variables.files"}, "one\n")}))
      .origin("regression")
      .rule("A value that is not a list, given for a list type, is coerced into a list of one",
            "GraphQL spec §3.1.7 (List, input coercion); GraphQL multipart request spec")
      .intends(200);
  const char* literal =
      "An Upload literal in the document is an error (Upload literal unsupported.)";
  add("literal-string", "A string literal for an Upload argument",
      operations_only(
          {{"query", std::string("mutation { single(file: \"a.txt\") ") + kFileFields + " }"}}))
      .rule(literal, cite);
  add("literal-in-list", "A string literal inside a list of Upload",
      operations_only(
          {{"query", std::string("mutation { multiple(files: [\"a\"]) ") + kFileFields + " }"}}))
      .rule(literal, cite);
  add("literal-in-input", "A string literal for an Upload input field",
      operations_only(
          {{"query", std::string("mutation { tree(input: {file: \"a\"}) ") + kFileFields + " }"}}))
      .rule(literal, cite);
  add("literal-object", "An object literal for an Upload argument",
      operations_only(
          {{"query", std::string("mutation { single(file: {name: \"a\"}) ") + kFileFields + " }"}}))
      .rule(literal, cite);
  const char* invalid = "A variable that is not a mapped file is invalid (Upload value invalid.)";
  for (const auto& [name, value] : std::vector<std::pair<std::string, json>>{
           {"string-variable", "a.txt"},
           {"number-variable", 42},
           {"object-variable", json{{"filename", "a.txt"}}},
           {"lookalike-placeholder", json{{"$upload", "0"}}},
           {"list-variable", json::array({"a"})},
       }) {
    json ops{{"query", single_query()}, {"variables", {{"file", value}}}};
    add(name, "An Upload variable given a " + name.substr(0, name.find('-')) + " value",
        operations_only(ops))
        .rule(invalid, cite);
  }
  {
    // Found by upspec fuzz against ariadne-django: at a non-null field the resolver's own error
    // makes data null, which hides that the scalar accepted the value; a nullable field shows it.
    json ops{{"query", optional_query()}, {"variables", {{"file", "a.txt"}}}};
    add("string-variable-optional",
        "An optional Upload variable of a nullable field given a string", operations_only(ops))
        .origin("regression")
        .rule(invalid, cite)
        .intends(200);
  }
  {
    json ops{{"query", single_query()}, {"variables", {{"file", {{"$upload", "0"}}}}}};
    auto parts = encoder::request_parts(ops, {text_file("0", {}, "x")});
    add("lookalike-with-file", "A look-alike placeholder next to a file the map places nowhere",
        encoder::encode_form(parts))
        .rule(invalid, cite);
  }
  add("null-for-required", "null for a required Upload", operations_only(single_operations()))
      .rule("A non-null Upload argument needs a file",
            "GraphQL spec §5.8.5 (variables of non-null type)");
  add("null-for-optional", "null for an optional Upload",
      operations_only({{"query", optional_query()}, {"variables", {{"file", nullptr}}}}))
      .rule("A nullable Upload may be null", "GraphQL spec §5.8.5");
  add("optional-with-file", "A file for an optional Upload",
      encoder::encode_request({{"query", optional_query()}, {"variables", {{"file", nullptr}}}},
                              {text_file("0", {"variables.file"}, "opt\n")}))
      .rule("A nullable Upload takes a file", cite)
      .intends(200);
  add("serialization", "A field that returns an Upload",
      encoder::encode_request({{"query", "mutation ($file: Upload) { echoUpload(file: $file) }"},
                               {"variables", {{"file", nullptr}}}},
                              {text_file("0", {"variables.file"}, "echo\n")}))
      .needs("echoUpload")
      .rule("Upload is write-only (Upload serialization unsupported.)", cite);
  add("default-value", "An Upload variable with a default value in the document",
      operations_only(
          {{"query", std::string("mutation ($file: Upload = \"x\") { optional(file: $file) ") +
                         kFileFields + " }"}}))
      .level(level::should)
      .rule(literal, cite);
}

}  // namespace upspec::corpus
