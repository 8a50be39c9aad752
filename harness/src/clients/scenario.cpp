#include "clients/scenario.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "corpus/corpus_store.hpp"
#include "corpus/large_body_stream.hpp"
#include "files/read_file.hpp"

namespace upspec::clients {
namespace {

namespace fs = std::filesystem;

content_spec read_content(const json& j) {
  content_spec c;
  if (j.contains("text")) c.text = j.at("text").get<std::string>();
  if (j.contains("repeat")) c.repeat = j.at("repeat").get<std::string>();
  c.seed = j.value("seed", std::uint64_t{0});
  c.size = j.value("size", std::uint64_t{0});
  return c;
}

// Every {"$file": id} of `value` names a file of the scenario.
std::optional<std::string> check_markers(const json& value, const scenario& s) {
  if (auto id = file_marker(value)) {
    if (s.file(*id) == nullptr) return "operations name an unknown file '" + *id + "'";
    return std::nullopt;
  }
  if (value.is_structured())
    for (const auto& v : value)
      if (auto why = check_markers(v, s)) return why;
  return std::nullopt;
}

std::variant<scenario, std::string> read_scenario(const json& j, const std::string& category) {
  scenario s;
  s.id = j.at("id").get<std::string>();
  if (s.id.rfind(category + ".", 0) != 0)
    return s.id + ": the id must start with its file's category, '" + category + ".'";
  const auto plain = [](const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    });
  };
  if (!plain(s.id)) return s.id + ": an id is letters, digits, '.', '-' and '_'";
  s.category = category;
  s.title = j.at("title").get<std::string>();
  const auto level = corpus::level_from_string(j.at("level").get<std::string>());
  if (!level) return s.id + ": level is MUST, SHOULD or MAY";
  s.requirement = *level;
  s.rule = j.at("rule").get<std::string>();
  s.cite = j.at("cite").get<std::string>();
  for (const auto& f : j.value("requires", json::array()))
    s.requires_features.push_back(f.get<std::string>());
  const json files = j.value("files", json::object());
  for (const auto& [id, f] : files.items()) {
    file_spec spec;
    spec.id = id;
    if (!plain(id) || id.find('.') != std::string::npos)
      return s.id + ": a file id is letters, digits, '-' and '_'";
    spec.name = f.at("name").get<std::string>();
    if (f.contains("type") && !f["type"].is_null()) spec.type = f["type"].get<std::string>();
    spec.content = read_content(f.at("content"));
    s.files.push_back(std::move(spec));
  }
  s.operations = j.at("operations");
  if (!s.operations.is_object() && !s.operations.is_array())
    return s.id + ": operations is an object or an array";
  const json headers = j.value("headers", json::object());
  for (const auto& [name, value] : headers.items())
    s.headers.emplace_back(name, value.get<std::string>());
  for (const auto& c : j.value("checks", json::array())) s.checks.push_back(c.get<std::string>());
  if (auto why = check_markers(s.operations, s)) return s.id + ": " + *why;
  return s;
}

}  // namespace

const file_spec* scenario::file(const std::string& wanted) const {
  const auto it =
      std::find_if(files.begin(), files.end(), [&](const file_spec& f) { return f.id == wanted; });
  return it == files.end() ? nullptr : &*it;
}

std::optional<std::string> file_marker(const json& value) {
  if (!value.is_object() || value.size() != 1 || !value.contains("$file")) return std::nullopt;
  if (!value["$file"].is_string()) return std::nullopt;
  return value["$file"].get<std::string>();
}

std::string file_bytes(const content_spec& c) {
  if (c.text) return *c.text;
  std::string out;
  out.reserve(c.size);
  if (c.repeat) {
    while (!c.repeat->empty() && out.size() < c.size)
      out.append(*c.repeat, 0, std::min<std::size_t>(c.repeat->size(), c.size - out.size()));
    return out;
  }
  corpus::large_body seeded;
  seeded.seed = c.seed;
  seeded.size = c.size;
  corpus::stream_large_body(seeded, [&out](std::string_view piece) {
    out.append(piece);
    return true;
  });
  return out;
}

std::variant<std::vector<scenario>, std::string> load_scenarios(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "no scenario folder at " + dir.string();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<scenario> out;
  std::set<std::string> ids;
  for (const auto& path : files) {
    auto read = files::read_json<json>(path);
    if (auto* why = std::get_if<std::string>(&read)) return *why;
    const auto& doc = std::get<json>(read);
    if (!doc.is_object() || !doc.contains("scenarios") || !doc["scenarios"].is_array())
      return path.string() + ": expected {\"scenarios\": [...]}";
    for (const auto& j : doc["scenarios"]) {
      std::variant<scenario, std::string> s = std::string();
      try {
        s = read_scenario(j, path.stem().string());
      } catch (const json::exception& e) {
        return path.string() + ": a scenario lacks a field or has one of the wrong type (" +
               e.what() + ")";
      }
      if (auto* why = std::get_if<std::string>(&s)) return path.string() + ": " + *why;
      auto& got = std::get<scenario>(s);
      if (!ids.insert(got.id).second) return path.string() + ": " + got.id + " appears twice";
      out.push_back(std::move(got));
    }
  }
  if (out.empty()) return "no scenario in " + dir.string();
  return out;
}

fs::path default_scenarios_dir() {
  return corpus::default_corpus_dir().parent_path() / "clients";
}

}  // namespace upspec::clients
