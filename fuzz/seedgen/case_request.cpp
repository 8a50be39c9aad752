#include "seedgen/case_request.hpp"

#include <nlohmann/json.hpp>

#include "upspec/multipart/header_parameters.hpp"

namespace upspec::fuzz {
namespace {

std::string base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace

std::vector<case_request> cases_in(std::string_view json_text) {
  const auto doc = nlohmann::json::parse(json_text);
  std::vector<case_request> out;
  for (const auto& c : doc.at("cases")) {
    const auto& r = c.at("request");
    if (r.contains("body_large")) continue;
    case_request q;
    q.id = c.at("id").get<std::string>();
    q.method = r.value("method", "POST");
    q.target = "/graphql" + r.value("target", std::string());
    for (const auto& h : r.value("headers", nlohmann::json::array())) {
      q.headers.emplace_back(h.at(0).get<std::string>(), h.at(1).get<std::string>());
      if (multipart::iequals(q.headers.back().first, "Content-Type"))
        q.content_type = q.headers.back().second;
    }
    if (r.contains("body")) q.body = r.at("body").get<std::string>();
    if (r.contains("body_base64")) q.body = base64_decode(r.at("body_base64").get<std::string>());
    const auto transport = r.value("transport", nlohmann::json::object());
    const std::string mode = transport.value("mode", "content-length");
    if (mode == "chunked" || mode == "drip")
      q.chunk_size = transport.value("chunk_size", std::size_t{0});
    if (mode == "abort")
      q.body.resize(std::min(q.body.size(), transport.value("abort_after", q.body.size())));
    if (c.contains("limits")) {
      const auto& l = c.at("limits");
      if (l.contains("max_field_size") && l["max_field_size"].is_number())
        q.limits.max_field_size = l["max_field_size"].get<std::uint64_t>();
      if (l.contains("max_file_size") && l["max_file_size"].is_number())
        q.limits.max_file_size = l["max_file_size"].get<std::uint64_t>();
      if (l.contains("max_files") && l["max_files"].is_number())
        q.limits.max_files = l["max_files"].get<std::uint64_t>();
    }
    out.push_back(std::move(q));
  }
  return out;
}

case_request spec_example(std::string id, std::string content_type, std::string body) {
  case_request q;
  q.id = std::move(id);
  q.headers.emplace_back("Content-Type", content_type);
  q.content_type = std::move(content_type);
  q.body = std::move(body);
  return q;
}

}  // namespace upspec::fuzz
