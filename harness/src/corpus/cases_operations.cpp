// The operations field: JSON holding an object or an array (a batch).

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

encoder::encoded_request with_operations(const std::string& operations_text,
                                         const std::string& map = "{}") {
  return encoder::encode_form({{"operations", {}, {}, {}, operations_text, {}, false},
                               {"map", {}, {}, {}, map, {}, false}});
}

}  // namespace

void add_operations_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title, const std::string& ops) {
    return cat.add("operations", name, title).multipart(with_operations(ops));
  };
  const char* json_rule = "operations is a JSON-encoded GraphQL request object or batch";
  const std::vector<std::pair<std::string, std::string>> invalid{
      {"invalid-json-truncated", "{\"query\": \"{ ping }\""},
      {"invalid-json-empty", ""},
      {"invalid-json-word", "operations"},
      {"invalid-json-single-quotes", "{'query': '{ ping }'}"},
      {"invalid-json-trailing-comma", "{\"query\": \"{ ping }\",}"},
      {"invalid-json-two-values", "{} {}"},
      {"invalid-json-nan", "{\"query\": NaN}"},
      {"invalid-json-comment", "/* c */ {\"query\": \"{ ping }\"}"},
      {"invalid-json-unquoted-key", "{query: \"{ ping }\"}"},
      {"invalid-json-control-char", "{\"query\": \"{ ping \x01}\"}"},
  };
  for (const auto& [name, text] : invalid)
    add(name, "operations that is not JSON: " + name.substr(13), text)
        .rule(json_rule, kSpec)
        .intends(400, "operations.invalid_json");
  // Found by upspec fuzz against gqlgen: a decoder that reads one JSON value and stops there
  // takes a valid operation followed by more text, and runs it. The first value here is a
  // complete request that runs fine on its own, so only the text after it can refuse it.
  for (const auto& [name, tail] : std::vector<std::pair<std::string, std::string>>{
           {"trailing-brace", "}"}, {"trailing-text", " trailing"}})
    add("invalid-json-" + name, "A valid operation followed by more text: " + name,
        std::string(R"({"query":"{ ping }"})") + tail)
        .origin("regression")
        .rule(
            "operations is one JSON text: a value followed by anything but whitespace is not "
            "JSON, and nothing of it runs",
            "RFC 8259 §2; GraphQL multipart request spec")
        .intends(400, "operations.invalid_json");
  // Found by upspec fuzz against async-graphql-axum: the operations part's own Content-Type
  // chose the parser, and a multipart/* type there hit an assertion: the request panicked and
  // the connection closed without an answer.
  for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
           {"part-type-multipart-form-data", "multipart/form-data"},
           {"part-type-multipart-mixed", "multipart/mixed; boundary=inner"}})
    cat.add("operations", name, "The operations part typed " + type)
        .multipart(encoder::encode_form(
            {{"operations", {}, {}, type, R"({"query":"{ ping }"})", {}, false},
             {"map", {}, {}, {}, "{}", {}, false}}))
        .origin("regression")
        .rule(
            "The type a part declares does not make it something else: operations is read as "
            "JSON, or the request is refused, but it is always answered",
            "GraphQL multipart request spec; RFC 7578 §4.4")
        .intends(200)
        .accepts({400, 415}, verdict::non_strict,
                 "a server may refuse an operations part whose declared type is not JSON");
  // Found by upspec fuzz against async-graphql-axum: serde reads a JSON array as a struct, field
  // by field, so a batch whose member is a string ran that string as a single query and
  // answered an object, not a batch.
  cat.add("operations", "batch-of-strings", "A batch whose operation is a query string")
      .needs("batching")
      .multipart(with_operations(R"(["{ ping }"])"))
      .origin("regression")
      .rule(
          "Each operation of a batch is a request object: a string is not one, and the "
          "answer to a batch is a batch",
          "GraphQL multipart request spec, Batching; GraphQL over HTTP, request parameters")
      .accepts({400}, verdict::pass, "refusing the whole batch is as right");
  // Found by fuzzing the reference: a number no double holds once escaped the processor.
  add("number-out-of-range", "operations holding a number beyond any double (1e999)",
      R"({"query": "{ ping }", "variables": {"n": 1e999}})")
      .origin("regression")
      .level(level::may)
      .rule("A parser may limit the range of numbers it accepts; the request must not crash",
            "RFC 8259 §6")
      .accepts({200}, verdict::info, "the number read as infinity or a big number")
      .intends(400, "operations.invalid_json");

  const std::vector<std::pair<std::string, std::string>> wrong_type{
      {"number", "1"}, {"string", "\"{ ping }\""}, {"boolean", "true"}, {"null", "null"}};
  for (const auto& [name, text] : wrong_type)
    add("invalid-type-" + name, "operations that is JSON but a " + name, text)
        .rule("operations is an object or an array", kSpec)
        .intends(400, "operations.invalid_type");

  add("query-only", "A query without variables and an empty map", R"({"query":"{ ping }"})")
      .rule(json_rule, kSpec)
      .intends(200);
  add("with-operation-name", "operationName selects one of two operations",
      R"({"query":"query A { ping } query B { __typename }","operationName":"B"})")
      .rule(json_rule, "GraphQL over HTTP, operationName")
      .intends(200);
  {
    // Found by upspec fuzz against strawberry-django: without an operationName, Strawberry names
    // the document's first operation itself, so a document of several operations runs the
    // first instead of failing. The upload mutation comes first: a server that picks one runs it.
    json ops{{"query", "mutation Upload($file: Upload) { optional(file: $file) " +
                           std::string(kFileFields) + " } query Ping { ping }"},
             {"variables", {{"file", nullptr}}}};
    cat.add("operations", "several-operations-no-name",
            "Two operations, the first an upload mutation, and no operationName")
        .multipart(encoder::encode_request(ops, {text_file("0", {"variables.file"}, "first\n")}))
        .origin("regression")
        .rule(
            "A document with several operations needs an operationName: without one the request "
            "fails and nothing runs, neither the first operation nor any other",
            "GraphQL spec §6.1 (GetOperation); GraphQL over HTTP, operationName");
  }
  add("with-extensions", "An extensions member is accepted",
      R"({"query":"{ ping }","extensions":{"x":1}})")
      .rule(json_rule, kSpec)
      .intends(200);
  add("unicode-escapes", "Unicode escapes in the query string", R"({"query":"{ p\u0069ng }"})")
      .rule(json_rule, "RFC 8259 §7")
      .intends(200);
  // A server that decodes multipart field values as Latin-1 (form-data parts carry no charset)
  // corrupts every non-ASCII character of the operations.
  add("non-ascii-text", "A variable of non-ASCII text (accents, the euro sign, an emoji) echoed",
      R"({"query":"mutation ($v: String) { echo(value: $v) }","variables":{"v":"résumé € 😀"}})")
      .rule("JSON text exchanged between systems is UTF-8", "RFC 8259 §8.1")
      .intends(200);
  add("whitespace-around", "Whitespace around the JSON", " \r\n\t{\"query\":\"{ ping }\"} \r\n")
      .rule(json_rule, "RFC 8259 §2")
      .intends(200);
  add("duplicate-keys", "A repeated key: the last wins, as in JavaScript",
      R"({"query":"{ nope }","query":"{ ping }"})")
      .level(level::may)
      .rule(json_rule, "RFC 8259 §4 (names SHOULD be unique)")
      .intends(200);
  add("byte-order-mark", "A UTF-8 byte order mark before the JSON",
      "\xEF\xBB\xBF{\"query\":\"{ ping }\"}")
      .level(level::may)
      .rule(json_rule, "RFC 8259 §8.1 (parsers MAY ignore a BOM)");
  add("deep-nesting", "JSON nested 600 levels deep in an extension",
      "{\"query\":\"{ ping }\",\"extensions\":" + std::string(600, '[') + std::string(600, ']') +
          "}")
      .level(level::may)
      .rule("The reference refuses JSON nested deeper than 512 levels",
            "upspec reference limit (docs/reference.md)");
  add("invalid-utf8", "A query string with a byte that is not UTF-8",
      "{\"query\":\"{ ping }\xff\"}")
      .level(level::may)
      .rule("JSON text is UTF-8", "RFC 8259 §8.1")
      .intends(400, "operations.invalid_json");
  add("missing-query", "An object without a query", R"({"variables":{}})")
      .rule("A GraphQL request has a query", "GraphQL over HTTP, request parameters")
      .accepts({400}, verdict::pass,
               "GraphQL over HTTP: a request that is not well-formed SHOULD get 400");
  add("query-not-string", "A query that is a number", R"({"query":1})")
      .rule("A GraphQL request's query is a string", "GraphQL over HTTP, request parameters")
      .accepts({400}, verdict::pass,
               "GraphQL over HTTP: a request that is not well-formed SHOULD get 400");
  add("variables-not-object", "variables that is a string",
      R"({"query":"{ ping }","variables":"x"})")
      .rule("variables is an object", "GraphQL over HTTP, request parameters")
      .accepts({400}, verdict::pass,
               "GraphQL over HTTP: a request that is not well-formed SHOULD get 400");
  add("empty-batch", "An empty batch", "[]")
      .level(level::may)
      .rule("operations may be an array (batching)", kSpec);
  add("syntax-error", "A query that does not parse", R"({"query":"{ ping "})")
      .rule("A document that does not parse is a request error", "GraphQL spec §2, §6.1");
}

}  // namespace upspec::corpus
