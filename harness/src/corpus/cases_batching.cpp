// An operations array is a batch: one result per operation, in order.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

void add_batching_cases(catalog& cat) {
  const char* rule =
      "An array of operations is executed as a batch; map paths start with the operation's index";
  const auto add = [&](const std::string& name, const std::string& title,
                       const encoder::encoded_request& r) {
    return cat.add("batching", name, title)
        .needs("batching")
        .multipart(r)
        .rule(rule, "GraphQL multipart request spec, Batching");
  };
  add("two-singles", "Two single-file operations, each with its own file",
      encoder::encode_request(json::array({single_operations(), single_operations()}),
                              {text_file("0", {"0.variables.file"}, "first\n"),
                               text_file("1", {"1.variables.file"}, "second\n")}))
      .intends(200);
  add("one-operation", "A batch of one",
      encoder::encode_request(json::array({single_operations()}),
                              {text_file("0", {"0.variables.file"}, "only\n")}))
      .intends(200);
  add("without-files", "A batch of two queries and an empty map",
      encoder::encode_request(
          json::array({json{{"query", "{ ping }"}}, json{{"query", "{ __typename }"}}}), {}))
      .intends(200);
  add("mixed", "A query, a single and a multiple in one batch",
      encoder::encode_request(
          json::array({json{{"query", "{ ping }"}}, single_operations(), multiple_operations(2)}),
          {text_file("a", {"1.variables.file"}, "a\n"),
           text_file("b", {"2.variables.files.0"}, "b\n"),
           text_file("c", {"2.variables.files.1"}, "c\n")}))
      .intends(200);
  {
    json batch = json::array();
    std::vector<upload_file> files;
    for (int i = 0; i < 10; ++i) {
      batch.push_back(single_operations());
      files.push_back(text_file(std::to_string(i), {std::to_string(i) + ".variables.file"},
                                "file " + std::to_string(i) + "\n"));
    }
    add("ten", "A batch of ten single-file operations", encoder::encode_request(batch, files))
        .intends(200);
  }
  add("one-fails", "A batch whose second operation has an invalid variable",
      encoder::encode_request(
          json::array({single_operations(),
                       json{{"query", single_query()}, {"variables", {{"file", "x"}}}}}),
          {text_file("0", {"0.variables.file"}, "ok\n")}))
      .rule("Each operation of a batch succeeds or fails on its own",
            "GraphQL multipart request spec, Batching")
      .intends(200);
  add("operation-names", "Each operation of a batch selects its own operationName",
      encoder::encode_request(
          json::array(
              {json{{"query", "query A { ping } query B { __typename }"}, {"operationName", "A"}},
               json{{"query", "query A { ping } query B { __typename }"}, {"operationName", "B"}}}),
          {}))
      .intends(200);
  // Found by upspec fuzz against graphql-java-servlet: an operationName the document does not
  // define makes graphql-java throw, and the servlet then writes one error object for the whole
  // invocation: the client gets no batch, and not the results of the operations that ran.
  add("unknown-operation-name", "A batch whose second operation names an operation it lacks",
      encoder::encode_request(
          json::array({json{{"query", "{ ping }"}},
                       json{{"query", "query A { ping }"}, {"operationName", "B"}}}),
          {}))
      .origin("regression")
      .rule(
          "Each operation of a batch succeeds or fails on its own, and the answer to a batch "
          "is an array of one result per operation",
          "GraphQL multipart request spec, Batching; GraphQL over HTTP, operationName")
      .intends(200);
  add("file-of-missing-operation", "A path into an operation the batch does not have",
      encoder::encode_request(json::array({single_operations()}),
                              {text_file("0", {"0.variables.file", "3.variables.file"}, "x")}))
      .level(level::may)
      .rule("A path past the end of the batch pads it", "graphql-upload (object-path set)");
}

}  // namespace upspec::corpus
