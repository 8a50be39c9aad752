// Each named mutation of a valid request yields exactly its error code and status, and
// nothing else of the outcome changes.
#include <set>

#include "check.hpp"
#include "upspec/properties/expectations.hpp"
#include "upspec/properties/mutations.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::properties {
namespace {

const mutation_info& info_of(const std::string& name) {
  for (const auto& m : mutation_catalog())
    if (m.name == name) return m;
  throw std::invalid_argument(name);
}

UPSPEC_PROPERTY(Mutations, EachYieldsExactlyItsCodeAndStatus, ()) {
  const mutated_request m = *gen_mutated_request();
  RC_TAG(m.name);
  const json outcome = normalize(request::reference_outcome(m.content_type, m.body, m.limits));
  RC_LOG() << "outcome:  " << request::dump_json(outcome).substr(0, 4000)
           << "\nexpected: " << request::dump_json(m.expected).substr(0, 4000) << "\n";
  RC_ASSERT(outcome_matches(outcome, m.expected));

  // The expectation itself carries the catalog's code and status.
  const mutation_info& info = info_of(m.name);
  RC_ASSERT(outcome["status"].get<int>() == info.status);
  if (info.status != 200) {
    RC_ASSERT(outcome["error"]["code"].get<std::string>() == info.code);
  } else {
    bool seen = false;
    for (const auto& [field, u] : outcome["uploads"].items())
      seen = seen || (u.contains("error") && u["error"]["code"] == info.code);
    RC_ASSERT(seen);
  }
}

TEST(Mutations, CatalogCoversEveryCodeTheProcessorDecides) {
  // design.md, "Error codes", but the Upload scalar's: those come from the GraphQL executor.
  const std::vector<std::string> table{
      "request.content_type", "multipart.malformed",     "multipart.truncated",
      "operations.missing",   "operations.invalid_json", "operations.invalid_type",
      "map.missing",          "map.misordered",          "map.invalid_json",
      "map.invalid_type",     "map.entry_invalid_type",  "map.path_invalid_type",
      "map.path_invalid",     "file.misordered",         "file.missing",
      "limit.field_size",     "limit.file_size",         "limit.files"};
  std::set<std::string> covered;
  for (const auto& m : mutation_catalog()) covered.insert(std::string(m.code));
  for (const auto& code : table) {
    EXPECT_TRUE(error_code_from_name(code).has_value()) << code << " is not a reference code";
    EXPECT_TRUE(covered.count(code)) << code << " has no mutation";
  }
  EXPECT_EQ(covered.size(), table.size());
}

}  // namespace
}  // namespace upspec::properties
