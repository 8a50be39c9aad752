#include "run/judge.hpp"

#include <algorithm>

#include "corpus/reference_answer.hpp"

namespace upspec::run {
namespace {

using corpus::json;
using corpus::verdict;

// Worse verdicts win when several findings apply.
int severity(verdict v) {
  switch (v) {
    case verdict::pass:
      return 0;
    case verdict::info:
      return 1;
    case verdict::non_strict:
      return 2;
    case verdict::fail:
      return 4;
    case verdict::error:
      return 3;
    case verdict::unsupported:
      return 0;
  }
  return 0;
}

verdict at_most_non_strict(verdict v) {
  return severity(v) > severity(verdict::non_strict) ? verdict::non_strict : v;
}

// A 4xx that refuses the request for what it is; 404 says the URL is wrong, not the request.
bool is_refusal(int status) {
  return status >= 400 && status < 500 && status != 404;
}

// A GraphQL response for a request that failed before execution: no data entry (GraphQL spec
// §7.1.2), or a null one with no error at a field path.
bool is_request_error(const json& body) {
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array()) return false;
  if (!body.contains("data")) return true;
  // Some servers add "data": null to request errors; field errors would carry a path.
  if (!body["data"].is_null()) return false;
  for (const auto& e : body["errors"])
    if (e.is_object() && e.contains("path")) return false;
  return true;
}

// The members of UploadedFile that say which bytes arrived: a difference only there is a file
// received wrong, not an answer of another shape.
bool is_file_fact(const std::string& key) {
  return key == "sha256" || key == "size" || key == "filename";
}

// Whether two data trees have the same shape and differ only in files' bytes, sizes or names.
bool differ_only_in_files(const json& actual, const json& want, const std::string& key = {}) {
  if (actual == want) return true;
  if (is_file_fact(key)) return true;
  if (actual.type() != want.type()) return false;
  if (want.is_object()) {
    if (actual.size() != want.size()) return false;
    for (const auto& [k, v] : want.items())
      if (!actual.contains(k) || !differ_only_in_files(actual[k], v, k)) return false;
    return true;
  }
  if (want.is_array()) {
    if (actual.size() != want.size()) return false;
    for (std::size_t i = 0; i < want.size(); ++i)
      if (!differ_only_in_files(actual[i], want[i])) return false;
    return true;
  }
  return false;
}

// The data of a 200 answer as the expectation holds it: a batch's as an array of each result's.
json data_of(const json& body, bool batch) {
  if (!batch) return body.is_object() ? body.value("data", json()) : json();
  if (!body.is_array()) return json();
  json out = json::array();
  for (const auto& r : body) out.push_back(r.is_object() ? r.value("data", json()) : json());
  return out;
}

// Compares one GraphQL result with its expected data and errors; returns what differs. With
// `loose`, an expected error without an upspec code is met by any error the answer has left.
std::vector<std::string> compare_result(const json& actual, const std::optional<json>& data,
                                        const std::vector<corpus::expected_error>& errors,
                                        const json& operation, bool codes, bool loose) {
  std::vector<std::string> diffs;
  const std::string where = operation.is_null() ? "" : "operation " + operation.dump() + ": ";
  if (!actual.is_object()) return {where + "the result is not a JSON object"};
  const bool has_data = actual.contains("data") && !actual["data"].is_null();
  if (data && !data->is_null()) {
    if (!actual.contains("data"))
      diffs.push_back(where + "no data, expected " + data->dump());
    else if (actual["data"] != *data)
      diffs.push_back(where + "data " + actual["data"].dump() + ", expected " + data->dump());
  } else if (has_data) {
    diffs.push_back(where + "data " + actual["data"].dump() + ", expected none");
  }
  const json actual_errors = actual.value("errors", json::array());
  std::vector<bool> matched(actual_errors.size(), false);
  std::size_t loose_wanted = 0;
  for (const auto& want : errors) {
    const json& want_path = want.path.is_object() ? want.path["path"] : want.path;
    if (want.path.is_object() && want.path["operation"] != operation) continue;
    if (loose && want.code.empty()) {
      ++loose_wanted;
      continue;
    }
    bool found = false;
    for (std::size_t i = 0; i < actual_errors.size() && !found; ++i) {
      const json& e = actual_errors[i];
      const json path = e.is_object() && e.contains("path") ? e["path"] : json(nullptr);
      if (matched[i] || path != want_path) continue;
      if (codes && !want.code.empty() && corpus::code_of_error(e) != want.code) continue;
      matched[i] = found = true;
    }
    if (!found)
      diffs.push_back(where + "missing error at " + want_path.dump() +
                      (want.code.empty() ? "" : " (" + want.code + ")"));
  }
  const auto unmatched =
      static_cast<std::size_t>(std::count(matched.begin(), matched.end(), false));
  if (loose_wanted > 0) {
    // The engine's own errors, worded and placed its own way: any will do, as many as it likes.
    if (unmatched == 0) diffs.push_back(where + "missing error (any GraphQL error)");
    return diffs;
  }
  for (std::size_t i = 0; i < actual_errors.size(); ++i)
    if (!matched[i]) {
      const json& e = actual_errors[i];
      diffs.push_back(
          where + "unexpected error: " + (e.is_object() ? e.value("message", e.dump()) : e.dump()));
    }
  return diffs;
}

// Compares a 200 answer's body (`actual`, already parsed) with the expected data and errors.
std::vector<std::string> compare_body(const std::optional<json>& data,
                                      const std::vector<corpus::expected_error>& errors,
                                      const json& actual, bool codes, bool loose) {
  if (actual.is_discarded()) return {"the 200 answer is not JSON"};
  if (data && data->is_array()) {
    if (!actual.is_array()) return {"expected a batch (array) result"};
    if (actual.size() != data->size())
      return {"batch of " + std::to_string(actual.size()) + " results, expected " +
              std::to_string(data->size())};
    std::vector<std::string> diffs;
    for (std::size_t i = 0; i < actual.size(); ++i) {
      std::vector<corpus::expected_error> mine;
      for (const auto& e : errors)
        if (e.path.is_object() && e.path["operation"] == json(i)) mine.push_back(e);
      auto d = compare_result(actual[i], (*data)[i], mine, json(i), codes, loose);
      diffs.insert(diffs.end(), d.begin(), d.end());
    }
    return diffs;
  }
  return compare_result(actual, data, errors, nullptr, codes, loose);
}

// The first alternative whose data the 200 answer matches exactly (with the reference's errors).
const corpus::alternative* data_alternative_matching(const corpus::expectation& want,
                                                     const json& actual, bool codes) {
  for (const auto& a : want.alternatives)
    if (a.data &&
        compare_body(a.data, want.errors, actual, codes, want.graphql_errors_loose).empty())
      return &a;
  return nullptr;
}

// No answer. The server's fault (a hang, a dropped connection, garbage) when it was reached and
// owed one; ERROR only when nothing could be reached or upspec could not send the case.
void judge_silence(judgement& j, const corpus::expectation& want, const observation& seen) {
  const std::string& why = seen.transport_error;
  switch (seen.why_none) {
    case silence::unreachable:
      worsen(j, verdict::error, problem::unjudged,
             want.status == 0 ? "the target never accepted the connection: " + why : why);
      return;
    case silence::harness:
    case silence::none:  // no answer, and nothing recorded why: upspec's own fault
      worsen(j, verdict::error, problem::unjudged, "upspec could not send the case: " + why);
      return;
    case silence::aborted:
      return;
    default:
      break;
  }
  if (want.status == 0) return;  // an aborted request owes no answer
  switch (seen.why_none) {
    case silence::timeout:
      worsen(j, verdict::fail, problem::hang, "hang: no answer within the timeout (" + why + ")");
      break;
    case silence::not_http:
      worsen(j, verdict::fail, problem::garbage, "the answer is not HTTP/1.1 (" + why + ")");
      break;
    case silence::too_large:
      worsen(j, verdict::fail, problem::garbage,
             "the answer is larger than upspec reads (" + why + ")");
      break;
    default:
      worsen(j, verdict::fail, problem::dropped,
             "the connection was closed without an answer (" + why + ")");
  }
}

}  // namespace

