#include "targets/target_definition.hpp"

#include <algorithm>
#include <set>

#include "files/read_file.hpp"

namespace upspec::targets {

std::string url_on_port(const std::string& url, std::uint16_t port) {
  const std::string p = std::to_string(port);
  if (const auto at = url.find("{port}"); at != std::string::npos)
    return url.substr(0, at) + p + url.substr(at + 6);
  // http://host[:port]/path: the harness chooses the port, whatever the file says.
  const auto authority = url.find("://");
  if (authority == std::string::npos) return url;
  const auto path = url.find('/', authority + 3);
  std::string host = url.substr(
      authority + 3, path == std::string::npos ? std::string::npos : path - authority - 3);
  const auto colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) host.resize(colon);
  return url.substr(0, authority + 3) + host + ":" + p +
         (path == std::string::npos ? std::string() : url.substr(path));
}

std::variant<target_definition, std::string> load_target_definition(
    const std::filesystem::path& dir) {
  const auto file = dir / "target.json";
  auto read = files::read_json<request::json>(file);
  if (auto* why = std::get_if<std::string>(&read)) return *why;
  const auto& j = std::get<request::json>(read);
  if (!j.is_object()) return file.string() + ": not a JSON object";
  target_definition d;
  d.dir = std::filesystem::absolute(dir).lexically_normal();
  if (auto why = run::read_target(j, d.target)) return file.string() + ": " + *why;
  if (auto e = run::parse_url(url_on_port(d.target.url, 1)); std::holds_alternative<std::string>(e))
    return file.string() + ": " + std::get<std::string>(e);
  try {
    d.notes = j.value("notes", std::string());
    for (const auto& c : j.value("requires", request::json::array()))
      d.required_commands.push_back(c.get<std::string>());
    d.install = j.value("install", std::string());
    d.installed = j.value("installed", std::string());
    for (const auto& f : j.value("lockfiles", request::json::array()))
      d.lockfiles.push_back(f.get<std::string>());
    d.install_timeout = std::chrono::seconds(j.value("install_timeout_seconds", 1800));
    d.start = j.value("start", std::string());
    if (j.contains("ready")) {
      const auto& r = j["ready"];
      d.ready.method = r.value("method", d.ready.method);
      if (r.contains("body")) d.ready.body = r["body"].is_null() ? "" : r["body"].dump();
      d.ready.status = r.value("status", d.ready.status);
      d.ready.timeout = std::chrono::seconds(r.value("timeout_seconds", 60));
    }
  } catch (const request::json::exception& e) {
    return file.string() + ": a field has the wrong type (" + e.what() + ")";
  }
  if (d.start.empty()) return file.string() + ": no start command";
  if (!d.install.empty() && d.installed.empty())
    return file.string() + ": an install command needs an \"installed\" path to know it ran";
  return d;
}

std::variant<std::vector<target_definition>, std::string> load_target_directory(
    const std::filesystem::path& root, const std::vector<std::string>& only) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return root.string() + " is not a folder";
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "target.json"))
      dirs.push_back(entry.path());
  if (ec) return "cannot list " + root.string() + ": " + ec.message();
  std::sort(dirs.begin(), dirs.end());
  const std::set<std::string> chosen(only.begin(), only.end());
  std::set<std::string> missing = chosen;
  std::vector<target_definition> out;
  for (const auto& dir : dirs) {
    const std::string name = dir.filename().string();
    if (!chosen.empty() && !chosen.count(name)) continue;
    missing.erase(name);
    auto d = load_target_definition(dir);
    if (auto* why = std::get_if<std::string>(&d)) return *why;
    out.push_back(std::move(std::get<target_definition>(d)));
  }
  if (!missing.empty()) return "no target named '" + *missing.begin() + "' in " + root.string();
  if (out.empty()) return "no target.json under " + root.string();
  return out;
}

}  // namespace upspec::targets
