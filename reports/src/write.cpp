#include "upspec/reports/write.hpp"

#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "upspec/reports/render.hpp"
#include "upspec/reports/validate.hpp"
#include "write_file.hpp"

namespace upspec::reports {

namespace detail {

// Written beside the final name, then renamed: a CI step that uploads the folder, or a person
// reloading index.html, never sees a half-written file.
void write_file(const std::filesystem::path& dir, const char* name, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path final_path = dir / name;
  fs::path temp_path = final_path;
  temp_path += ".tmp";
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + temp_path.string());
  }
  std::error_code ec;
  fs::rename(temp_path, final_path, ec);
  if (ec) {
    fs::remove(temp_path, ec);
    throw std::runtime_error("cannot write " + final_path.string() + ": " + ec.message());
  }
}

}  // namespace detail

namespace {

namespace fs = std::filesystem;
using detail::write_file;

void write_index(const nlohmann::json& index, const std::string& index_text, const fs::path& dir) {
  if (auto problem = validate_index(index)) throw std::invalid_argument(*problem);

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());

  write_file(dir, "index.json", index_text);
}

void write_all(const nlohmann::json& index, const std::string& index_text, const fs::path& dir) {
  write_index(index, index_text, dir);
  write_file(dir, "junit.xml", render_junit(index));
  write_file(dir, "summary.md", render_markdown(index));
  write_file(dir, "index.html", render_html(index));
}

// "replace" keeps a stray invalid UTF-8 byte from aborting the whole report.
template <typename Json>
std::string pretty(const Json& index) {
  return index.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

void write_reports(const nlohmann::json& index, const fs::path& dir) {
  write_all(index, pretty(index), dir);
}

void write_reports(const nlohmann::ordered_json& index, const fs::path& dir) {
  write_all(nlohmann::json(index), pretty(index), dir);
}

void write_published(const nlohmann::json& index, const fs::path& dir) {
  write_index(index, pretty(index), dir);
  write_file(dir, "summary.md", render_markdown(index));
}

}  // namespace upspec::reports