verdict missed(corpus::level l) {
  switch (l) {
    case corpus::level::must:
      return verdict::fail;
    case corpus::level::should:
      return verdict::non_strict;
    case corpus::level::may:
      return verdict::info;
  }
  return verdict::fail;
}

void worsen(judgement& j, verdict v, problem p, std::string finding) {
  if (severity(v) > severity(j.verdict)) j.verdict = v;
  j.findings.push_back(std::move(finding));
  j.problems.push_back(p);
}

std::string_view to_string(problem p) {
  switch (p) {
    case problem::unjudged:
      return "unjudged";
    case problem::mismatch:
      return "fail";
    case problem::corruption:
      return "corruption";
    case problem::server_error:
      return "5xx";
    case problem::dropped:
      return "dropped";
    case problem::garbage:
      return "garbage";
    case problem::hang:
      return "hang";
    case problem::broken_connection:
      return "broken-connection";
    case problem::exited:
      return "exit";
    case problem::poisoned:
      return "poison";
    case problem::slow:
      return "slow";
  }
  return "?";
}

problem primary(const std::vector<problem>& problems) {
  // Most harmful first: what takes the whole server down, then what hurts one request.
  static constexpr problem kOrder[] = {
      problem::exited,  problem::hang,         problem::poisoned,   problem::dropped,
      problem::garbage, problem::server_error, problem::corruption, problem::broken_connection,
      problem::slow,    problem::mismatch,     problem::unjudged};
  for (problem p : kOrder)
    if (std::find(problems.begin(), problems.end(), p) != problems.end()) return p;
  return problem::mismatch;
}

