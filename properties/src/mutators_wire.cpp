// Mutations of the Content-Type and of the multipart syntax.
#include <algorithm>

#include "mutators.hpp"
#include "upspec/properties/encoding.hpp"

namespace upspec::properties::mutators {

mutated_request start(const generated_request& g) {
  return {"", g.content_type, g.encoding.boundary, g.body, {}, {}};
}

std::string body_of(const generated_request& g) {
  return encoder::encode_form(form_parts(g.parts), g.encoding).body;
}

std::string boundary_parameter(const generated_request& g) {
  const std::string& b = g.encoding.boundary;
  return boundary_needs_quotes(b) ? "\"" + b + "\"" : b;
}

mutated_request content_type_not_multipart(const generated_request& g) {
  mutated_request m = start(g);
  const std::string b = boundary_parameter(g);
  m.content_type = *rc::gen::element<std::string>(
      "application/json", "text/plain; boundary=" + b, "multipart/mixed; boundary=" + b,
      "application/x-www-form-urlencoded", "", "multipart/form-data-x; boundary=" + b, "form-data");
  m.expected = rejection("request.content_type", 415);
  return m;
}

mutated_request content_type_no_boundary(const generated_request& g) {
  mutated_request m = start(g);
  const std::string& media = g.encoding.media_type;
  m.content_type = *rc::gen::element<std::string>(
      std::string(media), media + "; charset=utf-8",
      media + "; boundary=", media + "; boundary=\"\"",
      media + "; boundary=" + std::string(71, 'a'),
      media + "; boundary=\"" + g.encoding.boundary + " \"", media + "; boundary=a@b",
      media + "; boundary=\"ab\r\"", media + "; boundary");
  m.expected = rejection("request.content_type", 400);
  return m;
}

mutated_request no_delimiter(const generated_request& g) {
  mutated_request m = start(g);
  std::string other = "no-such-delimiter";
  while (g.body.find("--" + other) != std::string::npos) other += "0";
  m.content_type = g.encoding.media_type + "; boundary=" + other;
  m.expected = rejection("multipart.malformed", 400);
  return m;
}

// The part whose headers are broken comes before the map is applied.
std::size_t part_before_map(const generated_request& g) {
  return g.index_of(*rc::gen::element(part_role::operations, part_role::map));
}

mutated_request bare_lf_in_headers(const generated_request& g) {
  mutated_request m = start(g);
  const part_span& s = g.layout.parts[part_before_map(g)];
  const std::size_t crlf =
      *rc::gen::arbitrary<bool>() ? m.body.find("\r\n", s.header_start) : s.content_start - 2;
  m.body.replace(crlf, 2, "\n");
  m.expected = rejection("multipart.malformed", 400);
  return m;
}

std::string bad_header(bool first_line) {
  return *rc::gen::element<std::string>("no colon here\r\n", ": empty name\r\n", "bad name: x\r\n",
                                        std::string("X-Nul: a\0b\r\n", 11),
                                        "X-Ctl: a\x01"
                                        "b\r\n",
                                        "X-Del: \x7f\r\n", "X-Cr: a\rb\r\n",
                                        first_line ? " folded first line\r\n" : "no colon\r\n");
}

mutated_request bad_header_line(const generated_request& g) {
  mutated_request m = start(g);
  m.body.insert(g.layout.parts[part_before_map(g)].header_start, bad_header(true));
  m.expected = rejection("multipart.malformed", 400);
  return m;
}

mutated_request padding_over_limit(const generated_request& g) {
  generated_request changed = g;
  const auto n = *rc::gen::inRange<std::size_t>(257, 300);
  changed.encoding.transport_padding =
      *rc::gen::container<std::string>(n, rc::gen::element(' ', '\t'));
  mutated_request m = start(g);
  m.body = body_of(changed);
  m.expected = rejection("multipart.malformed", 400);
  return m;
}

mutated_request truncated_before_map(const generated_request& g) {
  mutated_request m = start(g);
  const std::size_t from = g.layout.parts[0].delimiter_at + 2 + g.encoding.boundary.size();
  const std::size_t to = g.layout.parts[g.index_of(part_role::map)].ended_at;
  m.body.resize(*rc::gen::inRange(from, to));
  m.expected = rejection("multipart.truncated", 400);
  return m;
}

mutated_request truncated_after_map(const generated_request& g) {
  mutated_request m = start(g);
  const std::size_t from = g.layout.parts[g.index_of(part_role::map)].ended_at;
  std::size_t to = from;
  for (std::size_t i = 0; i < g.parts.size(); ++i)
    if (g.parts[i].role == part_role::file) to = std::max(to, g.layout.parts[i].ended_at);
  const std::size_t cut = *rc::gen::inRange(from, to);
  m.body.resize(cut);
  m.expected = failed_at(g, cut, "multipart.truncated");
  return m;
}

mutated_request malformed_after_map(const generated_request& g) {
  mutated_request m = start(g);
  std::vector<std::size_t> files;
  for (std::size_t i = 0; i < g.parts.size(); ++i)
    if (g.parts[i].role == part_role::file) files.push_back(i);
  const std::size_t at = g.layout.parts[*rc::gen::elementOf(files)].header_start;
  m.body.insert(at, bad_header(true));
  m.expected = failed_at(g, at, "multipart.malformed");
  return m;
}

}  // namespace upspec::properties::mutators
