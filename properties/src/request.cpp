#include "upspec/properties/request.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "upspec/properties/content.hpp"
#include "upspec/properties/encoding.hpp"

namespace upspec::properties {
namespace {

// RFC 9110 §5.6.4, written here rather than borrowed from the encoder under test.
std::string quoted_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// RFC 8187 ext-values and what they decode to (nothing: not a filename).
const std::vector<std::pair<std::string, std::optional<std::string>>>& ext_values() {
  static const std::vector<std::pair<std::string, std::optional<std::string>>> values{
      {"UTF-8''%C3%A9t%C3%A9.txt", "\xc3\xa9t\xc3\xa9.txt"},
      {"utf-8'en'a%20b.txt", "a b.txt"},
      {"iso-8859-1''%E9t%E9.txt", "\xc3\xa9t\xc3\xa9.txt"},
      {"ISO-8859-1''caf%E9%FF", "caf\xc3\xa9\xc3\xbf"},
      {"UTF-8''", ""},
      {"utf-16''x", std::nullopt},
      {"UTF-8''bad%G1", std::nullopt},
      {"UTF-8''cut%4", std::nullopt},
      {"no-quotes", std::nullopt},
  };
  return values;
}

// A name no other part uses.
std::string fresh_name(std::string name, std::set<std::string>& taken) {
  while (taken.count(name) || name == "operations" || name == "map") name += "~";
  taken.insert(name);
  return name;
}

template <typename T>
void shuffle(std::vector<T>& v) {
  for (std::size_t i = v.size(); i > 1; --i)
    std::swap(v[i - 1], v[*rc::gen::inRange<std::size_t>(0, i)]);
}

std::string json_text(const json& value) {
  switch (*rc::gen::weightedElement<int>({{6, 0}, {1, 1}, {1, 2}})) {
    case 0:
      return request::dump_json(value);
    case 1:
      return request::dump_json(value, 2);
    default:
      return " \r\n" + request::dump_json(value) + "\n\t";
  }
}

// RFC 2046 §5.1.1: a sender chooses a boundary that occurs nowhere in the contents. Look-alikes
// that a receiver must still read as content have cases of their own; a plain request has none.
// With `line_starts_only`, only those that begin a line go: "--boundary" inside a line is content
// to every receiver, and at the start of one it is what RFC 2046 leaves receivers to read either
// way.
std::string without_dash_boundary(std::string content, std::string_view boundary,
                                  bool line_starts_only = false) {
  const std::string dash_boundary = "--" + std::string(boundary);
  for (auto at = content.find(dash_boundary); at != std::string::npos;
       at = content.find(dash_boundary, at + 1))
    if (!line_starts_only || at == 0 || content[at - 1] == '\n') content.insert(at + 1, 1, 'x');
  return content;
}

file_model gen_file(std::set<std::string>& taken, std::string_view boundary, bool first_needed,
                    const request_shape& shape) {
  file_model f;
  if (shape.plain) {
    // Field names as clients number them, names and types of the characters every parser reads
    // alike.
    f.field = fresh_name(std::to_string(taken.size()), taken);
    std::string name;
    for (char c : *gen_ascii_filename())
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')
        name.push_back(c);
    f.filename = name.empty() ? "file.bin" : name;
    const std::string type =
        *rc::gen::element<std::string>("application/octet-stream", "image/png", "text/plain");
    f.media = {type, type};
    content_recipe recipe = *gen_content_recipe();
    recipe.size = std::min(recipe.size, shape.max_content_size);
    f.content = without_dash_boundary(materialize(recipe, boundary), boundary);
    if (first_needed && f.content.empty()) f.content = "x";
    return f;
  }
  f.field = fresh_name(*gen_field_name(), taken);
  switch (*rc::gen::weightedElement<int>({{1, 0}, {6, 1}, {2, 2}, {1, 3}})) {
    case 0:
      break;
    case 1:
      f.filename = *gen_filename();
      break;
    case 3: {
      const auto& ext = *rc::gen::elementOf(ext_values());
      f.raw_filename_star = ext.first;
      f.raw_decodes_to = ext.second;
      if (*rc::gen::arbitrary<bool>()) f.filename = *gen_ascii_filename();
      break;
    }
    default:
      f.filename_star = *gen_filename();
      if (*rc::gen::weightedElement<bool>({{3, true}, {1, false}}))
        f.filename = *gen_ascii_filename();
  }
  f.media = *gen_media_type();
  content_recipe recipe = *gen_content_recipe();
  recipe.size = std::min(recipe.size, shape.max_content_size);
  f.content = materialize(recipe, boundary);
  if (shape.must_only) {
    f.content = without_dash_boundary(std::move(f.content), boundary, true);
    if (!f.filename) f.filename = *gen_ascii_filename();
  }
  if (first_needed) {
    if (!f.reported_filename()) f.filename = "a.txt";
    if (f.content.empty()) f.content = "x";
  }
  return f;
}

// Decoy headers after the real ones: the first of a repeated header wins.
void add_extra_headers(request_part& p, bool must_only) {
  if (*rc::gen::weightedElement<bool>({{4, false}, {1, true}})) return;
  auto& h = p.part.extra_headers;
  h.emplace_back("X-Extra", "value ;\"quoted\" \xc3\xa9");
  if (*rc::gen::arbitrary<bool>()) h.emplace_back("Content-Transfer-Encoding", "binary");
  if (!must_only && !p.part.omit_disposition && *rc::gen::arbitrary<bool>())
    h.emplace_back("content-disposition", "form-data; name=\"decoy\"; filename=\"decoy\"");
  if (p.part.content_type && *rc::gen::arbitrary<bool>())
    h.emplace_back("CONTENT-TYPE", "text/html");
}

// RFC 5322 folding of the Content-Disposition header, written by hand (the encoder has no
// option for it).
void fold_disposition(request_part& p) {
  if (p.part.filename_star || p.part.omit_disposition ||
      !*rc::gen::weightedElement<bool>({{1, true}, {7, false}}))
    return;
  std::string value = "form-data;\r\n\tname=" + quoted_string(p.part.name);
  if (p.part.filename) value += ";\r\n filename=" + quoted_string(*p.part.filename);
  p.part.omit_disposition = true;
  p.part.filename.reset();
  p.part.extra_headers.insert(p.part.extra_headers.begin(), {"Content-Disposition", value});
}

// A name* naming a field of the request, which the reference must not follow (RFC 7578 §4.2;
// CVE-2026-53537).
void add_name_star(request_part& p, const generated_request& g) {
  if (!*rc::gen::weightedElement<bool>({{1, true}, {3, false}})) return;
  std::vector<std::string> fields{"operations", "map"};
  for (const auto& f : g.files) fields.push_back(f.field);
  p.part.name_star = *rc::gen::elementOf(fields);
}

request_part gen_extra(std::set<std::string>& taken, const generated_request& g) {
  request_part p;
  p.role = part_role::ignored;
  p.part.body = *rc::gen::element<std::string>("", "extra", "{}", "--", "\xff\xfe");
  switch (*rc::gen::inRange(0, 5)) {
    case 0:  // a plain field
      p.part.name = fresh_name(*gen_field_name(), taken);
      add_name_star(p, g);
      break;
    case 1:  // a file nobody mapped
      p.part.name = fresh_name(*gen_field_name(), taken);
      p.part.filename = *gen_filename();
      p.has_filename = true;
      add_name_star(p, g);
      break;
    case 2:  // the same file field again
      if (g.files.empty()) return gen_extra(taken, g);
      p.file = *rc::gen::inRange<std::size_t>(0, g.files.size());
      p.part.name = g.files[p.file].field;
      p.part.filename = "again.bin";
      p.has_filename = true;
      p.duplicate = true;
      break;
    case 3:  // operations or map again
      p.part.name = *rc::gen::element<std::string>("operations", "map");
      break;
    default:  // nothing the spec can name
      p.role = part_role::skipped;
      p.part.omit_disposition = true;
      switch (*rc::gen::inRange(0, 3)) {
        case 0:
          break;
        case 1:
          p.part.extra_headers.emplace_back("Content-Disposition", "attachment; name=\"x\"");
          break;
        default:
          p.part.extra_headers.emplace_back("Content-Disposition", "form-data");
          break;
      }
  }
  return p;
}

// Where an extra part may go without changing what the request means: files and repeats of
// the spec's fields only after their originals.
std::size_t earliest_place(const request_part& extra, const std::vector<request_part>& parts) {
  std::size_t earliest = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const request_part& p = parts[i];
    const bool original =
        (p.role == part_role::operations && extra.part.name == "operations") ||
        (p.role == part_role::map && (extra.has_filename || extra.part.name == "map")) ||
        (p.role == part_role::file && extra.duplicate && p.file == extra.file);
    if (extra.role == part_role::ignored && original) earliest = i + 1;
  }
  return earliest;
}

}  // namespace

