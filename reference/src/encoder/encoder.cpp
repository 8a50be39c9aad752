#include "upspec/encoder/encoder.hpp"

namespace upspec::encoder {
namespace {

std::string spelled(std::string_view canonical, header_case hc) {
  std::string out(canonical);
  for (char& c : out) {
    if (hc == header_case::lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (hc == header_case::upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

// RFC 9110 §5.6.4: quoted-string with quoted-pairs for DQUOTE and backslash.
std::string quoted_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// RFC 8187 §3.2.1: attr-char stays, everything else is percent-encoded.
std::string ext_value(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool attr_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                           (c >= 'A' && c <= 'Z') ||
                           std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (attr_char) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace

encoded_request encode_form(const std::vector<form_part>& parts, const encoding& enc) {
  const std::string& eol = enc.line_end;
  encoded_request out;
  out.content_type = enc.media_type + "; boundary=" +
                     (enc.quote_boundary ? quoted_string(enc.boundary) : enc.boundary);
  std::string& b = out.body;
  if (!enc.preamble.empty()) b += enc.preamble + eol;
  for (const form_part& p : parts) {
    b += "--" + enc.boundary + enc.transport_padding + eol;
    if (!p.omit_disposition) {
      std::string disposition = "form-data";
      std::string name = "; name=" + quoted_string(p.name);
      if (p.name_star) name += "; name*=" + ext_value(*p.name_star);
      std::string file;
      if (p.filename) file += "; filename=" + quoted_string(*p.filename);
      if (p.filename_star) file += "; filename*=" + ext_value(*p.filename_star);
      disposition += enc.filename_before_name ? file + name : name + file;
      b += spelled("Content-Disposition", enc.header_names) + ": " + disposition + eol;
    }
    if (p.content_type)
      b += spelled("Content-Type", enc.header_names) + ": " + *p.content_type + eol;
    for (const auto& [k, v] : p.extra_headers) b += k + ": " + v + eol;
    b += eol;
    b += p.body;
    b += eol;
  }
  if (enc.close_delimiter) {
    b += "--" + enc.boundary + "--" + enc.transport_padding + eol;
    b += enc.epilogue;
  } else if (!b.empty()) {
    b.resize(b.size() - eol.size());  // the last part's line end belongs to the missing delimiter
  }
  return out;
}

json map_for(const std::vector<upload_file>& files) {
  json map = json::object();
  for (const auto& f : files) map[f.field] = f.paths;
  return map;
}

std::vector<form_part> request_parts(const json& operations, const std::vector<upload_file>& files,
                                     part_order order) {
  form_part ops{
      "operations", std::nullopt, std::nullopt, std::nullopt, request::dump_json(operations),
      {},           false};
  form_part map{"map", std::nullopt, std::nullopt, std::nullopt, request::dump_json(map_for(files)),
                {},    false};
  std::vector<form_part> file_parts;
  for (const auto& f : files)
    file_parts.push_back({f.field, f.filename, std::nullopt, f.content_type, f.content, {}, false});
  std::vector<form_part> out;
  auto add_files = [&] { out.insert(out.end(), file_parts.begin(), file_parts.end()); };
  switch (order) {
    case part_order::spec:
      out = {ops, map};
      add_files();
      break;
    case part_order::map_first:
      out = {map, ops};
      add_files();
      break;
    case part_order::files_first:
      add_files();
      out.push_back(ops);
      out.push_back(map);
      break;
    case part_order::files_before_map:
      out = {ops};
      add_files();
      out.push_back(map);
      break;
  }
  return out;
}

encoded_request encode_request(const json& operations, const std::vector<upload_file>& files,
                               const encoding& enc, part_order order) {
  return encode_form(request_parts(operations, files, order), enc);
}

}  // namespace upspec::encoder
