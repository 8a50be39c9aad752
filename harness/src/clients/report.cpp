#include "clients/report.hpp"

namespace upspec::clients {

corpus::test_case as_case(const scenario& s, const expected_request& want) {
  corpus::test_case c;
  c.id = s.id;
  c.title = s.title;
  c.category = s.category;
  c.requirement = s.requirement;
  c.rule = s.rule;
  c.cite = s.cite;
  c.origin = "client-scenario";
  const auto canonical = canonical_request(want);
  c.request.headers.emplace_back("Content-Type", canonical.content_type);
  for (const auto& h : s.headers) c.request.headers.push_back(h);
  c.request.body = canonical.body;
  c.expect.status = 200;
  return c;
}

corpus::json clients_index(const std::vector<scenario>& scenarios,
                           const std::vector<expected_request>& expected,
                           const std::vector<run::target_run>& runs, const run::run_info& info) {
  std::vector<corpus::test_case> cases;
  cases.reserve(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    cases.push_back(as_case(scenarios[i], expected[i]));
  corpus::json index = run::build_index(cases, runs, info);
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    index["cases"][i]["expected"]["summary"] = expected_summary(expected[i]);
  return index;
}

}  // namespace upspec::clients
