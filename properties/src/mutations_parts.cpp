// Parts as elements of the body, and file contents near the boundary.

#include <algorithm>

#include "model_mutators.hpp"

namespace upspec::properties::model_mutators {
namespace {

// The field names the map gives files, so that an added part is one a server waits for.
std::vector<std::string> mapped_fields(const request_model& m) {
  std::vector<std::string> out;
  const std::size_t map = part_named(m, "map");
  if (map == m.parts.size()) return out;
  auto parsed = request::parse_json_field(m.parts[map].body);
  if (const auto* v = std::get_if<json>(&parsed); v && v->is_object())
    for (const auto& [key, value] : v->items()) out.push_back(key);
  return out;
}

encoder::form_part new_file_part(const request_model& m, draw& d, const hazards& h) {
  encoder::form_part p;
  const auto fields = mapped_fields(m);
  p.name = fields.empty() || d.one_in(4) ? std::to_string(d.below(3)) : d.pick(fields);
  p.filename = d.hazard(h, hazard::filenames, "a.txt");
  if (!d.one_in(3)) p.content_type = d.hazard(h, hazard::media_types, "text/plain");
  p.body = std::string(d.below(40), static_cast<char>('a' + d.below(26)));
  return p;
}

bool is_file(const encoder::form_part& p) {
  return p.name != "operations" && p.name != "map";
}

}  // namespace

void mutate_parts(request_model& m, draw& d, const mutation_context& context) {
  const hazards& h = context.dictionary;
  if (m.parts.empty()) {
    m.parts.push_back(new_file_part(m, d, h));
    return;
  }
  const std::size_t i = d.below(m.parts.size());
  const std::size_t j = d.below(m.parts.size());
  const auto at = [&](std::size_t k) { return m.parts.begin() + static_cast<std::ptrdiff_t>(k); };
  switch (d.below(7)) {
    case 0:  // reorder
      std::swap(m.parts[i], m.parts[j]);
      return;
    case 1:  // move one part to another place
    {
      encoder::form_part p = std::move(m.parts[i]);
      m.parts.erase(at(i));
      m.parts.insert(at(std::min(j, m.parts.size())), std::move(p));
      return;
    }
    case 2:  // delete
      m.parts.erase(at(i));
      return;
    case 3:  // duplicate, right after or elsewhere
      m.parts.insert(at(d.one_in(2) ? i + 1 : j), m.parts[i]);
      return;
    case 4:  // insert a file part for a field the map names
      m.parts.insert(at(d.below(m.parts.size() + 1)), new_file_part(m, d, h));
      return;
    case 5:  // replace a part's content with another's
      m.parts[i].body = m.parts[j].body;
      return;
    default:  // many parts: servers that count or allocate per part
      for (std::size_t k = 0, n = 8 + d.below(120); k < n; ++k)
        m.parts.push_back(new_file_part(m, d, h));
  }
}

void mutate_file_content(request_model& m, draw& d, const mutation_context& context) {
  std::vector<std::size_t> files;
  for (std::size_t i = 0; i < m.parts.size(); ++i)
    if (is_file(m.parts[i])) files.push_back(i);
  if (files.empty()) return;
  std::string& body = m.parts[d.pick(files)].body;
  const std::string& b = m.encoding.boundary;
  // What a content may hold next to the delimiter that follows it: line ends, dashes and the
  // boundary itself, whole or in part; RFC 2046 §5.1.1 only forbids the whole delimiter line.
  const std::vector<std::string> near = {
      "\r",
      "\r\n",
      "\n",
      "\r\n-",
      "\r\n--",
      "\r\n--" + b.substr(0, b.size() / 2),
      "\r\n--" + b + "x",
      "--" + b,
      "\r\n--" + b + "-",
      "\r\n\r\n",
      std::string(1, '\0'),
      d.hazard(context.dictionary, hazard::boundary_bytes, "\r")};
  const std::string snippet = d.pick(near);
  switch (d.below(4)) {
    case 0:  // at the very end: right before the delimiter
      body += snippet;
      return;
    case 1:
      body.insert(0, snippet);
      return;
    case 2:
      body.insert(d.below(body.size() + 1), snippet);
      return;
    default:
      mutate_string(body, 64, d.rng(), context);
  }
}

}  // namespace upspec::properties::model_mutators
