#include "corpus/reference_answer.hpp"

#include "corpus/large_body_stream.hpp"
#include "serve/graphql_http.hpp"
#include "serve/multipart_exchange.hpp"
#include "serve/route.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::corpus {
namespace {

std::string header_value(const http_request& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (multipart::iequals(k, name)) return v;
  return {};
}

serve::reply multipart_reply(const test_case& c, const std::string& content_type) {
  serve::multipart_exchange exchange(content_type, c.limits);
  const auto feed = [&](std::string_view bytes) {
    exchange.feed(bytes);
    return !exchange.settled();
  };
  if (c.request.large)
    stream_large_body(*c.request.large, feed);
  else
    feed(c.request.body);
  if (!exchange.settled()) exchange.finish();
  return exchange.take_reply();
}

}  // namespace

serve::reply reference_reply(const test_case& c) {
  const std::string content_type = header_value(c.request, "Content-Type");
  const std::string target = "/graphql" + c.request.target;
  const serve::route to = serve::route_for(c.request.method, target, content_type);
  switch (to) {
    case serve::route::multipart:
      return multipart_reply(c, content_type);
    case serve::route::json:
      if (c.request.body.size() > c.limits.max_field_size)
        return serve::json_body_too_large(c.limits.max_field_size);
      return serve::execute_json_request(c.request.body);
    default:
      return serve::reply_from_head(to, c.request.method, target);
  }
}

std::string code_of_error(const json& e) {
  if (e.is_object() && e.contains("extensions") && e["extensions"].is_object() &&
      e["extensions"].contains("code") && e["extensions"]["code"].is_string())
    return e["extensions"]["code"].get<std::string>();
  return {};
}

std::optional<std::string> error_code_of(const json& body) {
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array() ||
      body["errors"].empty())
    return std::nullopt;
  std::string code = code_of_error(body["errors"][0]);
  if (code.empty()) return std::nullopt;
  return code;
}

expectation expectation_from(const serve::reply& r, expectation base) {
  base.status = r.status;
  base.code.reset();
  base.data.reset();
  base.errors.clear();
  const auto body = json::parse(r.body, nullptr, false);
  if (body.is_discarded()) return base;
  if (r.status != 200) {
    base.code = error_code_of(body);
    return base;
  }
  const auto collect = [&](const json& result, const json& prefix) {
    if (!result.is_object()) return;
    for (const auto& e : result.value("errors", json::array())) {
      json path = e.contains("path") ? e["path"] : json(nullptr);
      if (!prefix.is_null()) path = json{{"operation", prefix}, {"path", path}};
      base.errors.push_back({path, code_of_error(e)});
    }
  };
  if (body.is_array()) {
    json data = json::array();
    for (std::size_t i = 0; i < body.size(); ++i) {
      data.push_back(body[i].is_object() && body[i].contains("data") ? body[i]["data"]
                                                                     : json(nullptr));
      collect(body[i], i);
    }
    base.data = data;
  } else {
    if (body.contains("data")) base.data = body["data"];
    collect(body, nullptr);
  }
  return base;
}

}  // namespace upspec::corpus
