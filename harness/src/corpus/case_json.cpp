#include "corpus/case_json.hpp"

#include <algorithm>
#include <array>

namespace upspec::corpus {
namespace {

constexpr std::array<std::string_view, 3> kLevels{"MUST", "SHOULD", "MAY"};
constexpr std::array<std::string_view, 6> kVerdicts{"PASS", "NON-STRICT",  "FAIL",
                                                    "INFO", "UNSUPPORTED", "ERROR"};
constexpr std::array<std::string_view, 4> kModes{"content-length", "chunked", "drip", "abort"};

// Thrown inside case_from_json only, to name the offending field.
struct bad_field {
  std::string message;
};

const json& need(const json& j, const char* key, const char* where) {
  if (!j.is_object() || !j.contains(key))
    throw bad_field{std::string(where) + "." + key + " is missing"};
  return j.at(key);
}

std::string need_string(const json& j, const char* key, const char* where) {
  const json& v = need(j, key, where);
  if (!v.is_string()) throw bad_field{std::string(where) + "." + key + " must be a string"};
  return v.get<std::string>();
}

std::string bytes_from(const json& j, const char* text_key, const char* base64_key,
                       const char* where) {
  if (j.contains(text_key)) {
    if (!j[text_key].is_string())
      throw bad_field{std::string(where) + "." + text_key + " must be a string"};
    return j[text_key].get<std::string>();
  }
  if (j.contains(base64_key)) {
    auto decoded =
        j[base64_key].is_string() ? base64_decode(j[base64_key].get<std::string>()) : std::nullopt;
    if (!decoded) throw bad_field{std::string(where) + "." + base64_key + " is not base64"};
    return *decoded;
  }
  return {};
}

void put_bytes(json& j, const char* text_key, const char* base64_key, std::string_view bytes) {
  if (is_utf8(bytes))
    j[text_key] = std::string(bytes);
  else
    j[base64_key] = base64_encode(bytes);
}

std::vector<int> statuses(const json& v, const char* where) {
  std::vector<int> out;
  if (v.is_number_integer()) return {v.get<int>()};
  if (!v.is_array())
    throw bad_field{std::string(where) + " must be a status or a list of statuses"};
  for (const auto& s : v) {
    if (!s.is_number_integer()) throw bad_field{std::string(where) + " must hold integers"};
    out.push_back(s.get<int>());
  }
  return out;
}

}  // namespace

std::string_view to_string(level l) {
  return kLevels[static_cast<std::size_t>(l)];
}
std::string_view to_string(verdict v) {
  return kVerdicts[static_cast<std::size_t>(v)];
}

std::optional<level> level_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kLevels.size(); ++i)
    if (kLevels[i] == s) return static_cast<level>(i);
  return std::nullopt;
}

std::optional<verdict> verdict_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kVerdicts.size(); ++i)
    if (kVerdicts[i] == s) return static_cast<verdict>(i);
  return std::nullopt;
}

std::uint64_t http_request::body_size() const {
  return large ? large->head.size() + large->size + large->tail.size() : body.size();
}

json to_json(const test_case& c) {
  json j;
  j["id"] = c.id;
  j["title"] = c.title;
  j["category"] = c.category;
  j["level"] = std::string(to_string(c.requirement));
  j["rule"] = c.rule;
  j["cite"] = c.cite;
  j["origin"] = c.origin;
  if (!c.requires_fields.empty()) j["requires"] = c.requires_fields;
  if (c.limits != request::limits{}) {
    j["limits"] = {
        {"max_field_size", c.limits.max_field_size},
        {"max_file_size", c.limits.max_file_size ? json(*c.limits.max_file_size) : json(nullptr)},
        {"max_files", c.limits.max_files ? json(*c.limits.max_files) : json(nullptr)}};
  }
  json& r = j["request"];
  r["method"] = c.request.method;
  if (!c.request.target.empty()) r["target"] = c.request.target;
  r["headers"] = json::array();
  for (const auto& [k, v] : c.request.headers) r["headers"].push_back({k, v});
  if (c.request.large) {
    json large{{"size", c.request.large->size}, {"seed", c.request.large->seed}};
    put_bytes(large, "head", "head_base64", c.request.large->head);
    put_bytes(large, "tail", "tail_base64", c.request.large->tail);
    r["body_large"] = std::move(large);
  } else {
    put_bytes(r, "body", "body_base64", c.request.body);
  }
  const transport& t = c.request.how;
  if (t != transport{}) {
    json tj{{"mode", std::string(kModes[static_cast<std::size_t>(t.mode)])}};
    if (t.chunk_size) tj["chunk_size"] = t.chunk_size;
    if (t.delay_ms) tj["delay_ms"] = t.delay_ms;
    if (t.abort_after) tj["abort_after"] = t.abort_after;
    r["transport"] = std::move(tj);
  }
  json& e = j["expect"];
  e["status"] = c.expect.status;
  if (c.expect.code) e["code"] = *c.expect.code;
  if (c.expect.data) e["data"] = *c.expect.data;
  for (const auto& err : c.expect.errors)
    e["errors"].push_back({{"path", err.path}, {"code", err.code}});
  if (c.expect.graphql_errors_loose) e["graphql_errors_loose"] = true;
  for (const auto& a : c.expect.alternatives) {
    json alt{{"status", a.status}, {"verdict", std::string(to_string(a.gives))}, {"note", a.note}};
    if (a.data) alt["data"] = *a.data;
    e["alternatives"].push_back(std::move(alt));
  }
  return j;
}

