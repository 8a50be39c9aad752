#include "corpus/catalog.hpp"

#include <algorithm>

namespace upspec::corpus {

case_builder& case_builder::level(corpus::level l) {
  e_.c.requirement = l;
  return *this;
}
case_builder& case_builder::rule(std::string rule, std::string cite) {
  e_.c.rule = std::move(rule);
  e_.c.cite = std::move(cite);
  return *this;
}
case_builder& case_builder::multipart(const encoder::encoded_request& r) {
  content_type(r.content_type);
  e_.c.request.body = r.body;
  return *this;
}
case_builder& case_builder::content_type(std::string value) {
  auto& h = e_.c.request.headers;
  h.erase(
      std::remove_if(h.begin(), h.end(), [](const auto& kv) { return kv.first == "Content-Type"; }),
      h.end());
  h.insert(h.begin(), {"Content-Type", std::move(value)});
  return *this;
}
case_builder& case_builder::header(std::string name, std::string value) {
  e_.c.request.headers.emplace_back(std::move(name), std::move(value));
  return *this;
}
case_builder& case_builder::body(std::string bytes) {
  e_.c.request.body = std::move(bytes);
  return *this;
}
case_builder& case_builder::method(std::string m, std::string target) {
  e_.c.request.method = std::move(m);
  e_.c.request.target = std::move(target);
  return *this;
}
case_builder& case_builder::large(large_body b) {
  e_.c.request.large = std::move(b);
  return *this;
}
case_builder& case_builder::via(transport t) {
  e_.c.request.how = t;
  return *this;
}
case_builder& case_builder::limits(request::limits l) {
  e_.c.limits = l;
  return *this;
}
case_builder& case_builder::needs(std::string field) {
  e_.c.requires_fields.push_back(std::move(field));
  return *this;
}
case_builder& case_builder::origin(std::string o) {
  e_.c.origin = std::move(o);
  return *this;
}
case_builder& case_builder::intends(int status, std::optional<std::string> code) {
  e_.intent_status = status;
  e_.intent_code = std::move(code);
  return *this;
}
case_builder& case_builder::accepts(std::vector<int> status, verdict gives, std::string note) {
  e_.c.expect.alternatives.push_back({std::move(status), gives, std::move(note), std::nullopt});
  return *this;
}
case_builder& case_builder::accepts_data(std::function<json(json)> alter, verdict gives,
                                         std::string note) {
  e_.data_alternatives.push_back({gives, std::move(note), std::move(alter)});
  return *this;
}

case_builder catalog::add(const std::string& category, const std::string& name,
                          const std::string& title) {
  catalog_entry e;
  e.c.id = category + "." + name;
  e.c.category = category;
  e.c.title = title;
  entries_.push_back(std::move(e));
  return case_builder(entries_.back());
}

catalog build_catalog() {
  catalog cat;
  add_spec_example_cases(cat);
  add_field_order_cases(cat);
  add_operations_cases(cat);
  add_map_cases(cat);
  add_object_path_cases(cat);
  add_deduplication_cases(cat);
  add_batching_cases(cat);
  add_file_cases(cat);
  add_multipart_syntax_cases(cat);
  add_name_star_cases(cat);
  add_content_type_cases(cat);
  add_limit_cases(cat);
  add_transport_cases(cat);
  add_upload_scalar_cases(cat);
  add_csrf_cases(cat);
  add_large_file_cases(cat);
  add_json_request_cases(cat);
  return cat;
}

}  // namespace upspec::corpus
