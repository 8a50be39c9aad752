#pragma once
// The rules a client's request is judged by (docs/clients.md, "Rules"). Each lives in one
// check function, in the file of its layer: request_rules.cpp (HTTP), form_rules.cpp
// (multipart/form-data), field_rules.cpp (the specification's fields), outcome_rule.cpp (what the
// reference decodes). A miss of a rule is a finding at the rule's level.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clients/expected_request.hpp"
#include "clients/scenario.hpp"
#include "clients/sent_form.hpp"
#include "corpus/test_case.hpp"
#include "serve/recorded_request.hpp"

namespace upspec::clients {

struct rule {
  std::string_view id;
  corpus::level level;
  std::string_view cite;
};

struct finding {
  const rule* broken;
  std::string what;
};

using findings = std::vector<finding>;

// Everything the checks of one request read.
struct sent_request {
  const scenario& s;
  const expected_request& want;
  const serve::recorded_request& http;
  const sent_form& form;
  const json& outcome;  // the reference outcome of the body (upspec reference)
  // The operations and map fields as sent, when each is one part of valid JSON of its type.
  std::optional<json> operations;
  std::optional<std::map<std::string, std::vector<std::string>>> map;
};

// Every rule, in the order reports and docs list them.
const std::vector<const rule*>& all_rules();

namespace rules {
extern const rule request_sent, single_request, method_post, multipart_content_type,
    boundary_syntax, body_complete, content_length, requested_headers, preflight_header;
extern const rule multipart_syntax, boundary_not_in_content, one_content_disposition,
    disposition_syntax, no_extended_parameters, filename_escaping, filename_preserved,
    filename_present, file_content_type, text_fields;
extern const rule field_order, operations_field, map_field, null_placeholders, file_fields_once,
    no_extra_parts, deduplication;
extern const rule decoded_outcome;
}  // namespace rules

// request_rules.cpp
void check_method_post(const sent_request& r, findings& out);
void check_multipart_content_type(const sent_request& r, findings& out);
void check_boundary_syntax(const sent_request& r, findings& out);
void check_body_complete(const sent_request& r, findings& out);
void check_content_length(const sent_request& r, findings& out);
void check_requested_headers(const sent_request& r, findings& out);
void check_preflight_header(const sent_request& r, findings& out);

// form_rules.cpp
void check_multipart_syntax(const sent_request& r, findings& out);
void check_boundary_not_in_content(const sent_request& r, findings& out);
void check_one_content_disposition(const sent_request& r, findings& out);
void check_disposition_syntax(const sent_request& r, findings& out);
void check_no_extended_parameters(const sent_request& r, findings& out);
void check_filename_escaping(const sent_request& r, findings& out);
void check_filename_preserved(const sent_request& r, findings& out);
void check_filename_present(const sent_request& r, findings& out);
void check_file_content_type(const sent_request& r, findings& out);
void check_text_fields(const sent_request& r, findings& out);

// field_rules.cpp
void read_fields(sent_request& r);  // fills r.operations and r.map
void check_field_order(const sent_request& r, findings& out);
void check_operations_field(const sent_request& r, findings& out);
void check_map_field(const sent_request& r, findings& out);
void check_null_placeholders(const sent_request& r, findings& out);
void check_file_fields_once(const sent_request& r, findings& out);
void check_no_extra_parts(const sent_request& r, findings& out);
void check_deduplication(const sent_request& r, findings& out);

// outcome_rule.cpp
void check_decoded_outcome(const sent_request& r, findings& out);

// Shared by the checks: the expected file a part carries, found through the map paths of the
// part's field name (nullptr when its field is not in the map or its paths hold no file).
const expected_file* file_of_part(const sent_request& r, const sent_part& p);
// A header's value (the first of that name, any case), or nullopt.
std::optional<std::string> header_value(const serve::recorded_request& h, std::string_view name);
// A value quoted for a finding: JSON string syntax, so control characters show.
std::string shown(std::string_view text);

}  // namespace upspec::clients