std::size_t generated_request::index_of(part_role role) const {
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (parts[i].role == role) return i;
  return parts.size();
}

std::vector<request_part> spec_parts(const json& operations, const std::vector<file_model>& files) {
  std::vector<encoder::upload_file> uploads;
  for (const auto& f : files)
    uploads.push_back({f.field, f.paths, f.filename, f.media.header, f.content});
  std::vector<request_part> out;
  for (auto& part : encoder::request_parts(operations, uploads, encoder::part_order::spec)) {
    request_part p{std::move(part), part_role::ignored, 0, false, false};
    if (out.empty()) {
      p.role = part_role::operations;
    } else if (out.size() == 1) {
      p.role = part_role::map;
    } else {
      p.role = part_role::file;
      p.file = out.size() - 2;
      const file_model& f = files[p.file];
      p.part.filename_star = f.filename_star;
      p.has_filename = f.reported_filename().has_value();
      if (f.raw_filename_star) {
        // The encoder only writes UTF-8 ext-values: this Content-Disposition is written here.
        std::string value = "form-data; name=" + quoted_string(f.field);
        if (f.filename) value += "; filename=" + quoted_string(*f.filename);
        value += "; filename*=" + *f.raw_filename_star;
        p.part.omit_disposition = true;
        p.part.filename.reset();
        p.part.extra_headers.insert(p.part.extra_headers.begin(), {"Content-Disposition", value});
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<encoder::form_part> form_parts(const std::vector<request_part>& parts) {
  std::vector<encoder::form_part> out;
  for (const auto& p : parts) out.push_back(p.part);
  return out;
}

void encode(generated_request& g) {
  const auto parts = form_parts(g.parts);
  g.body = encoder::encode_form(parts, g.encoding).body;
  g.layout = layout_of(parts, g.encoding, g.body);
}

rc::Gen<generated_request> gen_request(request_shape shape) {
  return rc::gen::exec([shape] {
    generated_request g;
    g.encoding = *gen_encoding();
    if (shape.plain) {
      g.encoding.media_type = "multipart/form-data";
      g.encoding.preamble.clear();
      g.encoding.epilogue.clear();
      g.encoding.transport_padding.clear();
      g.content_type = encoder::encode_form({}, g.encoding).content_type;
    } else if (shape.must_only) {
      // Without decoy parameters (a second boundary is MAY in the catalog).
      g.content_type = encoder::encode_form({}, g.encoding).content_type;
    } else {
      g.content_type = *gen_content_type(g.encoding);
    }
    if (shape.must_only)
      g.encoding.preamble = without_dash_boundary(g.encoding.preamble, g.encoding.boundary, true);
    if (shape.schema) {
      g.model =
          *gen_schema_operations({shape.needs_file ? std::size_t(1) : 0,
                                  shape.batches && !shape.plain, !shape.plain && !shape.must_only});
    } else {
      // Small sizes make sparse trees: a few top-level slots keep files and dedupes common.
      const auto slots_wanted =
          *rc::gen::weightedElement<std::size_t>({{1, 0}, {2, 1}, {2, 2}, {2, 3}});
      g.model = *gen_operations(std::max<std::size_t>(shape.needs_file ? 1 : 0, slots_wanted));
    }
    const auto slots = slot_paths(g.model);

    std::set<std::string> taken;
    const std::size_t min_files = shape.needs_file ? 1 : 0;
    // A plain request has a file for every slot, each at one path.
    const auto n_files = shape.plain ? slots.size()
                                     : *rc::gen::inRange<std::size_t>(
                                           min_files, std::min<std::size_t>(slots.size(), 5) + 2);
    for (std::size_t i = 0; i < n_files; ++i)
      g.files.push_back(gen_file(taken, g.encoding.boundary, shape.needs_file && i == 0, shape));

    // Each slot gets one file (or, rarely, none); a file may get several slots.
    std::vector<std::optional<std::string>> field_of_slot(slots.size());
    std::size_t previous = 0;
    for (std::size_t s = 0; s < slots.size(); ++s) {
      if (n_files == 0) break;
      if (shape.plain) {
        field_of_slot[s] = g.files[s].field;
        g.files[s].paths.push_back(join_path(slots[s]));
        continue;
      }
      const bool forced = shape.needs_file && s == 0;
      if (!forced && *rc::gen::weightedElement<bool>({{1, true}, {12, false}})) continue;
      // Reusing the previous slot's file makes deduplication common.
      const bool again = s > 0 && *rc::gen::weightedElement<bool>({{1, true}, {2, false}});
      const std::size_t f = forced  ? 0
                            : again ? previous
                                    : *rc::gen::inRange<std::size_t>(0, n_files);
      previous = f;
      field_of_slot[s] = g.files[f].field;
      g.files[f].paths.push_back(join_path(slots[s]));
    }
    for (auto& f : g.files)
      if (*rc::gen::arbitrary<bool>()) std::reverse(f.paths.begin(), f.paths.end());
    g.operations_expected = render_expected(g.model, field_of_slot);

    g.parts = spec_parts(render_sent(g.model), g.files);
    g.parts[0].part.body = json_text(render_sent(g.model));
    g.parts[1].part.body = json_text(json::parse(g.parts[1].part.body));
    for (std::size_t i = 0; i < 2; ++i)
      if (*rc::gen::weightedElement<bool>({{1, true}, {3, false}}))
        g.parts[i].part.content_type = "application/json";
    std::vector<request_part> file_parts(g.parts.begin() + 2, g.parts.end());
    shuffle(file_parts);
    g.parts.resize(2);
    for (auto& p : file_parts) {
      if (!shape.plain) fold_disposition(p);
      g.parts.push_back(std::move(p));
    }
    if (shape.plain) {
      encode(g);
      return g;
    }
    for (auto& p : g.parts) add_extra_headers(p, shape.must_only);

    // Fields the map does not name, and repeated ones, are SHOULD and MAY in the catalog.
    const auto extras =
        shape.must_only ? 0 : *rc::gen::weightedElement<int>({{6, 0}, {2, 1}, {1, 2}, {1, 3}});
    for (int i = 0; i < extras; ++i) {
      request_part e = gen_extra(taken, g);
      const std::size_t at = *rc::gen::inRange(earliest_place(e, g.parts), g.parts.size() + 1);
      g.parts.insert(g.parts.begin() + static_cast<std::ptrdiff_t>(at), std::move(e));
    }
    encode(g);
    return g;
  });
}

}  // namespace upspec::properties
