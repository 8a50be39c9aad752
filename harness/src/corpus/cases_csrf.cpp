// CSRF: a multipart/form-data POST is a CORS "simple request" that a browser sends cross-site
// without a preflight. Servers are advised to require a header that forces one; the cases
// record what each server does (INFO): they are not judged.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

void add_csrf_cases(catalog& cat) {
  const char* rule =
      "Recorded, not judged: whether the server executes a multipart request a browser could send "
      "cross-site without a preflight";
  const char* cite =
      "Fetch standard, CORS-safelisted request headers; Apollo Server CSRF prevention; "
      "graphql-upload docs";
  const auto add = [&](const std::string& name, const std::string& title) {
    return cat.add("csrf", name, title)
        .multipart(single_request())
        .level(level::may)
        .rule(rule, cite);
  };
  add("simple-request", "A multipart POST with only simple headers");
  add("with-origin", "A simple multipart POST from another origin")
      .header("Origin", "https://attacker.example");
  add("apollo-require-preflight", "A multipart POST with Apollo-Require-Preflight")
      .header("Apollo-Require-Preflight", "true");
  add("x-apollo-operation-name", "A multipart POST with X-Apollo-Operation-Name")
      .header("X-Apollo-Operation-Name", "upload");
  add("graphql-preflight", "A multipart POST with GraphQL-Preflight: 1")
      .header("GraphQL-Preflight", "1");
  cat.add("csrf", "get-mutation", "A mutation over GET")
      .method("GET", "?query=mutation%20%7B%20echo(value%3A%20%22x%22)%20%7D")
      .rule("Mutations are refused over GET", "GraphQL over HTTP, GET")
      .intends(405)
      .accepts({400}, verdict::non_strict, "400 is also used to refuse a mutation over GET");
}

}  // namespace upspec::corpus
