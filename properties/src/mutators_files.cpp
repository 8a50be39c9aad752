// Mutations of the file parts and of the limits.
#include <algorithm>
#include <set>

#include "mutators.hpp"

namespace upspec::properties::mutators {
namespace {

std::size_t part_of_file(const generated_request& g, std::size_t file) {
  for (std::size_t i = 0; i < g.parts.size(); ++i)
    if (g.parts[i].role == part_role::file && g.parts[i].file == file) return i;
  return g.parts.size();
}

// The request without any duplicate part of `file`, which would otherwise stand in for it.
generated_request without_duplicates(const generated_request& g, std::size_t file) {
  generated_request changed = g;
  std::erase_if(changed.parts,
                [&](const request_part& p) { return p.duplicate && p.file == file; });
  return changed;
}

mutated_request file_missing(const generated_request& g, generated_request changed,
                             std::size_t file) {
  encode(changed);
  mutated_request m = start(g);
  m.body = changed.body;
  m.expected = valid_outcome(changed);
  m.expected["uploads"][g.files[file].field] = upload_error("file.missing");
  return m;
}

}  // namespace

mutated_request file_before_map(const generated_request& g) {
  auto parts = g.parts;
  const std::size_t from = part_of_file(g, 0);  // the shape gives it a filename
  const request_part moved = parts[from];
  parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(from));
  const std::size_t to = *rc::gen::inRange<std::size_t>(0, g.index_of(part_role::map) + 1);
  parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(to), moved);
  generated_request changed = g;
  changed.parts = parts;
  mutated_request m = start(g);
  m.body = body_of(changed);
  m.expected = rejection("file.misordered", 400);
  return m;
}

mutated_request file_dropped(const generated_request& g) {
  const auto file = *rc::gen::inRange<std::size_t>(0, g.files.size());
  generated_request changed = without_duplicates(g, file);
  changed.parts.erase(changed.parts.begin() +
                      static_cast<std::ptrdiff_t>(part_of_file(changed, file)));
  return file_missing(g, std::move(changed), file);
}

mutated_request file_renamed(const generated_request& g) {
  const auto file = *rc::gen::inRange<std::size_t>(0, g.files.size());
  generated_request changed = without_duplicates(g, file);
  std::set<std::string> names;
  for (const auto& p : g.parts) names.insert(p.part.name);
  request_part& p = changed.parts[part_of_file(changed, file)];
  std::string name = g.files[file].field + "-renamed";
  while (names.count(name)) name += "~";
  if (p.part.omit_disposition) {
    // A folded Content-Disposition carries the old name: write a plain one instead.
    p.part.omit_disposition = false;
    p.part.extra_headers.erase(p.part.extra_headers.begin());
    p.part.filename = g.files[file].filename;
  }
  p.part.name = name;
  p.role = part_role::ignored;
  return file_missing(g, std::move(changed), file);
}

mutated_request limit_field_size(const generated_request& g) {
  mutated_request m = start(g);
  const std::size_t largest = std::max(g.parts[g.index_of(part_role::operations)].part.body.size(),
                                       g.parts[g.index_of(part_role::map)].part.body.size());
  m.limits.max_field_size =
      largest - *rc::gen::inRange<std::size_t>(1, std::min<std::size_t>(largest, 16) + 1);
  m.expected = rejection("limit.field_size", 413);
  return m;
}

mutated_request limit_file_size(const generated_request& g) {
  mutated_request m = start(g);
  const std::size_t size = g.files[0].content.size();  // the shape makes it non-empty
  const std::size_t limit = size - *rc::gen::inRange<std::size_t>(1, size + 1);
  m.limits.max_file_size = limit;
  m.expected = valid_outcome(g);
  for (const auto& f : g.files)
    if (f.content.size() > limit) m.expected["uploads"][f.field] = upload_error("limit.file_size");
  return m;
}

mutated_request limit_files(const generated_request& g) {
  mutated_request m = start(g);
  m.limits.max_files = g.files.size() - *rc::gen::inRange<std::size_t>(1, g.files.size() + 1);
  m.expected = rejection("limit.files", 413);
  return m;
}

}  // namespace upspec::properties::mutators
