#pragma once
// A client scenario (corpus/clients/*.json, docs/clients.md): what a client library is asked to
// upload. The request it must send follows from it (expected_request.hpp).

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "corpus/test_case.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::clients {

using request::json;

// A file's bytes: literal text, a seeded pseudo-random stream, or a text repeated to a size.
struct content_spec {
  std::optional<std::string> text;
  std::optional<std::string> repeat;
  std::uint64_t seed = 0;
  std::uint64_t size = 0;
};

struct file_spec {
  std::string id;                   // how operations refer to it: {"$file": id}
  std::string name;                 // the file name the client is given
  std::optional<std::string> type;  // the media type it is given; absent: none
  content_spec content;
};

struct scenario {
  std::string id;  // <category>.<name>
  std::string title;
  std::string category;
  corpus::level requirement = corpus::level::must;
  std::string rule;
  std::string cite;
  std::vector<std::string> requires_features;  // an adapter that lacks one: UNSUPPORTED
  std::vector<file_spec> files;                // in the order the scenario lists them
  json operations;  // an object, or an array (a batch); files as {"$file": id}
  std::vector<std::pair<std::string, std::string>> headers;  // the client is asked to add these
  std::vector<std::string> checks;  // rules judged only where a scenario asks (e.g. csrf)

  const file_spec* file(const std::string& id) const;
};

// {"$file": "id"}: where a scenario puts a file in its operations.
std::optional<std::string> file_marker(const json& value);

// A file's bytes, generated from its content spec.
std::string file_bytes(const content_spec& c);

// Every *.json file of `dir` ({"scenarios": [...]}), in file then list order; or why not.
std::variant<std::vector<scenario>, std::string> load_scenarios(const std::filesystem::path& dir);

// Where the scenarios are read from without --scenarios: beside the corpus of cases.
std::filesystem::path default_scenarios_dir();

}  // namespace upspec::clients
