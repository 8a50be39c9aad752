#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace upspec::reports {

// The renderers take a validated index (validate_index); on anything else they still produce a
// document, with missing fields left blank, and never throw for the index's content.

// JUnit XML: one <testsuite> per target, one <testcase> per case.
std::string render_junit(const nlohmann::json& index);

// GitHub-flavoured Markdown for a CI job summary; at most about 1 MiB.
std::string render_markdown(const nlohmann::json& index);

struct HtmlOptions {
  // Response bodies, headers and wire logs are the bulk of a report. Past this many bytes of
  // them (results other than PASS are served first) they are left out of the page, which then
  // points to index.json, so that 2000 cases x 15 targets still open in a browser.
  std::size_t bulk_budget = std::size_t{8} << 20;
  // Longest single string embedded; index.json already caps previews at 4 KiB and wire logs at
  // 8 KiB, this only guards against an index that does not.
  std::size_t max_field = std::size_t{16} << 10;
};

// The published matrix: one Markdown table row per target, from each target's own index.json
// (`upspec run --results`), with a link to `<link_prefix><name>/summary.md`.
struct MatrixEntry {
  std::string name;
  nlohmann::json index;
};
// `heading` names the first four columns: servers' results call them target, language,
// implementation and version; clients' results client, language, library and version.
std::string render_matrix(
    const std::vector<MatrixEntry>& entries, const std::string& link_prefix,
    std::string_view heading = "| target | language | implementation | version |");

// One self-contained HTML page: inline CSS and JS, no external resource.
std::string render_html(const nlohmann::json& index, const HtmlOptions& options = {});

}  // namespace upspec::reports
