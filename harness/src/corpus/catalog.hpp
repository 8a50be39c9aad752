#pragma once
// The catalog: every case of the corpus, written as code so that its bytes are built by the
// encoder and its expectation comes from the reference. Each case also states the status and
// code its author intends; `upspec corpus generate` refuses to write a case whose intent the
// reference contradicts.

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/test_case.hpp"
#include "upspec/encoder/encoder.hpp"

namespace upspec::corpus {

// A 200 alternative whose data is the reference's data altered, made once the reference answers.
struct data_alternative {
  verdict gives;
  std::string note;
  std::function<json(json)> alter;
};

struct catalog_entry {
  test_case c;
  std::optional<int> intent_status;  // absent: the reference decides alone
  std::optional<std::string> intent_code;
  std::vector<data_alternative> data_alternatives;
};

class case_builder {
 public:
  explicit case_builder(catalog_entry& e) : e_(e) {}
  case_builder& level(corpus::level l);
  case_builder& rule(std::string rule, std::string cite);
  // Content-Type and body from the encoder.
  case_builder& multipart(const encoder::encoded_request& r);
  case_builder& content_type(std::string value);  // replaces the Content-Type header
  case_builder& header(std::string name, std::string value);
  case_builder& body(std::string bytes);
  case_builder& method(std::string m, std::string target = {});
  case_builder& large(large_body b);
  case_builder& via(transport t);
  case_builder& limits(request::limits l);
  case_builder& needs(std::string field);
  case_builder& origin(std::string o);
  case_builder& intends(int status, std::optional<std::string> code = std::nullopt);
  case_builder& accepts(std::vector<int> status, verdict gives, std::string note);
  // A 200 whose data differs from the reference's: built from the reference's data (known only
  // once it has answered) by `alter`.
  case_builder& accepts_data(std::function<json(json)> alter, verdict gives, std::string note);

 private:
  catalog_entry& e_;
};

class catalog {
 public:
  case_builder add(const std::string& category, const std::string& name, const std::string& title);
  const std::deque<catalog_entry>& entries() const { return entries_; }

 private:
  std::deque<catalog_entry> entries_;  // stable addresses for the builders
};

// Every category's cases, in a stable order.
catalog build_catalog();

// One function per category, each in its own file; multipart-syntax's name* cases have their own.
void add_spec_example_cases(catalog& cat);
void add_field_order_cases(catalog& cat);
void add_operations_cases(catalog& cat);
void add_map_cases(catalog& cat);
void add_object_path_cases(catalog& cat);
void add_deduplication_cases(catalog& cat);
void add_batching_cases(catalog& cat);
void add_file_cases(catalog& cat);
void add_multipart_syntax_cases(catalog& cat);
void add_name_star_cases(catalog& cat);
void add_content_type_cases(catalog& cat);
void add_limit_cases(catalog& cat);
void add_transport_cases(catalog& cat);
void add_upload_scalar_cases(catalog& cat);
void add_csrf_cases(catalog& cat);
void add_large_file_cases(catalog& cat);
void add_json_request_cases(catalog& cat);

}  // namespace upspec::corpus
