#include "clients/judge.hpp"

#include <algorithm>

#include "clients/rules.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::clients {
namespace {

// Every rule applied to one request, in the order of all_rules(): the findings read from the
// outside in (HTTP, multipart, fields, what the reference decodes).
findings check_request(const scenario& s, const expected_request& want,
                       const serve::recorded_request& http, const json& outcome) {
  const sent_form form = read_form(header_value(http, "content-type").value_or(""), http.body);
  sent_request r{s, want, http, form, outcome, std::nullopt, std::nullopt};
  read_fields(r);
  findings out;
  for (auto check : {check_method_post,        check_multipart_content_type,
                     check_boundary_syntax,    check_body_complete,
                     check_content_length,     check_requested_headers,
                     check_multipart_syntax,   check_boundary_not_in_content,
                     check_filename_escaping,  check_one_content_disposition,
                     check_disposition_syntax, check_no_extended_parameters,
                     check_filename_preserved, check_filename_present,
                     check_file_content_type,  check_text_fields,
                     check_field_order,        check_operations_field,
                     check_map_field,          check_null_placeholders,
                     check_file_fields_once,   check_no_extra_parts,
                     check_deduplication,      check_decoded_outcome})
    check(r, out);
  if (std::find(s.checks.begin(), s.checks.end(), rules::preflight_header.id) != s.checks.end())
    check_preflight_header(r, out);
  return out;
}

std::string summary_of(const json& outcome) {
  if (outcome.contains("error") && !outcome["error"].is_null())
    return std::to_string(outcome.value("status", 0)) + " " + outcome["error"].value("code", "");
  const auto files = outcome.value("uploads", json::object()).size();
  return std::to_string(outcome.value("status", 0)) + ", " + std::to_string(files) +
         (files == 1 ? " file" : " files");
}

}  // namespace

const std::vector<const rule*>& all_rules() {
  using namespace rules;
  static const std::vector<const rule*> all{&request_sent,
                                            &single_request,
                                            &method_post,
                                            &multipart_content_type,
                                            &boundary_syntax,
                                            &body_complete,
                                            &content_length,
                                            &requested_headers,
                                            &preflight_header,
                                            &multipart_syntax,
                                            &boundary_not_in_content,
                                            &filename_escaping,
                                            &one_content_disposition,
                                            &disposition_syntax,
                                            &no_extended_parameters,
                                            &filename_preserved,
                                            &filename_present,
                                            &file_content_type,
                                            &text_fields,
                                            &field_order,
                                            &operations_field,
                                            &map_field,
                                            &null_placeholders,
                                            &file_fields_once,
                                            &no_extra_parts,
                                            &deduplication,
                                            &decoded_outcome};
  return all;
}

std::optional<run::judgement> unsupported_by(const scenario& s, const client_traits& client) {
  for (const auto& feature : s.requires_features)
    if (client.unsupported.count(feature)) {
      run::judgement j;
      j.verdict = corpus::verdict::unsupported;
      j.findings.push_back("the client library cannot express " + feature);
      j.problems.push_back(run::problem::unjudged);
      j.actual_summary = "not run";
      return j;
    }
  return std::nullopt;
}

run::judgement judge_scenario(const scenario& s, const expected_request& want,
                              const std::vector<serve::recorded_request>& sent,
                              const std::string& adapter_said) {
  run::judgement j;
  const auto add = [&j](const finding& f) {
    run::worsen(j, run::missed(f.broken->level), run::problem::mismatch,
                std::string(f.broken->id) + " (" + std::string(corpus::to_string(f.broken->level)) +
                    "): " + f.what);
  };
  if (sent.empty()) {
    j.actual_summary = "no request";
    add({&rules::request_sent,
         "no request arrived for this scenario" +
             (adapter_said.empty() ? std::string() : "; the adapter said: " + adapter_said)});
    return j;
  }
  if (sent.size() > 1)
    add({&rules::single_request,
         std::to_string(sent.size()) + " requests arrived for this scenario; the first is judged"});
  const serve::recorded_request& first = sent.front();
  const json outcome =
      request::reference_outcome(header_value(first, "content-type").value_or(""), first.body);
  j.actual_summary = summary_of(outcome);
  if (outcome.contains("error") && !outcome["error"].is_null())
    j.actual_code = outcome["error"].value("code", "");
  for (const auto& f : check_request(s, want, first, outcome)) add(f);
  return j;
}

}  // namespace upspec::clients
