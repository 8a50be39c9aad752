#pragma once
// A campaign's output folder: findings.json (schema upspec-fuzz/1, docs/fuzz-live.md),
// findings.md and index.html, and cases/<id>.json, each finding's minimal request as a corpus
// case that `upspec run --corpus DIR/cases` replays. Folders of several campaigns (shards,
// machines) merge into one, one finding per target and signature with the counts added.

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "fuzz/campaign.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::fuzz {

struct campaign_info {
  std::uint64_t seed = 1;
  std::uint64_t shard = 0, shards = 1;
  unsigned jobs = 1;
  long timeout_ms = 0;
  std::string started_at;
};

request::json findings_document(const campaign_result& result, const campaign_info& info);

// Writes the document's reports and every finding's case into `dir`.
void write_findings(const request::json& doc, const std::vector<corpus::test_case>& cases,
                    const std::filesystem::path& dir);

// Reads `dirs` and writes their union into `out`; a message when a folder cannot be read.
std::optional<std::string> merge_findings(const std::vector<std::filesystem::path>& dirs,
                                          const std::filesystem::path& out);

}  // namespace upspec::fuzz
