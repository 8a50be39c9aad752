#include "commands/report_command.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "upspec/reports/reports.hpp"

namespace upspec::cli {
namespace {

struct report_options {
  std::string old_path, new_path, index_path, out_dir;
  bool json_output = false;
};

// An index.json, or a file path inside a report folder.
std::optional<nlohmann::json> read_index(std::string path, const char* command) {
  if (std::filesystem::is_directory(path))
    path = (std::filesystem::path(path) / "index.json").string();
  std::ifstream in(path);
  if (!in) {
    std::cerr << "upspec report " << command << ": cannot read " << path << "\n";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) {
    std::cerr << "upspec report " << command << ": " << path << " is not JSON\n";
    return std::nullopt;
  }
  if (auto why = reports::validate_index(j)) {
    std::cerr << "upspec report " << command << ": " << path << ": " << *why << "\n";
    return std::nullopt;
  }
  return j;
}

int diff(const report_options& o) {
  const auto before = read_index(o.old_path, "diff");
  const auto after = read_index(o.new_path, "diff");
  if (!before || !after) return 2;
  const auto d = reports::diff_reports(*before, *after);
  std::cout << (o.json_output ? d.dump(2) + "\n" : reports::render_diff(d));
  return 0;
}

int render(const report_options& o) {
  const auto index = read_index(o.index_path, "render");
  if (!index) return 2;
  reports::write_reports(*index, o.out_dir);
  std::cout << "reports written to " << o.out_dir << "/\n";
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto o = std::make_shared<report_options>();
  CLI::App* cmd = app.add_subcommand("report", "Work with the reports of earlier runs.");
  cmd->require_subcommand(1);
  CLI::App* d = cmd->add_subcommand("diff",
                                    "List what changed between two runs: verdicts per target and "
                                    "case, cases added or removed, totals.");
  d->add_option("old", o->old_path, "The earlier run's index.json (or its report folder)")
      ->required();
  d->add_option("new", o->new_path, "The later run's index.json (or its report folder)")
      ->required();
  d->add_flag("--json", o->json_output, "Print the difference as JSON");
  d->callback([o] { throw CLI::RuntimeError(diff(*o)); });
  CLI::App* r = cmd->add_subcommand(
      "render", "Render junit.xml, summary.md and index.html again from an index.json.");
  r->add_option("index", o->index_path, "The index.json (or its report folder)")->required();
  r->add_option("--out", o->out_dir, "Folder to write")->required();
  r->callback([o] { throw CLI::RuntimeError(render(*o)); });
}

}  // namespace upspec::cli
