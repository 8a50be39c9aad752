#include "run/runner.hpp"

#include <atomic>
#include <thread>

#include "corpus/reference_answer.hpp"
#include "run/session.hpp"

namespace upspec::run {

std::optional<corpus::test_case> adapt_to_limits(const corpus::test_case& c,
                                                 const request::limits& limits) {
  if (c.limits == limits) return c;
  if (c.category == "limits") return std::nullopt;
  corpus::test_case adapted = c;
  adapted.limits = limits;
  if (c.request.how.mode != corpus::transport_mode::abort)
    adapted.expect = corpus::expectation_from(corpus::reference_reply(adapted), c.expect);
  return adapted;
}

std::optional<corpus::test_case> adapt_to_target(const corpus::test_case& c, const target& t) {
  auto adapted = adapt_to_limits(c, t.limits);
  if (adapted && t.max_request_size && adapted->request.body_size() > *t.max_request_size &&
      adapted->expect.status != 0) {
    corpus::expectation refused;
    refused.status = 413;
    adapted->expect = refused;  // over the request size limit the target declares
  }
  return adapted;
}

target_run run_target(const target& t, const std::vector<corpus::test_case>& cases,
                      const run_options& options, const result_callback& on_result,
                      server_control* control) {
  target_run out;
  out.t = t;
  out.results.resize(cases.size());
  target_session session(t, options, control);
  out.url = session.url();

  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    target_session::connections mine;
    for (std::size_t i; (i = next.fetch_add(1)) < cases.size();) {
      const corpus::test_case& original = cases[i];
      std::optional<corpus::test_case> adapted =
          t.builtin ? std::optional<corpus::test_case>(original) : adapt_to_target(original, t);
      case_result r;
      if (!adapted) {
        r.j.verdict = corpus::verdict::unsupported;
        r.j.findings.push_back("the case assumes other limits than the target declares");
        r.j.problems.push_back(problem::unjudged);
        r.j.actual_summary = "not run";
      } else if (auto skipped = unsupported_by(*adapted, t.traits)) {
        r.j = std::move(*skipped);
      } else {
        r = session.play(*adapted, mine);
      }
      r.case_index = i;
      out.results[i] = std::move(r);
      if (on_result) on_result(t, original, out.results[i]);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < std::max(1u, options.jobs); ++k) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
  out.note = session.note();
  out.answered = session.ever_answered();
  out.first_silence = session.first_silence();
  return out;
}

}  // namespace upspec::run
