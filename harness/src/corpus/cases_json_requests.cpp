// Plain GraphQL over HTTP requests still work next to multipart ones.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

void add_json_request_cases(catalog& cat) {
  const char* cite = "GraphQL over HTTP";
  const auto post = [&](const std::string& name, const std::string& title, const json& body) {
    return cat.add("json-requests", name, title)
        .content_type("application/json")
        .body(request::dump_json(body))
        .rule("A server with uploads still answers application/json requests", cite);
  };
  post("query", "A query", {{"query", "{ ping }"}}).intends(200);
  post("typename", "__typename", {{"query", "{ __typename }"}}).intends(200);
  post("mutation", "A mutation with a variable",
       {{"query", "mutation ($v: String) { echo(value: $v) }"}, {"variables", {{"v", "hello"}}}})
      .intends(200);
  post("operation-name", "operationName selects the operation",
       {{"query", "query A { ping } mutation B { echo(value: \"b\") }"}, {"operationName", "B"}})
      .intends(200);
  post("upload-as-string", "An Upload variable given a string in a JSON request",
       {{"query", single_query()}, {"variables", {{"file", "a.txt"}}}})
      .rule("Upload values only come from multipart requests (Upload value invalid.)",
            "GraphQL multipart request spec, Upload scalar");
  // async-graphql marks uploads in variables with such strings and trusts any it finds.
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"upload-as-placeholder-string", "#__graphql_file__:0"},
           {"upload-as-bad-placeholder-string", "#__graphql_file__:x"}})
    post(name, "An Upload variable given an implementation's internal placeholder string",
         {{"query", single_query()}, {"variables", {{"file", value}}}})
        .rule("Upload values only come from multipart requests (Upload value invalid.)",
              "GraphQL multipart request spec, Upload scalar");
  post("syntax-error", "A query that does not parse", {{"query", "{ ping "}})
      .rule("A document that does not parse is a request error",
            "GraphQL spec §2; GraphQL over HTTP");
  cat.add("json-requests", "charset", "application/json; charset=utf-8")
      .content_type("application/json; charset=utf-8")
      .body(R"({"query":"{ ping }"})")
      .rule("Media type parameters are accepted", cite)
      .intends(200);
  cat.add("json-requests", "invalid-json", "A JSON body that does not parse")
      .content_type("application/json")
      .body("{\"query\": ")
      .rule("A body that is not JSON is refused", cite)
      .intends(400);
  cat.add("json-requests", "get-query", "A query over GET")
      .method("GET", "?query=%7B%20ping%20%7D")
      .rule("Queries may use GET", "GraphQL over HTTP, GET")
      .level(level::may)
      .intends(200);
  cat.add("json-requests", "get-variables", "A query over GET with variables and operationName")
      .method("GET",
              "?query=query%20Q(%24v%3A%20Boolean)%20%7B%20ping%20%40include(if%3A%20%24v)%20%7D&"
              "variables=%7B%22v%22%3Atrue%7D&operationName=Q")
      .rule("Queries may use GET", "GraphQL over HTTP, GET")
      .level(level::may)
      .intends(200);
}

}  // namespace upspec::corpus
