// RFC 2046 / RFC 7578 syntax: boundaries, delimiters, padding, line ends and part headers.

#include <tuple>

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

}  // namespace

void add_multipart_syntax_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title) {
    return cat.add("multipart-syntax", name, title);
  };
  const char* boundary_rule = "The boundary is 1 to 70 characters of bchars";
  for (std::size_t length : {1, 2, 27, 40, 69, 70}) {
    encoder::encoding enc;
    enc.boundary = std::string(length, 'b');
    if (length > 8) enc.boundary = std::string(length - 8, '-') + "0a1b2c3d";
    add("boundary-length-" + std::to_string(length),
        "A boundary of " + std::to_string(length) + " characters")
        .multipart(single_request(enc))
        .rule(boundary_rule, kRfc2046)
        .intends(200);
  }
  {
    encoder::encoding enc;
    enc.boundary = std::string(71, 'x');
    add("boundary-length-71", "A boundary of 71 characters")
        .multipart(single_request(enc))
        .level(level::should)
        .rule(boundary_rule, kRfc2046)
        .intends(400, "request.content_type")
        .accepts({200}, verdict::non_strict, "Many parsers accept longer boundaries");
    enc.boundary = std::string(200, 'x');
    add("boundary-length-200", "A boundary of 200 characters")
        .multipart(single_request(enc))
        .level(level::should)
        .rule(boundary_rule, kRfc2046)
        .intends(400, "request.content_type")
        .accepts({200}, verdict::non_strict, "Many parsers accept longer boundaries");
  }
  for (const auto& [name, boundary] : std::vector<std::pair<std::string, std::string>>{
           {"boundary-quoted-space", "with space inside"},
           {"boundary-quoted-specials", "a'()+_,-./:=?z"},
           {"boundary-quoted-plain", "simpleboundary"},
       }) {
    encoder::encoding enc;
    enc.boundary = boundary;
    enc.quote_boundary = true;
    add(name, "A quoted boundary: " + boundary)
        .multipart(single_request(enc))
        .rule(boundary_rule, kRfc2046)
        .intends(200);
  }
  {
    encoder::encoding enc;
    enc.preamble = "This is the preamble. It is to be ignored.";
    add("preamble", "A preamble before the first delimiter")
        .multipart(single_request(enc))
        .rule("The preamble is ignored", kRfc2046)
        .intends(200);
    enc.preamble.clear();
    enc.epilogue = "This is the epilogue.\r\n--upspec-6b1c0a8e3f9d4c27\r\nNot a part.\r\n";
    add("epilogue", "An epilogue after the close delimiter, holding a delimiter line")
        .multipart(single_request(enc))
        .rule("The epilogue is ignored", kRfc2046)
        .intends(200);
    enc.preamble = "preamble";
    add("preamble-and-epilogue", "Both a preamble and an epilogue")
        .multipart(single_request(enc))
        .rule("Preamble and epilogue are ignored", kRfc2046)
        .intends(200);
  }
  {
    // Found by upspec fuzz against apollo-server: busboy marks the form complete at its close
    // delimiter but goes on parsing the rest of the chunk it is in; the part right after the
    // close delimiter is skipped and the next one is read as a part. Here the body proper lacks
    // the mapped file, and the epilogue holds an empty part, then that file.
    auto parts = encoder::request_parts(single_operations(),
                                        {text_file("0", {"variables.file"}, "unused\n")});
    parts.pop_back();
    encoder::encoding enc;
    enc.epilogue =
        "This is the epilogue.\r\n--upspec-6b1c0a8e3f9d4c27\r\n\r\n"
        "--upspec-6b1c0a8e3f9d4c27\r\nContent-Disposition: form-data; name=\"0\"; "
        "filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nAfter the close "
        "delimiter.\n\r\n--upspec-6b1c0a8e3f9d4c27--\r\n";
    add("parts-after-close-delimiter",
        "An epilogue holding an empty part, then the mapped file's part")
        .multipart(encoder::encode_form(parts, enc))
        .origin("regression")
        .rule(
            "The epilogue is ignored: nothing after the close delimiter is a part, so the "
            "mapped file never arrived",
            kRfc2046)
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
  }
  {
    // Found while studying the upspec fuzz findings against apollo-server (a hang in the
    // earlier campaign): busboy reads parts after its close delimiter, and a file part that
    // begins there and is never finished is never ended either, so the form never finishes
    // and graphql-upload waits for ever. The epilogue holds an empty part, then the start of the
    // mapped file's part, and the body ends inside it.
    auto parts = encoder::request_parts(single_operations(),
                                        {text_file("0", {"variables.file"}, "unused\n")});
    parts.pop_back();
    encoder::encoding enc;
    enc.epilogue =
        "--upspec-6b1c0a8e3f9d4c27\r\n\r\n--upspec-6b1c0a8e3f9d4c27\r\nContent-Disposition: "
        "form-data; name=\"0\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nThe "
        "body ends inside this part.";
    add("unfinished-part-after-close-delimiter",
        "An epilogue holding an empty part, then the start of the mapped file's part")
        .multipart(encoder::encode_form(parts, enc))
        .origin("regression")
        .rule(
            "The epilogue is ignored, a part begun there included: the mapped file never "
            "arrived, and the request is answered",
            kRfc2046)
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
  }
  for (const auto& [name, padding] : std::vector<std::pair<std::string, std::string>>{
           {"padding-space", " "}, {"padding-tab", "\t"}, {"padding-mixed", " \t \t  "}}) {
    encoder::encoding enc;
    enc.transport_padding = padding;
    add("transport-" + name, "Transport padding after every delimiter")
        .multipart(single_request(enc))
        .rule("Receivers must handle transport padding after a delimiter",
              "RFC 2046 §5.1.1 (transport-padding)")
        .intends(200);
  }
  const std::string body = single_request().body;
  const std::string ct = single_request().content_type;
  add("close-delimiter-without-crlf", "The body ends right after the close delimiter")
      .content_type(ct)
      .body(body.substr(0, body.size() - 2))
      .rule("The CRLF after the close delimiter is optional", kRfc2046)
      .intends(200);
  add("close-delimiter-padding", "Padding after the close delimiter")
      .content_type(ct)
      .body(body.substr(0, body.size() - 2) + "  \r\n")
      .rule("Transport padding may follow the close delimiter", kRfc2046)
      .intends(200);
  add("no-close-delimiter", "The body ends after the last part, without a close delimiter")
      .content_type(ct)
      .body(body.substr(0, body.rfind("--upspec")))
      .rule("The close delimiter is required", kRfc2046)
      .accepts({400}, verdict::non_strict, kWholeBodyFirst)
      .intends(200);
  add("truncated-in-operations", "The body ends inside operations")
      .content_type(ct)
      .body(body.substr(0, body.find("single(")))
      .rule("A body that ends before the close delimiter is refused while nothing ran", kRfc2046)
      .intends(400, "multipart.truncated");
  add("truncated-in-headers", "The body ends inside a part's headers")
      .content_type(ct)
      .body(body.substr(0, body.find("name=\"map\"")))
      .rule("A body that ends before the close delimiter is refused while nothing ran", kRfc2046)
      .intends(400, "multipart.truncated");
  add("truncated-in-file", "The body ends inside the file")
      .content_type(ct)
      .body(body.substr(0, body.find("file content")))
      .rule("A body that ends inside a file fails that upload", kRfc2046)
      .accepts({400}, verdict::non_strict, kWholeBodyFirst)
      .intends(200);
  add("empty-body", "An empty body")
      .content_type(ct)
      .body("")
      .rule("A multipart body has a delimiter", kRfc2046)
      .intends(400, "multipart.malformed");
  add("only-close-delimiter", "A body that is only the close delimiter")
      .content_type(ct)
      .body("--upspec-6b1c0a8e3f9d4c27--\r\n")
      .rule("A body without parts has no operations", kRfc2046)
      .intends(400, "operations.missing");
  add("garbage-only", "A body without any delimiter")
      .content_type(ct)
      .body("operations={}&map={}")
      .rule("A multipart body has a delimiter", kRfc2046)
      .intends(400, "multipart.malformed");
  add("wrong-boundary", "The body uses another boundary than the Content-Type")
      .content_type("multipart/form-data; boundary=not-the-one")
      .body(body)
      .rule("Parts are delimited by the announced boundary", kRfc2046)
      .intends(400, "multipart.malformed");
  {
    encoder::encoding lf;
    lf.line_end = "\n";
    add("bare-lf-everywhere", "LF line ends instead of CRLF")
        .multipart(single_request(lf))
        .level(level::should)
        .rule("Line ends are CRLF", "RFC 2046 §5.1.1; RFC 7578 §4.1")
        .intends(400, "multipart.malformed");
  }
  add("bare-lf-in-header", "One part header line ends with a bare LF")
      .content_type(ct)
      .body(replace_first(body, "name=\"operations\"\r\n", "name=\"operations\"\n"))
      .level(level::should)
      .rule("Header lines end with CRLF", "RFC 7578 §4.8; RFC 5322 §2.1")
      .intends(400, "multipart.malformed");
  add("bare-cr-in-header", "A bare CR inside a part header")
      .content_type(ct)
      .body(replace_first(body, "name=\"operations\"", "name=\"oper\rations\""))
      .level(level::should)
      .rule("Header lines end with CRLF", "RFC 7578 §4.8; RFC 5322 §2.1")
      .intends(400, "multipart.malformed");
  add("header-folding", "A folded Content-Disposition header")
      .content_type(ct)
      .body(replace_all(body, "form-data; name=", "form-data;\r\n name="))
      .level(level::should)
      .rule("Folded header lines are unfolded", "RFC 5322 §2.2.3")
      .intends(200);
  add("header-no-colon", "A part header line without a colon")
      .content_type(ct)
      .body(replace_first(body, "Content-Disposition: form-data; name=\"map\"",
                          "Content-Disposition: form-data; name=\"map\"\r\nNo colon here"))
      .level(level::should)
      .rule("A header field is name: value", "RFC 5322 §2.2")
      .intends(400, "multipart.malformed");
  add("header-space-before-colon", "Whitespace between a header name and its colon")
      .content_type(ct)
      .body(replace_first(body, "Content-Disposition: form-data; name=\"map\"",
                          "Content-Disposition : form-data; name=\"map\""))
      .level(level::should)
      .rule("No whitespace is allowed between the field name and colon", "RFC 9110 §5.1")
      .intends(400, "multipart.malformed");
  add("header-nul", "A NUL byte in a part header before the map")
      .content_type(ct)
      .body(replace_first(
          body, "Content-Disposition: form-data; name=\"map\"",
          std::string("Content-Disposition: form-data; name=\"map\"\r\nX-Nul: a\0b", 54)))
      .level(level::should)
      .rule("Header values may not hold NUL", "RFC 9110 §5.5")
      .intends(400, "multipart.malformed");
  add("header-nul-in-file", "A NUL byte in the file part's headers, after the map")
      .content_type(ct)
      .body(replace_first(body, "Content-Type: text/plain",
                          std::string("Content-Type: text/pl\0ain", 25)))
      .level(level::should)
      .rule("Header values may not hold NUL; after the map only the upload fails", "RFC 9110 §5.5")
      .intends(200);
  add("header-large", "A part header of 8 KiB")
      .content_type(ct)
      .body(replace_first(body, "Content-Type: text/plain",
                          "X-Large: " + std::string(8192, 'l') + "\r\nContent-Type: text/plain"))
      .rule("Part headers of reasonable size are accepted", kRfc7578)
      .accepts({400, 413, 431}, verdict::non_strict,
               "a server may bound part headers more tightly, as long as it refuses cleanly")
      .intends(200);
  add("header-huge", "A part header of 64 KiB")
      .content_type(ct)
      .body(replace_first(body, "Content-Type: text/plain",
                          "X-Huge: " + std::string(65536, 'h') + "\r\nContent-Type: text/plain"))
      .level(level::may)
      .rule("The reference bounds a part's headers to 16 KiB",
            "upspec reference limit (docs/reference.md)");
  for (const auto& [name, hc] : std::vector<std::pair<std::string, encoder::header_case>>{
           {"header-names-lowercase", encoder::header_case::lower},
           {"header-names-uppercase", encoder::header_case::upper}}) {
    encoder::encoding enc;
    enc.header_names = hc;
    add(name, "Part header names in another case")
        .multipart(single_request(enc))
        .rule("Header field names are case-insensitive", "RFC 9110 §5.1")
        .intends(200);
  }
  {
    encoder::encoding enc;
    enc.filename_before_name = true;
    add("filename-before-name", "filename before name in Content-Disposition")
        .multipart(single_request(enc))
        .rule("Parameters are unordered", "RFC 9110 §5.6.6")
        .intends(200);
  }
  add("disposition-uppercase", "FORM-DATA and NAME in upper case")
      .content_type(ct)
      .body(replace_all(body, "form-data; name=", "FORM-DATA; NAME="))
      .rule("Disposition types and parameter names are case-insensitive",
            "RFC 6266 §4.1; RFC 7578 §4.2")
      .intends(200);
  add("name-unquoted", "Field names as tokens, without quotes")
      .content_type(ct)
      .body(replace_all(replace_all(body, "name=\"operations\"", "name=operations"), "name=\"map\"",
                        "name=map"))
      .rule("A parameter value is a token or a quoted-string", "RFC 9110 §5.6.6")
      .intends(200);
  add("duplicate-name-parameter", "Two name parameters; the first counts")
      .content_type(ct)
      .body(replace_first(body, "name=\"map\"", "name=\"map\"; name=\"other\""))
      .level(level::may)
      .rule("Senders must not repeat a parameter", "RFC 9110 §5.6.6")
      .intends(200);
  add("duplicate-disposition-header", "Two Content-Disposition headers; the first counts")
      .content_type(ct)
      .body(replace_first(body, "Content-Disposition: form-data; name=\"map\"",
                          "Content-Disposition: form-data; name=\"map\"\r\nContent-Disposition: "
                          "form-data; name=\"other\""))
      .level(level::may)
      .rule("A header field may not be repeated", "RFC 7578 §4.8")
      .intends(200);
  add("disposition-missing", "A part without Content-Disposition before the fields")
      .content_type(ct)
      .body("--upspec-6b1c0a8e3f9d4c27\r\nContent-Type: text/plain\r\n\r\nwho am I\r\n" + body)
      .level(level::should)
      .rule("Each part has a form-data Content-Disposition; others are skipped", "RFC 7578 §4.2")
      .intends(200);
  add("disposition-attachment", "A part whose disposition is attachment")
      .content_type(ct)
      .body(
          "--upspec-6b1c0a8e3f9d4c27\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nx\r\n" +
          body)
      .level(level::should)
      .rule("Only form-data parts are fields", "RFC 7578 §4.2")
      .intends(200);
  {
    // Found by upspec fuzz against ariadne-django: Django, Starlette and python-multipart read a
    // part's name whatever its disposition type, so a part that is not form-data can stand in
    // for a file. Decoys on both sides catch a receiver that keeps the first or the last.
    encoder::form_part decoy{"", {}, {}, "text/plain", "Smuggled as an attachment.\n", {}, true};
    decoy.extra_headers.emplace_back("Content-Disposition",
                                     "attachment; name=\"0\"; filename=\"smuggled.txt\"");
    auto parts = single_parts();
    parts.insert(parts.begin() + 2, decoy);
    parts.push_back(decoy);
    add("disposition-type-names-file", "Attachment parts named 0 before and after the real file 0")
        .multipart(encoder::encode_form(parts))
        .origin("regression")
        .rule(
            "Only a part whose disposition type is form-data is a field: a part of another "
            "type never stands in for one, whatever its name parameter says",
            "RFC 7578 §4.2")
        .intends(200)
        .accepts({400}, verdict::pass,
                 "RFC 7578 §4.2: every part MUST be form-data, so refusing the body is right too");
  }
  {
    // Found by upspec fuzz against ariadne-django: Django strips the whitespace around a part's
    // name, so a file part named "\t" arrived as "" and the map's key "\t" found no file. A
    // part whose name is another field's with a space around it then stands in for that field:
    // for operations, the map or a file. Decoys on both sides, with whitespace at both ends,
    // catch a receiver that trims either end and keeps the first or the last. Each decoy makes
    // a receiver that takes it answer 200 with other data: the decoy operations runs another
    // mutation with the file, the decoy map places no file for an optional Upload, the decoy
    // file is another file.
    const auto padded = [](encoder::form_part part, const std::string& name) {
      encoder::form_part before = part;
      before.name = " " + name + "\t";
      encoder::form_part after = std::move(part);
      after.name = "\t" + name + " ";
      return std::pair{before, after};
    };
    const json optional_ops{{"query", optional_query()}, {"variables", {{"file", nullptr}}}};
    const auto optional_parts = encoder::request_parts(
        optional_ops, {text_file("0", {"variables.file"}, "Alpha file content.\n")});
    for (const auto& [field, real, decoy, parts_of] :
         std::vector<std::tuple<std::string, std::size_t, encoder::form_part,
                                std::vector<encoder::form_part>>>{
             {"operations",
              0,
              {"", {}, {}, {}, request::dump_json(optional_ops), {}, false},
              single_parts()},
             {"map", 1, {"", {}, {}, {}, "{}", {}, false}, optional_parts},
             {"0",
              2,
              {"", "smuggled.txt", {}, "text/plain", "Smuggled by whitespace.\n", {}, false},
              single_parts()},
         }) {
      const auto [before, after] = padded(decoy, field);
      auto parts = parts_of;
      parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(real) + 1, after);
      parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(real), before);
      const std::string id = field == "0" ? "file" : field;
      add("name-padded-names-" + id,
          "Parts named \" " + field + "\\t\" and \"\\t" + field + " \" around the real " + field)
          .multipart(encoder::encode_form(parts))
          .origin("regression")
          .rule(
              "A part is the field its name parameter names, byte for byte: whitespace inside "
              "the quotes is part of the name, and a name with a space around it is another "
              "field, never " +
                  field,
              "RFC 7578 §4.2; RFC 9110 §5.6.4 (quoted-string)")
          .intends(200)
          .accepts({400}, verdict::non_strict,
                   "a server that streams may refuse a field before operations or between the "
                   "fields, or a part the map does not name; the order and the map are the "
                   "client's duty");
    }
  }
  // Found by upspec fuzz against apollo-server: busboy drops a part whose Content-Disposition
  // ends with ";", and then finds the map before operations.
  add("disposition-trailing-semicolon", "Content-Disposition: form-data; name=\"operations\";")
      .content_type(ct)
      .body(replace_first(body, "name=\"operations\"", "name=\"operations\";"))
      .level(level::should)
      .rule(
          "RFC 2183's grammar has no \";\" after the last parameter, but the header says "
          "plainly which field the part is: read it",
          "RFC 7578 §4.2; RFC 2183 §2")
      .intends(200)
      .accepts({400}, verdict::non_strict,
               "the header breaks RFC 2183's grammar, so refusing the body is defensible");
  add("content-transfer-encoding", "A deprecated Content-Transfer-Encoding header on the file")
      .content_type(ct)
      .body(replace_first(body, "Content-Type: text/plain",
                          "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64"))
      .level(level::may)
      .rule("Senders must not use Content-Transfer-Encoding; the bytes are taken as they are",
            "RFC 7578 §4.7")
      .intends(200);
  // Found by upspec fuzz against dgs: Tomcat looks for the first dash-boundary anywhere in the
  // preamble, so "---b…" (a preamble "-" and no line break) started the first part. A delimiter
  // begins a line; here the operations part is preamble, and the map comes first.
  add("preamble-without-line-end", "A preamble that ends without a line break before --boundary")
      .content_type(ct)
      .body("preamble" + body)
      .origin("regression")
      .rule(
          "A delimiter is CRLF and the dash-boundary; only at the very start of the body may the "
          "CRLF be absent, so a dash-boundary inside a line of the preamble is preamble",
          kRfc2046)
      .intends(400, "map.misordered");
  add("nul-in-preamble", "NUL bytes in the preamble")
      .content_type(ct)
      .body(std::string("\0\0\0\r\n", 5) + body)
      .rule("The preamble is ignored", kRfc2046)
      .intends(200);
  {
    // Found by upspec fuzz against graphql-yoga: @fastify/busboy skips a part that is not a
    // form-data field, but once such a part holds more than its stream's buffer (16 KiB) the
    // parser stops reading the body and the request is never answered (when the part's end
    // arrives in the same read as more than 16 KiB of it). Each part here is 32 KiB, twice that
    // buffer and small enough to arrive in one read with its end, and comes before the fields.
    std::string big;
    for (int i = 0; big.size() < 32 * 1024; ++i)
      big += "line " + std::to_string(i) + " of a part that no field is made of\n";
    const char* rule =
        "A part that is not a form-data field is read to its end and skipped, whatever its size "
        "(or the body is refused): the request is answered either way";
    const char* refusal =
        "RFC 7578 §4.2: each part MUST have a form-data Content-Disposition, so refusing the "
        "body is right too";
    add("skipped-part-large-no-disposition",
        "A 32 KiB part without Content-Disposition before the fields")
        .content_type(ct)
        .body("--upspec-6b1c0a8e3f9d4c27\r\nContent-Type: text/plain\r\n\r\n" + big + "\r\n" + body)
        .origin("regression")
        .rule(rule, "RFC 7578 §4.2; RFC 2046 §5.1.1")
        .intends(200)
        .accepts({400}, verdict::pass, refusal);
    add("skipped-part-large-attachment", "A 32 KiB attachment part before the fields")
        .content_type(ct)
        .body("--upspec-6b1c0a8e3f9d4c27\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\n" +
              big + "\r\n" + body)
        .origin("regression")
        .rule(rule, "RFC 7578 §4.2; RFC 2046 §5.1.1")
        .intends(200)
        .accepts({400}, verdict::pass, refusal);
  }
  add("empty-part", "A part with no headers and no content before the fields")
      .content_type(ct)
      .body("--upspec-6b1c0a8e3f9d4c27\r\n\r\n\r\n" + body)
      .level(level::should)
      .rule("A part without a name is skipped", "RFC 7578 §4.2")
      .intends(200)
      .accepts({400}, verdict::pass,
               "RFC 7578 §4.2: each part MUST have a Content-Disposition, so refusing the body "
               "is right too");
}

}  // namespace upspec::corpus