std::variant<test_case, std::string> case_from_json(const json& j) {
  try {
    test_case c;
    c.id = need_string(j, "id", "case");
    const std::string where = "case " + c.id;
    c.title = need_string(j, "title", where.c_str());
    c.category = need_string(j, "category", where.c_str());
    const auto lvl = level_from_string(need_string(j, "level", where.c_str()));
    if (!lvl) throw bad_field{where + ".level must be MUST, SHOULD or MAY"};
    c.requirement = *lvl;
    c.rule = need_string(j, "rule", where.c_str());
    c.cite = need_string(j, "cite", where.c_str());
    c.origin = j.value("origin", std::string("catalog"));
    if (c.id.rfind(c.category + ".", 0) != 0)
      throw bad_field{where + ": the id must start with the category and a dot"};
    if (j.contains("requires")) c.requires_fields = j["requires"].get<std::vector<std::string>>();
    if (j.contains("limits")) {
      const json& l = j["limits"];
      c.limits.max_field_size = l.value("max_field_size", c.limits.max_field_size);
      if (l.contains("max_file_size") && !l["max_file_size"].is_null())
        c.limits.max_file_size = l["max_file_size"].get<std::uint64_t>();
      if (l.contains("max_files") && !l["max_files"].is_null())
        c.limits.max_files = l["max_files"].get<std::uint64_t>();
    }
    const json& r = need(j, "request", where.c_str());
    c.request.method = r.value("method", std::string("POST"));
    c.request.target = r.value("target", std::string());
    for (const auto& h : r.value("headers", json::array())) {
      if (!h.is_array() || h.size() != 2 || !h[0].is_string() || !h[1].is_string())
        throw bad_field{where + ".request.headers must be [name, value] pairs"};
      c.request.headers.emplace_back(h[0].get<std::string>(), h[1].get<std::string>());
    }
    if (r.contains("body_large")) {
      const json& l = r["body_large"];
      large_body lb;
      lb.head = bytes_from(l, "head", "head_base64", (where + ".request.body_large").c_str());
      lb.tail = bytes_from(l, "tail", "tail_base64", (where + ".request.body_large").c_str());
      lb.size = need(l, "size", "body_large").get<std::uint64_t>();
      lb.seed = l.value("seed", std::uint64_t{0});
      c.request.large = std::move(lb);
    } else {
      c.request.body = bytes_from(r, "body", "body_base64", (where + ".request").c_str());
    }
    if (r.contains("transport")) {
      const json& t = r["transport"];
      const std::string mode = t.value("mode", std::string("content-length"));
      const auto it = std::find(kModes.begin(), kModes.end(), mode);
      if (it == kModes.end())
        throw bad_field{where + ".request.transport.mode is unknown: " + mode};
      c.request.how.mode = static_cast<transport_mode>(it - kModes.begin());
      c.request.how.chunk_size = t.value("chunk_size", std::size_t{0});
      c.request.how.delay_ms = t.value("delay_ms", 0);
      c.request.how.abort_after = t.value("abort_after", std::uint64_t{0});
    }
    const json& e = need(j, "expect", where.c_str());
    c.expect.status = need(e, "status", (where + ".expect").c_str()).get<int>();
    if (e.contains("code") && !e["code"].is_null()) c.expect.code = e["code"].get<std::string>();
    if (e.contains("data")) c.expect.data = e["data"];
    for (const auto& err : e.value("errors", json::array()))
      c.expect.errors.push_back(
          {err.value("path", json::array()), err.value("code", std::string())});
    c.expect.graphql_errors_loose = e.value("graphql_errors_loose", false);
    for (const auto& a : e.value("alternatives", json::array())) {
      alternative alt;
      alt.status = statuses(need(a, "status", "alternative"),
                            (where + ".expect.alternatives.status").c_str());
      const auto v = verdict_from_string(a.value("verdict", std::string("NON-STRICT")));
      if (!v) throw bad_field{where + ".expect.alternatives.verdict is unknown"};
      alt.gives = *v;
      alt.note = a.value("note", std::string());
      if (a.contains("data")) {
        if (alt.status != std::vector<int>{200})
          throw bad_field{where + ".expect.alternatives.data needs status [200]"};
        alt.data = a["data"];
      }
      c.expect.alternatives.push_back(std::move(alt));
    }
    return c;
  } catch (const bad_field& b) {
    return b.message;
  } catch (const json::exception& e) {
    return std::string("malformed case: ") + e.what();
  }
}

}  // namespace upspec::corpus
