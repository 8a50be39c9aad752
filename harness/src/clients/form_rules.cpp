// The body as multipart/form-data (RFC 2046 §5.1, RFC 7578): delimiters, part headers, file
// names and media types.

#include <algorithm>
#include <cctype>

#include "clients/rules.hpp"
#include "upspec/multipart/part_headers.hpp"

namespace upspec::clients {

using corpus::level;

namespace rules {
const rule multipart_syntax{"multipart-syntax", level::must, "RFC 2046 §5.1.1"};
const rule boundary_not_in_content{"boundary-not-in-content", level::must,
                                   "RFC 2046 §5.1.1 (the boundary must not occur in the parts)"};
const rule one_content_disposition{"one-content-disposition", level::must, "RFC 7578 §4.2"};
const rule disposition_syntax{"disposition-syntax", level::must,
                              "RFC 9110 §5.6.4, §5.6.6 (quoted-string, parameters)"};
const rule no_extended_parameters{"no-extended-parameters", level::must,
                                  "RFC 7578 §4.2 (filename* MUST NOT be used; no name*)"};
const rule filename_escaping{
    "filename-escaping", level::must,
    "RFC 9110 §5.6.4; HTML Standard, multipart/form-data encoding (\" CR LF as %22 %0D %0A)"};
const rule filename_preserved{
    "filename-preserved", level::should,
    "RFC 7578 §4.2; HTML Standard, multipart/form-data encoding algorithm"};
const rule filename_present{"filename-present", level::should,
                            "RFC 7578 §4.2 (a name for the file SHOULD be supplied)"};
const rule file_content_type{
    "file-content-type", level::should,
    "RFC 7578 §4.4 (the file's media type, else application/octet-stream)"};
const rule text_fields{"text-fields", level::should,
                       "GraphQL multipart request spec (operations and map are fields); "
                       "graphql-upload refuses them as files"};
}  // namespace rules

namespace {

std::string part_label(const sent_form& form, const sent_part& p) {
  const auto index = static_cast<std::size_t>(&p - form.parts.data()) + 1;
  return "part " + std::to_string(index) + (p.name ? " (" + shown(*p.name) + ")" : "");
}

bool is_field(const sent_part& p) {
  return p.name == "operations" || p.name == "map";
}

// The file parts: those whose field the map names.
std::vector<const sent_part*> file_parts(const sent_request& r) {
  std::vector<const sent_part*> out;
  for (const auto& p : r.form.parts)
    if (p.name && !is_field(p) && r.map && r.map->count(*p.name)) out.push_back(&p);
  return out;
}

bool needs_escaping(std::string_view name) {
  return name.find_first_of("\"\r\n") != std::string_view::npos;
}

// The HTML Standard's form-data encoding of a name percent-encodes ", CR and LF; a sender that
// writes quoted-pairs has to percent-encode CR and LF all the same (a quoted-pair cannot hold
// them). `quote` is what becomes of a ".
std::string percent_encoded_breaks(std::string_view name, std::string_view quote = "%22") {
  std::string out;
  for (char c : name) {
    if (c == '"')
      out += quote;
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string whatwg_encoded(std::string_view name) {
  return percent_encoded_breaks(name);
}

// How a name whose ", CR or LF went out raw looks in the body: all raw, or only the " raw
// beside a percent-encoded CR and LF, or raw CR and LF beside a %22.
std::vector<std::string> unescaped_forms(const std::string& name) {
  std::string raw_line_ends;
  for (char c : name) raw_line_ends += c == '"' ? std::string("%22") : std::string(1, c);
  std::vector<std::string> forms{name, percent_encoded_breaks(name, "\""), raw_line_ends};
  std::erase_if(forms, [](const std::string& f) { return !needs_escaping(f); });
  return forms;
}

// What a receiver that resolves quoted-pairs (RFC 9110 §5.6.4) reads from "text".
std::string as_quoted_pairs_read(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

std::optional<std::string> percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
      return std::nullopt;
    out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return out;
}

bool starts_line_with(std::string_view bytes, const std::string& marker) {
  if (bytes.substr(0, marker.size()) == marker) return true;
  return bytes.find("\r\n" + marker) != std::string_view::npos;
}

}  // namespace

const expected_file* file_of_part(const sent_request& r, const sent_part& p) {
  if (p.name && r.map) {
    if (auto it = r.map->find(*p.name); it != r.map->end())
      for (const auto& path : it->second)
        if (const auto* f = r.want.file_at(path)) return f;
  }
  for (const auto& f : r.want.files)
    if (f.bytes == p.content) return &f;
  return nullptr;
}

// RFC 2046 §5.1.1: delimiter lines, CRLF line ends, and a close delimiter at the end.
void check_multipart_syntax(const sent_request& r, findings& out) {
  if (!r.form.boundary) return;
  if (r.form.syntax)
    out.push_back({&rules::multipart_syntax, r.form.syntax->message});
  else if (!r.form.closed)
    out.push_back({&rules::multipart_syntax, "the body has no close delimiter"});
}

// RFC 2046 §5.1.1: the boundary must not appear inside any encapsulated part.
void check_boundary_not_in_content(const sent_request& r, findings& out) {
  if (!r.form.boundary) return;
  const std::string marker = "--" + *r.form.boundary;
  for (const auto& f : r.want.files)
    if (starts_line_with(f.bytes, marker))
      out.push_back({&rules::boundary_not_in_content,
                     "the boundary " + shown(*r.form.boundary) + " starts a line of file " +
                         shown(f.spec->id) + ": a receiver ends the part there"});
}

// RFC 7578 §4.2: each part has one Content-Disposition, of type form-data, with a name.
void check_one_content_disposition(const sent_request& r, findings& out) {
  for (const auto& p : r.form.parts) {
    if (p.dispositions == 0)
      out.push_back(
          {&rules::one_content_disposition, part_label(r.form, p) + " has no Content-Disposition"});
    else if (p.dispositions > 1)
      out.push_back({&rules::one_content_disposition, part_label(r.form, p) + " has " +
                                                          std::to_string(p.dispositions) +
                                                          " Content-Disposition headers"});
    if (p.parameters && p.parameters->token != "form-data")
      out.push_back(
          {&rules::one_content_disposition,
           part_label(r.form, p) + " is " + shown(p.parameters->token) + ", not form-data"});
    else if (p.parameters && !p.name)
      out.push_back(
          {&rules::one_content_disposition, part_label(r.form, p) + " has no name parameter"});
  }
}

// RFC 9110 §5.6.6: parameters are token=token or token=quoted-string, separated by ";".
void check_disposition_syntax(const sent_request& r, findings& out) {
  for (const auto& p : r.form.parts)
    if (p.disposition && !p.parameters)
      out.push_back({&rules::disposition_syntax, part_label(r.form, p) + ": Content-Disposition " +
                                                     shown(*p.disposition) + " does not parse"});
}

// RFC 7578 §4.2: "filename*" MUST NOT be used; form-data defines no "name*" either.
void check_no_extended_parameters(const sent_request& r, findings& out) {
  for (const auto& p : r.form.parts)
    for (const char* extended : {"filename*", "name*"})
      if (p.has_parameter(extended))
        out.push_back({&rules::no_extended_parameters,
                       part_label(r.form, p) + " has a " + extended + " parameter"});
}

// RFC 9110 §5.6.4: inside a quoted-string, " and \ are escaped and CR and LF cannot occur; the
// HTML Standard percent-encodes ", CR and LF. Sent raw, they end the name early or start a new
// header or part: a file name then injects into the request.
void check_filename_escaping(const sent_request& r, findings& out) {
  for (const auto& f : r.want.files) {
    const std::string& name = f.spec->name;
    if (!needs_escaping(name)) continue;
    const auto forms = unescaped_forms(name);
    if (std::any_of(forms.begin(), forms.end(), [&](const std::string& form) {
          return r.http.body.find(form) != std::string::npos;
        }))
      out.push_back({&rules::filename_escaping,
                     "the file name " + shown(name) +
                         " is sent with a \", CR or LF unescaped: the name ends early or "
                         "starts a new header"});
  }
}

// RFC 7578 §4.2: the file name is the file's; the HTML Standard's %22, %0D and %0A are the only
// changes a receiver has to expect.
void check_filename_preserved(const sent_request& r, findings& out) {
  for (const sent_part* p : file_parts(r)) {
    const expected_file* f = file_of_part(r, *p);
    if (f == nullptr || !p->filename) continue;
    const std::string& name = f->spec->name;
    const std::string& got = *p->filename;
    if (got == name || got == whatwg_encoded(name) || got == percent_encoded_breaks(name, "\""))
      continue;
    std::string why;
    if (got == as_quoted_pairs_read(whatwg_encoded(name)))
      why =
          ": the backslash was sent as is (the HTML Standard's form), and a receiver resolving "
          "quoted-pairs drops it (RFC 9110 §5.6.4 wants \\\\)";
    else if (percent_decoded(got) == name)
      why = ": the name is percent-encoded, and no common receiver decodes it";
    out.push_back({&rules::filename_preserved,
                   "the file name arrives as " + shown(got) + ", not " + shown(name) + why});
  }
}

// RFC 7578 §4.2: a file part SHOULD carry a filename.
void check_filename_present(const sent_request& r, findings& out) {
  for (const sent_part* p : file_parts(r))
    if (!p->filename && !p->has_parameter("filename*"))
      out.push_back({&rules::filename_present, part_label(r.form, *p) + " has no filename"});
}

// RFC 7578 §4.4: file data SHOULD be labelled with its media type, if known, else
// application/octet-stream; a part without Content-Type is text/plain.
void check_file_content_type(const sent_request& r, findings& out) {
  for (const sent_part* p : file_parts(r)) {
    const expected_file* f = file_of_part(r, *p);
    if (f == nullptr) continue;
    const std::string want =
        f->spec->type ? multipart::part_media_type(*f->spec->type) : "application/octet-stream";
    if (!p->content_type)
      out.push_back(
          {&rules::file_content_type,
           part_label(r.form, *p) + " has no Content-Type (so it is text/plain), not " + want});
    else if (multipart::part_media_type(*p->content_type) != want)
      out.push_back({&rules::file_content_type, part_label(r.form, *p) + " has Content-Type " +
                                                    shown(*p->content_type) + ", not " + want});
  }
}

// operations and map are text fields; graphql-upload takes a part with a filename for a file,
// and refuses an operations or map sent that way.
void check_text_fields(const sent_request& r, findings& out) {
  for (const auto& p : r.form.parts)
    if (is_field(p) && (p.filename || p.has_parameter("filename*")))
      out.push_back({&rules::text_fields, part_label(r.form, p) + " is sent as a file"});
}

}  // namespace upspec::clients
