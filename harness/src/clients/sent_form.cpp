#include "clients/sent_form.hpp"

#include "upspec/multipart/boundary.hpp"
#include "upspec/multipart/parser.hpp"

namespace upspec::clients {
namespace {

class collector final : public multipart::parser_events {
 public:
  explicit collector(sent_form& form) : form_(form) {}
  void on_part_begin() override { form_.parts.emplace_back(); }
  void on_header(std::string_view name, std::string_view value) override {
    sent_part& p = form_.parts.back();
    p.headers.emplace_back(name, value);
    if (multipart::iequals(name, "content-disposition")) {
      if (p.dispositions++ == 0) p.disposition = std::string(value);
    } else if (multipart::iequals(name, "content-type") && !p.content_type) {
      p.content_type = std::string(value);
    }
  }
  void on_headers_complete() override {
    sent_part& p = form_.parts.back();
    if (!p.disposition) return;
    p.parameters = multipart::parse_parameterized_value(*p.disposition);
    if (!p.parameters) return;
    // The reference's reading of the parameters: `name` alone names a part, and `filename`
    // wins over a `filename*` (reference/src/multipart/part_headers.cpp).
    if (const auto* name = p.parameters->find("name")) p.name = name->value;
    if (const auto* filename = p.parameters->find("filename")) p.filename = filename->value;
  }
  void on_part_data(std::string_view bytes) override { form_.parts.back().content.append(bytes); }
  void on_part_end() override {}
  void on_body_end() override { form_.closed = true; }

 private:
  sent_form& form_;
};

}  // namespace

bool sent_part::has_parameter(std::string_view lowercase_name) const {
  return parameters && parameters->find(lowercase_name) != nullptr;
}

sent_form read_form(std::string_view content_type, std::string_view body) {
  sent_form form;
  auto boundary = multipart::boundary_from_content_type(content_type);
  if (!boundary) {
    form.content_type = boundary.error();
    return form;
  }
  form.boundary = *boundary;
  multipart::parser parser(*form.boundary);
  collector events(form);
  parser.feed(body, events);
  parser.finish(events);
  form.syntax = parser.error();
  return form;
}

}  // namespace upspec::clients
