#include "upspec/encoder/encoder.hpp"

#include <initializer_list>
#include <string_view>

namespace upspec::encoder {
namespace {

// The body is written by appending to one string whose size is reserved up front: the fuzz
// targets and the live fuzzer encode a request per execution, and temporaries per line were a
// fifth of the structured target's time under AddressSanitizer.
void append(std::string& out, std::initializer_list<std::string_view> pieces) {
  for (std::string_view piece : pieces) out.append(piece);
}

void append_spelled(std::string& out, std::string_view canonical, header_case hc) {
  for (char c : canonical) {
    if (hc == header_case::lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (hc == header_case::upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    out.push_back(c);
  }
}

// RFC 9110 §5.6.4: quoted-string with quoted-pairs for DQUOTE and backslash.
void append_quoted_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

// RFC 8187 §3.2.1: attr-char stays, everything else is percent-encoded.
void append_ext_value(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out.append("UTF-8''");
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
}

// An upper bound for the usual body, so that it is allocated once; a part with long header
// values may still grow it.
std::size_t expected_size(const std::vector<form_part>& parts, const encoding& enc) {
  std::size_t size = enc.preamble.size() + enc.epilogue.size() + 2 * enc.boundary.size() + 64;
  for (const form_part& p : parts) {
    size += p.body.size() + p.name.size() + enc.boundary.size() + 160;
    for (const auto& [k, v] : p.extra_headers) size += k.size() + v.size() + 4;
  }
  return size;
}

void append_disposition(std::string& b, const form_part& p, const encoding& enc) {
  const auto name = [&] {
    b.append("; name=");
    append_quoted_string(b, p.name);
    if (p.name_star) {
      b.append("; name*=");
      append_ext_value(b, *p.name_star);
    }
  };
  const auto file = [&] {
    if (p.filename) {
      b.append("; filename=");
      append_quoted_string(b, *p.filename);
    }
    if (p.filename_star) {
      b.append("; filename*=");
      append_ext_value(b, *p.filename_star);
    }
  };
  append_spelled(b, "Content-Disposition", enc.header_names);
  b.append(": form-data");
  if (enc.filename_before_name) {
    file();
    name();
  } else {
    name();
    file();
  }
  b.append(enc.line_end);
}

}  // namespace

encoded_request encode_form(const std::vector<form_part>& parts, const encoding& enc) {
  const std::string& eol = enc.line_end;
  encoded_request out;
  out.content_type = enc.media_type + "; boundary=";
  if (enc.quote_boundary)
    append_quoted_string(out.content_type, enc.boundary);
  else
    out.content_type += enc.boundary;
  std::string& b = out.body;
  b.reserve(expected_size(parts, enc));
  if (!enc.preamble.empty()) append(b, {enc.preamble, eol});
  for (const form_part& p : parts) {
    append(b, {"--", enc.boundary, enc.transport_padding, eol});
    if (!p.omit_disposition) append_disposition(b, p, enc);
    if (p.content_type) {
      append_spelled(b, "Content-Type", enc.header_names);
      append(b, {": ", *p.content_type, eol});
    }
    for (const auto& [k, v] : p.extra_headers) append(b, {k, ": ", v, eol});
    append(b, {eol, p.body, eol});
  }
  if (enc.close_delimiter) {
    append(b, {"--", enc.boundary, "--", enc.transport_padding, eol, enc.epilogue});
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
  file_parts.reserve(files.size());
  for (const auto& f : files)
    file_parts.push_back({f.field, f.filename, std::nullopt, f.content_type, f.content, {}, false});
  // Each part is moved into place once: file contents can be large.
  std::vector<form_part> out;
  out.reserve(file_parts.size() + 2);
  const auto add = [&out](form_part& p) { out.push_back(std::move(p)); };
  const auto add_files = [&] {
    for (form_part& f : file_parts) add(f);
  };
  switch (order) {
    case part_order::spec:
      add(ops);
      add(map);
      add_files();
      break;
    case part_order::map_first:
      add(map);
      add(ops);
      add_files();
      break;
    case part_order::files_first:
      add_files();
      add(ops);
      add(map);
      break;
    case part_order::files_before_map:
      add(ops);
      add_files();
      add(map);
      break;
  }
  return out;
}

encoded_request encode_request(const json& operations, const std::vector<upload_file>& files,
                               const encoding& enc, part_order order) {
  return encode_form(request_parts(operations, files, order), enc);
}

}  // namespace upspec::encoder
