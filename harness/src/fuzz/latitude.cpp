#include "fuzz/latitude.hpp"

#include <algorithm>
#include <map>

#include "upspec/multipart/boundary.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::fuzz {
namespace {

using corpus::json;
using corpus::level;

const encoder::form_part* first_part_named(const properties::request_model& m,
                                           std::string_view name) {
  for (const auto& p : m.parts)
    if (p.name == name) return &p;
  return nullptr;
}

// RFC 7578 §4.2: one Content-Disposition per part; which of two a receiver reads is its choice.
bool repeats_disposition(const properties::request_model& m) {
  for (const auto& p : m.parts) {
    // A hand-written Content-Disposition stands in for the encoder's own.
    int dispositions = p.omit_disposition ? 0 : 1;
    for (const auto& [name, value] : p.extra_headers)
      dispositions += multipart::iequals(name, "Content-Disposition") ? 1 : 0;
    if (dispositions > 1) return true;
  }
  return false;
}

// RFC 2046 §5.1.1: a line that starts with the delimiter but goes on with other bytes is not a
// delimiter line for the reference; receivers that match the delimiter alone end a part there.
bool has_boundary_prefixed_line(const properties::wire_request& w) {
  const auto boundary = multipart::boundary_from_content_type(w.content_type);
  if (!boundary) return false;
  const std::string dash = "--" + *boundary;
  const std::string_view body = w.body;
  for (auto at = body.find(dash); at != std::string_view::npos; at = body.find(dash, at + 1)) {
    if (at != 0 && body[at - 1] != '\n') continue;
    std::size_t i = at + dash.size();
    const bool close = body.substr(i, 2) == "--";
    if (close) i += 2;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    // A bare LF ends the line too: bodies with bare-LF line ends are judged by their own cases.
    if (i < body.size() && body[i] != '\n' && body.substr(i, 2) != "\r\n") return true;
    if (close) return false;  // the epilogue is ignored whatever it holds (MUST)
  }
  return false;
}

// Whether a line of the body that starts with header `name` (any case) satisfies `rest`, given
// what follows the name.
template <typename Pred>
bool any_header_line(std::string_view body, std::string_view name, Pred rest) {
  for (std::size_t line = 0; line < body.size();) {
    const auto end = std::min(body.find('\n', line), body.size());
    const std::string_view l = body.substr(line, end - line);
    line = end + 1;
    if (l.size() > name.size() && multipart::iequals(l.substr(0, name.size()), name) &&
        rest(l.substr(name.size())))
      return true;
  }
  return false;
}

// RFC 2183's grammar has no ";" after the last parameter; the reference reads the header
// anyway, and a receiver that refuses the part instead has a case that grades it.
bool disposition_ends_with_semicolon(std::string_view body) {
  return any_header_line(body, "content-disposition:", [](std::string_view value) {
    const auto last = value.find_last_not_of(" \t\r");
    return last != std::string_view::npos && value[last] == ';';
  });
}

// RFC 9112 §5.1 forbids whitespace between a header's name and its colon; the reference reads
// such a header, a receiver may refuse it (the catalog's case is SHOULD).
bool has_space_before_colon(std::string_view body) {
  const auto blank_first = [](std::string_view rest) { return rest[0] == ' ' || rest[0] == '\t'; };
  return any_header_line(body, "content-disposition", blank_first) ||
         any_header_line(body, "content-type", blank_first);
}

// Not JSON only because of bytes that are not UTF-8: RFC 8259 §8.1 makes that the receiver's
// call (the catalog's operations.invalid-utf8 is MAY).
bool invalid_utf8_json(const std::string& text) {
  if (!json::parse(text, nullptr, false).is_discarded()) return false;
  std::string ascii = text;
  std::replace_if(
      ascii.begin(), ascii.end(), [](char c) { return (c & 0x80) != 0; }, 'a');
  return ascii != text && !json::parse(ascii, nullptr, false).is_discarded();
}

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    out.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  out.push_back(path.substr(start));
  return out;
}

// What placing a file at `path` of `operations` does besides replacing a null.
void path_latitudes(const json& operations, const std::string& path, std::vector<latitude>& out) {
  const auto segs = segments(path);
  if (std::any_of(segs.begin(), segs.end(), [](const std::string& s) { return s.empty(); })) {
    out.push_back({level::may, "object-paths.empty-path"});
    return;
  }
  const json* at = &operations;
  for (const auto& s : segs) {
    const json* next = nullptr;
    if (at->is_object()) {
      if (auto it = at->find(s); it != at->end()) next = &*it;
    } else if (at->is_array()) {
      // Segments a list's index must not be, which the catalog lets receivers read either way.
      if (!std::all_of(s.begin(), s.end(), ::isdigit)) {
        out.push_back({level::may, s[0] == '-' ? "object-paths.negative-index"
                                               : "object-paths.named-key-in-list"});
        return;
      }
      if (s.size() > 1 && s[0] == '0') {
        out.push_back({level::may, "object-paths.leading-zero-index"});
        return;
      }
      if (s.size() >= 10 || std::stoul(s) >= at->size()) {
        out.push_back({level::may, "object-paths.pads-list"});
        return;
      }
      next = &(*at)[std::stoul(s)];
    } else {
      return;  // through a scalar: the reference refuses that itself
    }
    if (next == nullptr) {
      out.push_back({level::should, "object-paths.creates-missing-key"});
      return;
    }
    at = next;
  }
  if (!at->is_null()) out.push_back({level::should, "object-paths.replaces-non-null"});
}

