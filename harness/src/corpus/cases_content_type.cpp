// The request's Content-Type header.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

void add_content_type_cases(catalog& cat) {
  const std::string body = single_request().body;
  const std::string b = "upspec-6b1c0a8e3f9d4c27";
  const char* rule = "A multipart request is multipart/form-data with a boundary";
  const char* cite = "RFC 7578 §4.1; RFC 2046 §5.1.1; RFC 9110 §8.3";
  const auto add = [&](const std::string& name, const std::string& title,
                       const std::string& value) {
    return cat.add("content-type", name, title).content_type(value).body(body).rule(rule, cite);
  };
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"plain", "multipart/form-data; boundary=" + b},
           {"no-space", "multipart/form-data;boundary=" + b},
           {"quoted", "multipart/form-data; boundary=\"" + b + "\""},
           {"uppercase-type", "MULTIPART/FORM-DATA; boundary=" + b},
           {"mixed-case-type", "Multipart/Form-Data; boundary=" + b},
           {"uppercase-parameter", "multipart/form-data; BOUNDARY=" + b},
           {"charset-before", "multipart/form-data; charset=utf-8; boundary=" + b},
           {"charset-after", "multipart/form-data; boundary=" + b + "; charset=utf-8"},
           {"trailing-semicolon", "multipart/form-data; boundary=" + b + ";"},
           {"extra-spaces", "multipart/form-data;   boundary=" + b + "  "},
       })
    add(name, "Content-Type: " + value, value).intends(200);
  // Found by upspec fuzz against vertx-web-graphql: the media type was compared with the
  // whitespace before ";" still on it, so a valid multipart request was answered 415.
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"space-before-semicolon", "multipart/form-data ; boundary=" + b},
           {"tab-before-semicolon", "multipart/form-data\t;boundary=" + b}})
    add(name, "Content-Type: " + value, value)
        .origin("regression")
        .rule(
            "Whitespace may surround the \";\" before a parameter; the media type is the token "
            "before it",
            "RFC 9110 §5.6.6, §8.3.1")
        .intends(200);
  // Found by upspec fuzz against ariadne-wsgi: a server that decodes the fields with the charset
  // parameter failed on one no codec knows.
  add("unknown-charset", "A charset parameter that names no known encoding",
      "multipart/form-data; charset=x-upspec-unknown; boundary=" + b)
      .origin("regression")
      .rule(
          "multipart/form-data defines no charset parameter: an unknown one is ignored, or at "
          "worst refused, never a server error",
          "RFC 7578 §8 (no optional parameters); RFC 9110 §8.3")
      .intends(200)
      .accepts({400, 415}, verdict::non_strict,
               "a server that decodes the fields with the charset parameter may refuse one it "
               "does not know");
  add("duplicate-boundary", "Two boundary parameters; the first counts",
      "multipart/form-data; boundary=" + b + "; boundary=other")
      .level(level::may)
      .intends(200);
  add("duplicate-boundary-second-used", "Two boundary parameters and the body uses the second",
      "multipart/form-data; boundary=other; boundary=" + b)
      .level(level::may)
      .intends(400, "multipart.malformed");
  add("space-around-equals", "Whitespace around the = of the boundary",
      "multipart/form-data; boundary = " + b)
      .level(level::may);
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"text-plain", "text/plain"},
           {"urlencoded", "application/x-www-form-urlencoded"},
           {"multipart-mixed", "multipart/mixed; boundary=" + b},
           {"octet-stream", "application/octet-stream"},
           {"form-data-typo", "multipart/formdata; boundary=" + b},
       })
    add(name, "Content-Type: " + value, value)
        .intends(415, "request.content_type")
        .accepts({400}, verdict::non_strict,
                 "400 Bad Request is a common answer to an unsupported media type");
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"no-boundary", "multipart/form-data"},
           {"empty-boundary", "multipart/form-data; boundary="},
           {"empty-quoted-boundary", "multipart/form-data; boundary=\"\""},
           {"unterminated-quote", "multipart/form-data; boundary=\"" + b},
           {"boundary-bad-character", "multipart/form-data; boundary=\"a@b\""},
       })
    add(name, "Content-Type: " + value, value)
        .intends(400, "request.content_type")
        .accepts({415}, verdict::non_strict,
                 "415 is also a fair answer to an unusable multipart Content-Type")
        .accepts({500}, verdict::fail, "A server error is never acceptable");
  cat.add("content-type", "missing", "No Content-Type header at all")
      .body(body)
      .rule(rule, cite)
      .intends(415, "request.content_type")
      .accepts({400}, verdict::non_strict,
               "400 Bad Request is a common answer to a request without a media type");
}

}  // namespace upspec::corpus
