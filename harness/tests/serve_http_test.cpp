// What the server answers outside multipart requests: JSON POST, GET, paths, methods, framing.

#include "serve/query_string.hpp"
#include "serve/reply.hpp"
#include "serve/route.hpp"
#include "serve_test_support.hpp"

namespace upspec::serve::testing {
namespace {

http_request get(std::string target) {
  http_request r;
  r.method = "GET";
  r.target = std::move(target);
  r.body_framing = framing::none;
  return r;
}

TEST(QueryString, DecodesFormEncoding) {
  EXPECT_EQ(form_decode("a+b%20c%2B%7b%7D"), "a b c+{}");
  EXPECT_EQ(form_decode("100%"), "100%");
  EXPECT_EQ(form_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(query_parameter("/graphql?query=%7B+ping+%7D&x=1", "query"), "{ ping }");
  EXPECT_EQ(query_parameter("/graphql?x=1&query", "query"), "");
  EXPECT_EQ(query_parameter("/graphql?query=a&query=b", "query"), "a");
  EXPECT_EQ(query_parameter("/graphql?q%75ery=a", "query"), "a");
  EXPECT_EQ(query_parameter("/graphql", "query"), std::nullopt);
  EXPECT_EQ(target_path("/graphql?query=x"), "/graphql");
}

TEST(Route, ByPathMethodAndMediaType) {
  EXPECT_EQ(route_for("POST", "/graphql", "multipart/form-data; boundary=x"), route::multipart);
  EXPECT_EQ(route_for("POST", "/", "text/plain"), route::multipart);
  EXPECT_EQ(route_for("POST", "/graphql", "Application/JSON; charset=utf-8"), route::json);
  EXPECT_EQ(route_for("GET", "/graphql?query=x", ""), route::get);
  EXPECT_EQ(route_for("PUT", "/graphql", ""), route::method_not_allowed);
  EXPECT_EQ(route_for("OPTIONS", "/graphql", ""), route::options);
  EXPECT_EQ(route_for("POST", "/other", "application/json"), route::not_found);
  EXPECT_EQ(route_for("GET", "/graphql/x", ""), route::not_found);
}

// A refusal's body is GraphQL over HTTP's error shape, its message escaped as any JSON string
// (control characters, quotes, and invalid UTF-8 replaced).
TEST(ErrorReply, IsTheGraphQLErrorShapeWithItsTextEscaped) {
  for (const std::string message :
       {"Malformed HTTP request: bad method.", "a \"quoted\" \\ line\nand \x01 and \xff", ""}) {
    const reply r = error_reply(400, "bad_request", message);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.code, "bad_request");
    request::json expected = request::json::object();
    expected["errors"] = request::json::array();
    expected["errors"].push_back({{"message", message}, {"extensions", {{"code", "bad_request"}}}});
    EXPECT_EQ(r.body, request::dump_json(expected)) << message;
  }
  const request::json back =
      request::json::parse(error_reply(400, "x", "a \"q\" \\ l\nb \x01 \xff").body);
  EXPECT_EQ(back["errors"][0]["message"], "a \"q\" \\ l\nb \x01 \xef\xbf\xbd");
}

class Http : public ::testing::Test {
 protected:
  served server_;
};

TEST_F(Http, JsonPost) {
  const http_response res = server_.exchange(json_request({{"query", "{ ping }"}}));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.header("Content-Type"), "application/json");
  EXPECT_EQ(body_json(res), json::parse(R"({"data":{"ping":true}})"));
}

TEST_F(Http, JsonPostRunsMutationsWithVariablesAndOperationName) {
  const http_response res = server_.exchange(
      json_request({{"query", "query A { ping } mutation B($v: String) { echo(value: $v) }"},
                    {"operationName", "B"},
                    {"variables", {{"v", "hi"}}}}));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(body_json(res), json::parse(R"({"data":{"echo":"hi"}})"));
}

TEST_F(Http, JsonPostRefusals) {
  http_request bad = json_request(nullptr);
  bad.body = "{not json";
  http_response res = server_.exchange(bad);
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(first_error_code(body_json(res)), "operations.invalid_json");

  bad.body = "\"a string\"";
  res = server_.exchange(bad);
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(first_error_code(body_json(res)), "operations.invalid_type");
}

TEST(HttpLimits, JsonBodyOverTheFieldSizeIs413) {
  server_options options = quiet_options();
  options.limits.max_field_size = 64;
  served server(options);
  http_request r =
      json_request({{"query", "{ ping }"}, {"extensions", {{"pad", std::string(40, 'x')}}}});
  ASSERT_GT(r.body.size(), 64u);
  for (const framing f : {framing::content_length, framing::chunked}) {
    r.body_framing = f;
    r.chunk_size = 10;
    const http_response res = server.exchange(r);
    EXPECT_EQ(res.status, 413);
    EXPECT_EQ(first_error_code(body_json(res)), "limit.field_size");
  }
  const http_response ok = server.exchange(json_request({{"query", "{ ping }"}}));
  EXPECT_EQ(ok.status, 200) << "a body of at most the limit passes";
}

TEST_F(Http, GetQuery) {
  const http_response res = server_.exchange(get("/graphql?query=%7B+ping+%7D"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(body_json(res), json::parse(R"({"data":{"ping":true}})"));

  const http_response at_root =
      server_.exchange(get("/?query=query+Q+%7B+__typename+%7D+query+R+%7B+ping+%7D"
                           "&operationName=Q&variables=%7B%22unused%22%3A%22x%22%7D"));
  EXPECT_EQ(at_root.status, 200);
  EXPECT_EQ(body_json(at_root), json::parse(R"({"data":{"__typename":"Query"}})"));
}

TEST_F(Http, GetMutationIs405) {
  const http_response res =
      server_.exchange(get("/graphql?query=mutation+%7B+echo%28value%3A+%22x%22%29+%7D"));
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow"), "POST");
  EXPECT_EQ(first_error_code(body_json(res)), "http.method_not_allowed");

  // The selected operation decides: the query of a document that also holds a mutation runs.
  const http_response query = server_.exchange(
      get("/graphql?query=query+A+%7B+ping+%7D+mutation+B+%7B+echo%28value%3A+%22x%22%29+%7D"
          "&operationName=A"));
  EXPECT_EQ(query.status, 200);
}

TEST_F(Http, GetRefusals) {
  http_response res = server_.exchange(get("/graphql"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(first_error_code(body_json(res)), "http.bad_request");
  res = server_.exchange(get("/graphql?query=%7Bping%7D&variables=%7Bnot"));
  EXPECT_EQ(res.status, 400);
  res = server_.exchange(get("/graphql?query=%7Bping%7D&variables=%5B%5D"));
  EXPECT_EQ(res.status, 400);
}

TEST_F(Http, OtherPathsAre404) {
  const http_response res = server_.exchange(json_request({{"query", "{ ping }"}}));
  ASSERT_EQ(res.status, 200);
  http_request elsewhere = json_request({{"query", "{ ping }"}});
  elsewhere.target = "/api";
  const http_response missing = server_.exchange(elsewhere);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(first_error_code(body_json(missing)), "http.not_found");
}

TEST_F(Http, OtherMethodsAre405AndOptionsListsTheAllowedOnes) {
  http_request put = json_request({{"query", "{ ping }"}});
  put.method = "PUT";
  const http_response res = server_.exchange(put);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow"), "GET, POST, OPTIONS");

  http_request options = get("/graphql");
  options.method = "OPTIONS";
  const http_response allowed = server_.exchange(options);
  EXPECT_EQ(allowed.status, 204);
  EXPECT_EQ(allowed.header("Allow"), "GET, POST, OPTIONS");
}

TEST_F(Http, OtherContentTypesAre415) {
  http_request r = json_request({{"query", "{ ping }"}});
  r.headers = {{"Content-Type", "application/graphql"}};
  const http_response res = server_.exchange(r);
  EXPECT_EQ(res.status, 415);
  EXPECT_EQ(first_error_code(body_json(res)), "request.content_type");
}

TEST_F(Http, MalformedHttpIs400AndCloses) {
  raw_connection c = server_.connect();
  ASSERT_FALSE(c.send("NOT HTTP AT ALL\r\n\r\n"));
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(first_error_code(body_json(res)), "http.bad_request");
  EXPECT_FALSE(res.keep_alive);
  EXPECT_TRUE(c.closed_by_peer(std::chrono::seconds(5)));
}

TEST_F(Http, OversizedHeadIs431) {
  http_request r = get("/graphql?query=%7Bping%7D");
  r.headers = {{"X-Padding", std::string(20 * 1024, 'p')}};
  raw_connection c = server_.connect();
  ASSERT_FALSE(c.send(client::request_bytes(r)));
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  EXPECT_EQ(res.status, 431);
  EXPECT_FALSE(res.keep_alive);
}

TEST_F(Http, ExpectContinueGets100BeforeTheBody) {
  http_request r = json_request({{"query", "{ ping }"}});
  r.headers.emplace_back("Expect", "100-continue");
  raw_connection c = server_.connect();
  ASSERT_FALSE(c.send(client::head_bytes(r)));
  // The server must not wait for a body the client holds back until told to send it.
  ASSERT_TRUE(c.data_arrived(std::chrono::seconds(5)));
  ASSERT_FALSE(c.send(client::body_bytes(r)));
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  EXPECT_EQ(res.interim, std::vector<int>{100});
  EXPECT_EQ(res.status, 200);
}

TEST_F(Http, ExpectContinueRefusedAtTheHeadClosesWithoutWaitingForTheBody) {
  http_request r = json_request({{"query", "{ ping }"}});
  r.target = "/nowhere";
  r.headers.emplace_back("Expect", "100-continue");
  raw_connection c = server_.connect();
  ASSERT_FALSE(c.send(client::head_bytes(r)));
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  EXPECT_TRUE(res.interim.empty());
  EXPECT_EQ(res.status, 404);
  EXPECT_FALSE(res.keep_alive);
}

TEST_F(Http, Http10ClosesUnlessAskedToKeepAlive) {
  raw_connection c = server_.connect();
  ASSERT_FALSE(c.send("GET /graphql?query=%7Bping%7D HTTP/1.0\r\n\r\n"));
  http_response res;
  ASSERT_FALSE(c.read_response(res));
  EXPECT_EQ(res.status, 200);
  EXPECT_FALSE(res.keep_alive);
  EXPECT_TRUE(c.closed_by_peer(std::chrono::seconds(5)));
}

TEST_F(Http, PipelinedRequestsAreAnsweredInOrder) {
  raw_connection c = server_.connect();
  const std::string first = client::request_bytes(get("/graphql?query=%7Bping%7D"));
  const std::string second = client::request_bytes(json_request({{"query", "{ __typename }"}}));
  ASSERT_FALSE(c.send(first + second));
  http_response a;
  http_response b;
  ASSERT_FALSE(c.read_response(a));
  ASSERT_FALSE(c.read_response(b));
  EXPECT_EQ(body_json(a), json::parse(R"({"data":{"ping":true}})"));
  EXPECT_EQ(body_json(b), json::parse(R"({"data":{"__typename":"Query"}})"));
}

}  // namespace
}  // namespace upspec::serve::testing
