#pragma once
// A server under test: where it is, what it lacks, and the limits it was configured with.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "run/judge.hpp"
#include "upspec/request/json_field.hpp"
#include "upspec/request/limits.hpp"

namespace upspec::run {

struct endpoint {
  std::string host;
  std::uint16_t port = 80;
  std::string path = "/graphql";
};

// http://host[:port][/path]; https is refused (the harness speaks plain HTTP/1.1).
std::variant<endpoint, std::string> parse_url(const std::string& url);

struct target {
  std::string name;
  std::string implementation;  // e.g. "graphql-upload 17.0.0 + express 4.21.2"
  std::string version;
  std::string language;  // of the implementation, for the published matrix
  std::string url;       // empty for the built-in reference server
  bool builtin = false;
  target_traits traits;
  request::limits limits;  // what the server was configured with
  // A cap on the whole request body some servers have instead of (or besides) per-part limits;
  // a case whose body is larger is expected to be refused with 413.
  std::optional<std::uint64_t> max_request_size;
  std::vector<std::pair<std::string, std::string>> headers;  // added to every request
};

// The built-in reference server: upspec codes, every field, any limits.
target builtin_target();

// The fields every description of a target has (name, url, implementation, version, upspec_codes,
// unsupported, limits, headers), read from a targets file's entry or a target.json.
std::optional<std::string> read_target(const request::json& j, target& t);

// A targets file: {"targets": [{"name", "url", "implementation", "version", "upspec_codes",
// "unsupported": [...], "limits": {...}, "headers": {...}}]}.
std::variant<std::vector<target>, std::string> load_targets(const std::string& path);

}  // namespace upspec::run
