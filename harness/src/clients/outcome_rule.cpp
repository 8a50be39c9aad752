// What the reference decodes from the request, against what follows from the scenario.

#include "clients/rules.hpp"

namespace upspec::clients {

namespace rules {
const rule decoded_outcome{"decoded-outcome", corpus::level::must,
                           "GraphQL multipart request spec; the reference's decoding (upspec "
                           "reference)"};
}  // namespace rules

namespace {

// Markers of what arrived instead of a scenario file are "(...)" (as_scenario_files).
std::string describe(const json& value) {
  if (auto id = file_marker(value)) return id->rfind('(', 0) == 0 ? *id : "file " + *id;
  return request::dump_json(value);
}

// Each {"$upload": field} of the decoded operations as the scenario's {"$file": id} whose bytes
// arrived there, or as what arrived instead.
json as_scenario_files(const json& value, const json& uploads, const expected_request& want,
                       const std::string& path) {
  if (value.is_object() && value.size() == 1 && value.contains("$upload")) {
    const std::string field = value["$upload"].get<std::string>();
    const json& u = uploads.contains(field) ? uploads[field] : json();
    if (!u.is_object()) return json{{"$file", "(" + field + ": not decoded)"}};
    if (u.contains("error"))
      return json{{"$file", "(" + field + " failed: " + u["error"].value("code", "?") + ")"}};
    const auto size = u.value("size", std::uint64_t{0});
    const auto digest = u.value("sha256", std::string());
    // The file expected here first: two files of the scenario may hold the same bytes.
    const auto* here = want.file_at(path);
    if (here != nullptr && here->bytes.size() == size && here->sha256 == digest)
      return json{{"$file", here->spec->id}};
    for (const auto& f : want.files)
      if (f.bytes.size() == size && f.sha256 == digest) return json{{"$file", f.spec->id}};
    return json{{"$file", "(" + field + ": " + std::to_string(size) +
                              " bytes that are no file of the scenario, sha256 " +
                              digest.substr(0, 16) + "...)"}};
  }
  json out = value;
  const std::string prefix = path.empty() ? "" : path + ".";
  if (value.is_object()) {
    for (auto it = out.begin(); it != out.end(); ++it)
      *it = as_scenario_files(*it, uploads, want, prefix + it.key());
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = as_scenario_files(out[i], uploads, want, prefix + std::to_string(i));
  }
  return out;
}

std::optional<std::string> first_difference(const json& got, const json& want,
                                            const std::string& path) {
  const std::string where = path.empty() ? "the top" : path;
  if (file_marker(want) || file_marker(got) || got.type() != want.type()) {
    if (got == want) return std::nullopt;
    return "at " + where + ": " + describe(got) + ", expected " + describe(want);
  }
  const std::string prefix = path.empty() ? "" : path + ".";
  if (want.is_object()) {
    for (const auto& [k, v] : want.items()) {
      if (!got.contains(k)) return "at " + prefix + k + ": missing, expected " + describe(v);
      if (auto d = first_difference(got[k], v, prefix + k)) return d;
    }
    for (const auto& [k, v] : got.items())
      if (!want.contains(k)) return "at " + prefix + k + ": " + describe(v) + ", expected nothing";
    return std::nullopt;
  }
  if (want.is_array()) {
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i)
      if (auto d = first_difference(got[i], want[i], prefix + std::to_string(i))) return d;
    if (got.size() != want.size())
      return "at " + where + ": " + std::to_string(got.size()) + " items, expected " +
             std::to_string(want.size());
    return std::nullopt;
  }
  if (got == want) return std::nullopt;
  return "at " + where + ": " + describe(got) + ", expected " + describe(want);
}

// One operation: its variables exactly (that is where the files are), its operationName when
// the scenario names one, and a query. The query's text is the client's to print: Apollo Client
// adds __typename, others reformat it.
std::optional<std::string> compare_operation(const json& got, const json& want,
                                             const std::string& path) {
  const std::string prefix = path.empty() ? "" : path + ".";
  if (!got.is_object()) return "at " + (path.empty() ? "the top" : path) + ": not an object";
  if (!got.contains("query") || !got["query"].is_string())
    return "at " + prefix + "query: no query string";
  if (want.contains("operationName") && got.value("operationName", json()) != want["operationName"])
    return "at " + prefix + "operationName: " + describe(got.value("operationName", json())) +
           ", expected " + describe(want["operationName"]);
  return first_difference(got.value("variables", json()), want.value("variables", json()),
                          prefix + "variables");
}

}  // namespace

// The reference decodes every file of the scenario, with its bytes, at each place the scenario
// uses it, and the variables around them as given.
void check_decoded_outcome(const sent_request& r, findings& out) {
  const json& o = r.outcome;
  if (o.contains("error") && !o["error"].is_null()) {
    out.push_back({&rules::decoded_outcome,
                   "the reference refuses the request: " + std::to_string(o.value("status", 0)) +
                       " " + o["error"].value("code", "") + " (" + o["error"].value("message", "") +
                       ")"});
    return;
  }
  const json got = as_scenario_files(o.value("operations", json()),
                                     o.value("uploads", json::object()), r.want, "");
  const json& want = r.want.operations;
  std::optional<std::string> diff;
  if (want.is_array()) {
    if (!got.is_array())
      diff = "a single operation, expected a batch of " + std::to_string(want.size());
    else if (got.size() != want.size())
      diff =
          "a batch of " + std::to_string(got.size()) + ", expected " + std::to_string(want.size());
    for (std::size_t i = 0; !diff && i < want.size(); ++i)
      diff = compare_operation(got[i], want[i], std::to_string(i));
  } else {
    diff = compare_operation(got, want, "");
  }
  if (diff)
    out.push_back({&rules::decoded_outcome, "the reference decodes something else: " + *diff});
}

}  // namespace upspec::clients