// Fields the map does not name, and operations or map sent twice: the catalog lets a receiver
// ignore the former or refuse them (SHOULD), and take either copy of the latter (MAY).
void field_latitudes(const properties::request_model& m, const json& map,
                     std::vector<latitude>& out) {
  int operations = 0, maps = 0;
  for (const auto& p : m.parts) {
    if (p.omit_disposition) continue;  // its name is in a hand-written header
    if (p.name == "operations")
      ++operations;
    else if (p.name == "map")
      ++maps;
    else if (!map.is_object() || !map.contains(p.name))
      out.push_back({level::should, "files.extraneous-after"});
  }
  if (operations > 1) out.push_back({level::may, "field-order.operations-twice"});
  if (maps > 1) out.push_back({level::may, "field-order.map-twice"});
}

void map_latitudes(const properties::request_model& m, std::vector<latitude>& out) {
  const auto* ops_part = first_part_named(m, "operations");
  const auto* map_part = first_part_named(m, "map");
  if (map_part != nullptr) field_latitudes(m, json::parse(map_part->body, nullptr, false), out);
  if (ops_part == nullptr || map_part == nullptr) return;
  for (const auto* p : {ops_part, map_part})
    if (invalid_utf8_json(p->body)) out.push_back({level::may, "operations.invalid-utf8"});
  const json ops = json::parse(ops_part->body, nullptr, false);
  const json map = json::parse(map_part->body, nullptr, false);
  if (ops.is_discarded() || !map.is_object()) return;
  std::map<std::string, std::string> claimed;  // path -> the first key that maps a file there
  for (const auto& [key, paths] : map.items()) {
    if (!paths.is_array()) continue;
    for (const auto& p : paths) {
      if (!p.is_string()) continue;
      path_latitudes(ops, p.get<std::string>(), out);
      const auto [at, fresh] = claimed.emplace(p.get<std::string>(), key);
      if (!fresh && at->second != key)
        out.push_back({level::may, "deduplication.same-path-two-files"});
    }
  }
}

// A file part without a filename, or with an empty one, taken as the file (RFC 7578 §4.2 says
// SHOULD for senders; receivers may take such a part as a plain field).
void upload_latitudes(const json& outcome, std::vector<latitude>& out) {
  if (!outcome.contains("uploads") || !outcome["uploads"].is_object()) return;
  for (const auto& [field, u] : outcome["uploads"].items()) {
    if (!u.is_object() || !u.contains("filename")) continue;
    if (u["filename"].is_null())
      out.push_back({level::should, "files.no-filename"});
    else if (u["filename"] == "")
      out.push_back({level::should, "files.empty-filename"});
  }
}

}  // namespace

std::vector<latitude> latitudes_of(const properties::request_model& model,
                                   const properties::wire_request& wire, const json& outcome) {
  std::vector<latitude> out;
  if (repeats_disposition(model))
    out.push_back({level::may, "multipart-syntax.duplicate-disposition-header"});
  if (has_boundary_prefixed_line(wire))
    out.push_back({level::may, "files.boundary-prefixed-lines"});
  if (model.encoding.line_end == "\n")
    out.push_back({level::should, "multipart-syntax.bare-lf-everywhere"});
  if (has_space_before_colon(wire.body))
    out.push_back({level::should, "multipart-syntax.header-space-before-colon"});
  if (const auto ct = multipart::parse_parameterized_value(wire.content_type)) {
    const auto boundaries = std::count_if(ct->parameters.begin(), ct->parameters.end(),
                                          [](const auto& p) { return p.name == "boundary"; });
    if (boundaries > 1) out.push_back({level::may, "content-type.duplicate-boundary"});
  }
  if (disposition_ends_with_semicolon(wire.body))
    out.push_back({level::should, "multipart-syntax.disposition-trailing-semicolon"});
  if (const auto b = multipart::boundary_from_content_type(wire.content_type); b && b->size() > 70)
    out.push_back({level::should, "multipart-syntax.boundary-length-71"});
  for (const auto& p : model.parts) {
    if (p.filename_star && !p.filename) out.push_back({level::should, "files.filename-star-only"});
    if (p.filename_star && p.filename) out.push_back({level::should, "files.filename-star"});
  }
  map_latitudes(model, out);
  upload_latitudes(outcome, out);
  std::sort(out.begin(), out.end(),
            [](const latitude& a, const latitude& b) { return a.case_id < b.case_id; });
  out.erase(
      std::unique(out.begin(), out.end(),
                  [](const latitude& a, const latitude& b) { return a.case_id == b.case_id; }),
      out.end());
  return out;
}

void apply_latitudes(corpus::test_case& c, const std::vector<latitude>& found) {
  if (found.empty()) return;
  std::string ids;
  for (const auto& l : found) {
    // level is ordered must < should < may: the weakest wins.
    c.requirement = std::max(c.requirement, l.level);
    ids += (ids.empty() ? "" : ", ") + l.case_id;
  }
  c.rule += " (the answer rests on choices the catalog grades " +
            std::string(corpus::to_string(c.requirement)) + ": " + ids + ")";
}

void accept_whole_body_refusal(corpus::test_case& c, const json& outcome) {
  if (c.expect.status != 200 || !outcome.contains("uploads") || !outcome["uploads"].is_object())
    return;
  for (const auto& [field, u] : outcome["uploads"].items()) {
    if (!u.is_object() || !u.contains("error")) continue;
    c.expect.alternatives.push_back(
        {{400, 413, 422},
         corpus::verdict::non_strict,
         "a server that reads the whole body before it executes may refuse the request as a "
         "whole when an upload fails",
         std::nullopt});
    return;
  }
}

}  // namespace upspec::fuzz
