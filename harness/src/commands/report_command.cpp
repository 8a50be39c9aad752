#include "commands/report_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "files/read_file.hpp"
#include "upspec/reports/reports.hpp"

namespace upspec::cli {
namespace {

struct report_options {
  std::string old_path, new_path, index_path, out_dir, results_dir, readme;
  bool json_output = false;
  bool clients = false;  // matrix: the results of client adapters (upspec clients --results)
};

// An index.json, or a file path inside a report folder.
std::optional<nlohmann::json> read_index(std::string path, const char* command) {
  if (std::filesystem::is_directory(path))
    path = (std::filesystem::path(path) / "index.json").string();
  auto read = files::read_json(path);
  if (auto* why = std::get_if<std::string>(&read)) {
    std::cerr << "upspec report " << command << ": " << *why << "\n";
    return std::nullopt;
  }
  auto& j = std::get<nlohmann::json>(read);
  if (auto why = reports::validate_index(j)) {
    std::cerr << "upspec report " << command << ": " << path << ": " << *why << "\n";
    return std::nullopt;
  }
  return std::move(j);
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

// What differs between the servers' published table and the clients': the README block it
// replaces, the introduction of DIR/README.md and the names of the first columns.
struct matrix_kind {
  const char* begin;
  const char* end;
  const char* intro;
  const char* heading;
};

constexpr matrix_kind kServers{
    "<!-- results:begin (upspec report matrix) -->", "<!-- results:end -->",
    "# Published results\n\nThe conformance corpus against real servers, one folder per "
    "target of `harness/targets/` with its `index.json` and `summary.md`. Regenerate with "
    "`bash scripts/matrix`; every FAIL and ERROR is explained in "
    "[../findings.md](../findings.md).\n\n",
    "| target | language | implementation | version |"};

constexpr matrix_kind kClients{
    "<!-- clients:begin (upspec report matrix --clients) -->", "<!-- clients:end -->",
    "# Published client results\n\nThe client scenarios (`corpus/clients/`) performed by real "
    "client libraries, one folder per adapter of `harness/clients/` with its `index.json` and "
    "`summary.md`. Regenerate with `bash scripts/clients`; every FAIL is explained in "
    "[findings.md](findings.md).\n\n",
    "| client | language | library | version |"};

// reports/results/<target>/index.json for every target folder, in name order.
int matrix(const report_options& o) {
  namespace fs = std::filesystem;
  const matrix_kind& kind = o.clients ? kClients : kServers;
  std::vector<fs::path> dirs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(o.results_dir, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "index.json")) dirs.push_back(entry);
  if (ec) {
    std::cerr << "upspec report matrix: cannot list " << o.results_dir << ": " << ec.message()
              << "\n";
    return 2;
  }
  if (dirs.empty()) {
    std::cerr << "upspec report matrix: no <target>/index.json under " << o.results_dir << "\n";
    return 2;
  }
  std::sort(dirs.begin(), dirs.end());
  std::vector<reports::MatrixEntry> entries;
  for (const auto& d : dirs) {
    auto index = read_index((d / "index.json").string(), "matrix");
    if (!index) return 2;
    entries.push_back({d.filename().string(), std::move(*index)});
  }
  {
    std::ofstream out(fs::path(o.results_dir) / "README.md", std::ios::trunc);
    out << kind.intro << reports::render_matrix(entries, "", kind.heading);
    if (!out) {
      std::cerr << "upspec report matrix: cannot write " << o.results_dir << "/README.md\n";
      return 2;
    }
  }
  if (!o.readme.empty()) {
    auto text = files::read_text(o.readme);
    std::string readme = text.value_or("");
    const auto begin = readme.find(kind.begin);
    const auto end = readme.find(kind.end);
    if (!text || begin == std::string::npos || end == std::string::npos || end < begin) {
      std::cerr << "upspec report matrix: " << o.readme << " has no " << kind.begin << " ... "
                << kind.end << " block\n";
      return 2;
    }
    // Links in the README are relative to the README's folder.
    const auto prefix =
        fs::relative(fs::absolute(o.results_dir), fs::absolute(o.readme).parent_path()).string() +
        "/";
    readme.replace(
        begin, end - begin,
        std::string(kind.begin) + "\n" + reports::render_matrix(entries, prefix, kind.heading));
    std::ofstream out(o.readme, std::ios::trunc);
    out << readme;
  }
  std::cout << entries.size() << " target(s) in " << o.results_dir << "/README.md"
            << (o.readme.empty() ? "" : " and " + o.readme) << "\n";
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
  CLI::App* m = cmd->add_subcommand(
      "matrix",
      "Write the Markdown table of published results (one row per target: implementation, "
      "version, verdict counts) from DIR/<target>/index.json into DIR/README.md, and into the "
      "README block between the results markers when --readme is given.");
  m->add_option("dir", o->results_dir, "The results folder, e.g. reports/results")->required();
  m->add_option("--readme", o->readme, "A Markdown file whose results block is replaced");
  m->add_flag("--clients", o->clients,
              "DIR holds client adapters' results (upspec clients --results): the table names "
              "clients and libraries, and replaces the README's clients block");
  m->callback([o] { throw CLI::RuntimeError(matrix(*o)); });
}

}  // namespace upspec::cli