std::string expected_summary(const corpus::expectation& e) {
  if (e.status == 0) return "no answer owed";
  std::string s = std::to_string(e.status);
  if (e.code) s += " " + *e.code;
  for (const auto& err : e.errors)
    if (!err.code.empty())
      s += (s.find(" with ") == std::string::npos ? " with " : ", ") + err.code;
  return s;
}

std::optional<judgement> unsupported_by(const corpus::test_case& c, const target_traits& target) {
  for (const auto& field : c.requires_fields)
    if (target.unsupported_fields.count(field)) {
      judgement j;
      j.verdict = verdict::unsupported;
      j.findings.push_back("the target does not serve the " + field + " field");
      j.problems.push_back(problem::unjudged);
      j.actual_summary = "not run";
      return j;
    }
  return std::nullopt;
}

judgement judge(const corpus::test_case& c, const target_traits& target, const observation& seen) {
  if (auto skipped = unsupported_by(c, target)) return *skipped;
  judgement j;
  const corpus::expectation& want = c.expect;
  if (!seen.response) {
    j.actual_summary = "no answer";
    judge_silence(j, want, seen);
  } else {
    const client::http_response& r = *seen.response;
    const json body = json::parse(r.body, nullptr, false);
    j.actual_code = corpus::error_code_of(body);
    j.actual_summary =
        std::to_string(r.status) + (j.actual_code ? " " + *j.actual_code : std::string());
    if (want.status == 0) {
      // An aborted request owes no answer; any answer is fine. The canary judges the server.
    } else if (r.status >= 500) {
      worsen(j, verdict::fail, problem::server_error,
             "server error " + std::to_string(r.status) + " (crash or unhandled input)");
    } else if (r.status == want.status) {
      std::vector<std::string> diffs;
      problem kind = problem::mismatch;
      if (r.status == 200) {
        diffs = compare_body(want.data, want.errors, body, target.upspec_codes,
                             want.graphql_errors_loose);
        j.actual_summary += diffs.empty() ? " result as expected" : " result differs";
        const corpus::alternative* alt =
            diffs.empty() ? nullptr : data_alternative_matching(want, body, target.upspec_codes);
        if (alt != nullptr) {
          worsen(j, alt->gives, problem::mismatch,
                 "data differs from the reference's (an accepted alternative: " + alt->note +
                     "): " + diffs.front());
          diffs.clear();
        }
        if (!diffs.empty() && want.data) {
          const json got = data_of(body, want.data->is_array());
          if (got != *want.data && differ_only_in_files(got, *want.data))
            kind = problem::corruption;
        }
      } else if (target.upspec_codes && want.code && j.actual_code != want.code) {
        diffs.push_back("code " + j.actual_code.value_or("(none)") + ", expected " + *want.code);
      }
      for (auto& d : diffs) worsen(j, missed(c.requirement), kind, std::move(d));
    } else {
      // An alternative names a status; another refusal than the one it names is as good, as with
      // the expected status itself.
      const corpus::alternative* alt = nullptr;
      for (const auto& a : want.alternatives)
        for (int s : a.status)
          if (s == r.status && alt == nullptr) alt = &a;
      for (const auto& a : want.alternatives)
        for (int s : a.status)
          if (is_refusal(s) && is_refusal(r.status) && alt == nullptr) alt = &a;
      // A generated request's error may be refused by a server's own layer, in its own words.
      // For a generated request, `"data": null` with errors is a request error too: engines
      // differ on whether an operation that cannot run (a subscription over POST) got that far.
      const bool nothing_ran =
          !want.data || (want.graphql_errors_loose && want.data->is_null() && !want.errors.empty());
      const bool request_error_as_4xx =
          want.status == 200 && nothing_ran && r.status >= 400 && r.status < 500 &&
          ((body.is_object() && body.contains("errors")) || want.graphql_errors_loose);
      if (alt != nullptr) {
        worsen(j, alt->gives, problem::mismatch,
               "status " + std::to_string(r.status) + ", expected " + std::to_string(want.status) +
                   " (an accepted alternative: " + alt->note + ")");
      } else if (request_error_as_4xx) {
        worsen(j, verdict::non_strict, problem::mismatch,
               "a request error answered with " + std::to_string(r.status) +
                   " instead of 200 (GraphQL over HTTP allows it, but application/json SHOULD use "
                   "200)");
      } else if (is_refusal(want.status) && r.status == 200 && c.request.method == "GET" &&
                 body.is_discarded()) {
        // A GET the server does not take as GraphQL at all (an explorer page): nothing ran.
        worsen(j, at_most_non_strict(missed(c.requirement)), problem::mismatch,
               "answered 200 with something that is not a GraphQL response (nothing executed), "
               "expected " +
                   expected_summary(want));
      } else if (is_refusal(want.status) && r.status == 200 && is_request_error(body)) {
        // Refused, nothing executed, but with 200: GraphQL over HTTP asks 400 of a request that
        // is not well-formed, as a SHOULD.
        worsen(j, at_most_non_strict(missed(c.requirement)), problem::mismatch,
               "refused with 200 and errors (nothing executed), expected " +
                   expected_summary(want) + " (GraphQL over HTTP: SHOULD be 4xx)");
      } else if (is_refusal(want.status) && is_refusal(r.status)) {
        // Refused as it must be; which 4xx says why (RFC 9110 §15.5), and that is a SHOULD.
        worsen(j, at_most_non_strict(missed(c.requirement)), problem::mismatch,
               "refused with " + std::to_string(r.status) + ", expected " + expected_summary(want) +
                   " (RFC 9110 §15.5: the status SHOULD say why)");
      } else {
        worsen(j, missed(c.requirement), problem::mismatch,
               "status " + std::to_string(r.status) + ", expected " + expected_summary(want));
      }
    }
  }
  if (seen.connection_unusable)
    worsen(j, verdict::fail, problem::broken_connection,
           "the connection stayed open after the answer but a request on it then failed");
  if (!seen.server_exited.empty())
    worsen(j, verdict::fail, problem::exited,
           "the server process " + seen.server_exited + " during the case");
  if (seen.unresponsive)
    worsen(j, verdict::fail, problem::hang,
           "the whole server stopped answering: the canary on a fresh connection got no answer "
           "either (" +
               seen.canary_error + ")");
  else if (seen.canary_failed)
    worsen(j, verdict::fail, problem::poisoned,
           "poisons the server: the canary request afterwards failed (" + seen.canary_error + ")");
  return j;
}

}  // namespace upspec::run
