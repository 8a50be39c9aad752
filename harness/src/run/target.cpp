#include "run/target.hpp"

#include <limits>

#include "files/read_file.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::run {

std::variant<endpoint, std::string> parse_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0)
    return "the target URL must start with http:// (got '" + url + "')";
  std::string rest = url.substr(scheme.size());
  endpoint e;
  const auto slash = rest.find('/');
  if (slash != std::string::npos) {
    e.path = rest.substr(slash);
    rest.resize(slash);
  } else {
    e.path = "/";
  }
  std::string port;
  if (!rest.empty() && rest.front() == '[') {  // [::1]:port
    const auto close = rest.find(']');
    if (close == std::string::npos) return "unterminated IPv6 address in '" + url + "'";
    e.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else {
    const auto colon = rest.rfind(':');
    e.host = rest.substr(0, colon);
    if (colon != std::string::npos) port = rest.substr(colon + 1);
  }
  if (e.host.empty()) return "no host in '" + url + "'";
  if (!port.empty()) {
    try {
      const unsigned long p = std::stoul(port);
      if (p == 0 || p > 65535 || port.find_first_not_of("0123456789") != std::string::npos)
        throw std::out_of_range("port");
      e.port = static_cast<std::uint16_t>(p);
    } catch (const std::exception&) {
      return "bad port '" + port + "' in '" + url + "'";
    }
  }
  return e;
}

target builtin_target() {
  target t;
  t.name = "reference";
  t.implementation = "upspec serve (built in)";
  t.version = "0.1.0";
  t.builtin = true;
  t.traits.upspec_codes = true;
  return t;
}

std::optional<std::string> read_target(const request::json& j, target& t) {
  if (!j.is_object()) return "a target must be a JSON object";
  try {
    if (!j.contains("name") || !j["name"].is_string() || j["name"].get<std::string>().empty())
      return "every target needs a name";
    t.name = j["name"].get<std::string>();
    if (!j.contains("url") || !j["url"].is_string()) return t.name + ": no url";
    t.url = j["url"].get<std::string>();
    t.implementation = j.value("implementation", std::string());
    t.version = j.value("version", std::string());
    t.language = j.value("language", std::string());
    t.traits.upspec_codes = j.value("upspec_codes", false);
    for (const auto& f : j.value("unsupported", request::json::array()))
      t.traits.unsupported_fields.insert(f.get<std::string>());
    if (j.contains("limits")) {
      const auto& l = j["limits"];
      if (l.contains("max_field_size"))
        t.limits.max_field_size = l["max_field_size"].is_null()
                                      ? std::numeric_limits<std::uint64_t>::max()
                                      : l["max_field_size"].get<std::uint64_t>();
      if (l.contains("max_request_size") && !l["max_request_size"].is_null())
        t.max_request_size = l["max_request_size"].get<std::uint64_t>();
      if (l.contains("max_file_size") && !l["max_file_size"].is_null())
        t.limits.max_file_size = l["max_file_size"].get<std::uint64_t>();
      if (l.contains("max_files") && !l["max_files"].is_null())
        t.limits.max_files = l["max_files"].get<std::uint64_t>();
    }
    const request::json headers =
        j.value("headers", request::json::object());  // items() needs it alive
    for (const auto& [k, v] : headers.items()) t.headers.emplace_back(k, v.get<std::string>());
  } catch (const request::json::exception& e) {
    return t.name + ": a field has the wrong type (" + e.what() + ")";
  }
  return std::nullopt;
}

std::variant<std::vector<target>, std::string> load_targets(const std::string& path) {
  auto read = files::read_json<request::json>(path);
  if (auto* why = std::get_if<std::string>(&read)) return *why;
  const auto& doc = std::get<request::json>(read);
  if (!doc.is_object() || !doc.contains("targets") || !doc["targets"].is_array())
    return path + ": expected {\"targets\": [...]}";
  std::vector<target> out;
  for (const auto& j : doc["targets"]) {
    target t;
    if (auto why = read_target(j, t)) return path + ": " + *why;
    if (auto e = parse_url(t.url); std::holds_alternative<std::string>(e))
      return path + ": " + std::get<std::string>(e);
    out.push_back(std::move(t));
  }
  if (out.empty()) return path + ": no targets";
  return out;
}

}  // namespace upspec::run
