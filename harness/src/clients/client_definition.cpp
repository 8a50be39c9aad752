#include "clients/client_definition.hpp"

#include <algorithm>

#include "files/read_file.hpp"

namespace upspec::clients {

namespace fs = std::filesystem;

std::variant<client_definition, std::string> load_client_definition(const fs::path& dir) {
  const auto file = dir / "client.json";
  auto read = files::read_json<json>(file);
  if (auto* why = std::get_if<std::string>(&read)) return *why;
  const auto& j = std::get<json>(read);
  if (!j.is_object()) return file.string() + ": not a JSON object";
  client_definition d;
  d.dir = fs::absolute(dir).lexically_normal();
  try {
    d.name = j.value("name", d.dir.filename().string());
    d.library = j.at("library").get<std::string>();
    d.version = j.value("version", std::string());
    d.language = j.value("language", std::string());
    for (const auto& c : j.value("requires", json::array()))
      d.required_commands.push_back(c.get<std::string>());
    d.install = j.value("install", std::string());
    d.installed = j.value("installed", std::string());
    for (const auto& f : j.value("lockfiles", json::array()))
      d.lockfiles.push_back(f.get<std::string>());
    d.install_timeout = std::chrono::seconds(j.value("install_timeout_seconds", 1800));
    d.run = j.at("run").get<std::string>();
    for (const auto& f : j.value("unsupported", json::array()))
      d.traits.unsupported.insert(f.get<std::string>());
    d.notes = j.value("notes", std::string());
  } catch (const json::exception& e) {
    return file.string() + ": a field is missing or has the wrong type (" + e.what() + ")";
  }
  if (d.run.empty()) return file.string() + ": no run command";
  if (!d.install.empty() && d.installed.empty())
    return file.string() + ": an install command needs an \"installed\" path to know it ran";
  return d;
}

std::variant<std::vector<client_definition>, std::string> load_clients(
    const fs::path& root, const std::vector<std::string>& only) {
  std::error_code ec;
  std::vector<fs::path> dirs;
  if (fs::exists(root / "client.json", ec)) {
    dirs.push_back(root);
  } else {
    if (!fs::is_directory(root, ec)) return "no client adapters at " + root.string();
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (entry.is_directory() && fs::exists(entry.path() / "client.json", ec))
        dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
  }
  std::vector<client_definition> out;
  for (const auto& dir : dirs) {
    auto d = load_client_definition(dir);
    if (auto* why = std::get_if<std::string>(&d)) return *why;
    auto& got = std::get<client_definition>(d);
    if (only.empty() || std::find(only.begin(), only.end(), got.name) != only.end())
      out.push_back(std::move(got));
  }
  for (const auto& name : only)
    if (std::none_of(out.begin(), out.end(), [&](const auto& c) { return c.name == name; }))
      return "no client adapter named " + name + " in " + root.string();
  if (out.empty()) return "no client adapter (a folder with a client.json) in " + root.string();
  return out;
}

}  // namespace upspec::clients
