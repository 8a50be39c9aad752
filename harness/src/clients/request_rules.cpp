// The request as HTTP: method, Content-Type, framing and the headers around the body.

#include <algorithm>

#include "clients/rules.hpp"
#include "upspec/multipart/boundary.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::clients {

using corpus::level;

namespace rules {
const rule request_sent{"request-sent", level::must,
                        "GraphQL multipart request spec: a client sends the operations and files"};
const rule single_request{"single-request", level::should,
                          "GraphQL multipart request spec: one request carries the operations"};
const rule method_post{"method-post", level::must,
                       "GraphQL multipart request spec (an operations object is a POST request)"};
const rule multipart_content_type{"multipart-content-type", level::must, "RFC 7578 §4.1"};
const rule boundary_syntax{"boundary-syntax", level::must, "RFC 2046 §5.1.1 (boundary)"};
const rule body_complete{"body-complete", level::must, "RFC 9110 §8.6; RFC 9112 §6.3"};
const rule content_length{"content-length", level::should, "RFC 9110 §8.6"};
const rule requested_headers{
    "requested-headers", level::must,
    "the library's documented header option; Apollo Server CSRF prevention needs one"};
const rule preflight_header{
    "preflight-header", level::may,
    "Fetch standard, CORS-safelisted request headers; Apollo Server CSRF prevention"};
}  // namespace rules

std::optional<std::string> header_value(const serve::recorded_request& h, std::string_view name) {
  for (const auto& [k, v] : h.headers)
    if (multipart::iequals(k, name)) return v;
  return std::nullopt;
}

std::string shown(std::string_view text) {
  constexpr std::size_t kLongest = 120;
  std::string shown = request::dump_json(json(std::string(text.substr(0, kLongest))));
  if (text.size() > kLongest) shown += "... (" + std::to_string(text.size()) + " bytes)";
  return shown;
}

// The specification's operations object is a GraphQL POST request; GET carries no body.
void check_method_post(const sent_request& r, findings& out) {
  if (r.http.method != "POST")
    out.push_back({&rules::method_post, "sent with " + shown(r.http.method) + ", not POST"});
}

// RFC 7578 §4.1: the media type is multipart/form-data, with a boundary parameter.
void check_multipart_content_type(const sent_request& r, findings& out) {
  const auto type = header_value(r.http, "content-type");
  if (!type) {
    out.push_back({&rules::multipart_content_type, "no Content-Type header"});
    return;
  }
  const auto parsed = multipart::parse_parameterized_value(*type);
  if (!parsed || parsed->token != "multipart/form-data")
    out.push_back(
        {&rules::multipart_content_type, "Content-Type " + shown(*type) +
                                             ", not multipart/form-data: the files were "
                                             "not uploaded as a GraphQL multipart request"});
  else if (parsed->find("boundary") == nullptr)
    out.push_back({&rules::multipart_content_type,
                   "Content-Type " + shown(*type) + " has no boundary parameter"});
}

// RFC 2046 §5.1.1: boundary := 0*69<bchars> bcharsnospace.
void check_boundary_syntax(const sent_request& r, findings& out) {
  const auto type = header_value(r.http, "content-type");
  const auto parsed = type ? multipart::parse_parameterized_value(*type) : std::nullopt;
  const auto* boundary = parsed ? parsed->find("boundary") : nullptr;
  if (boundary != nullptr && !multipart::is_valid_boundary(boundary->value))
    out.push_back({&rules::boundary_syntax,
                   "boundary " + shown(boundary->value) +
                       " is not 1 to 70 of RFC 2046's bchars, ending in a non-space"});
}

// RFC 9110 §8.6, RFC 9112 §6.3: the body is as long as its framing says.
void check_body_complete(const sent_request& r, findings& out) {
  if (r.http.complete) return;
  out.push_back({&rules::body_complete,
                 "the body ended after " + std::to_string(r.http.body.size()) + " bytes" +
                     (r.http.content_length ? ", short of its Content-Length " +
                                                  std::to_string(*r.http.content_length)
                                            : std::string(", before its last chunk"))});
}

// RFC 9110 §8.6: a user agent SHOULD send Content-Length when it is not sending
// Transfer-Encoding; servers and proxies that cap uploads want the size before the body.
void check_content_length(const sent_request& r, findings& out) {
  if (r.http.content_length) return;
  out.push_back({&rules::content_length,
                 r.http.chunked ? "no Content-Length: the body was sent chunked, so a server "
                                  "learns its size only at the end"
                                : "no Content-Length"});
}

// Headers the application asked the library to send (here: the scenario's) must reach the
// server on the upload too; a CSRF-protected server refuses the upload without them.
void check_requested_headers(const sent_request& r, findings& out) {
  for (const auto& [name, value] : r.s.headers) {
    const auto got = header_value(r.http, name);
    if (!got)
      out.push_back({&rules::requested_headers, "the header " + name + " was not sent"});
    else if (*got != value)
      out.push_back({&rules::requested_headers,
                     "the header " + name + " is " + shown(*got) + ", not " + shown(value)});
  }
}

// A multipart/form-data POST with CORS-safelisted headers only is a simple request, sent
// cross-site without a preflight; Apollo Server refuses it unless one of these is present.
void check_preflight_header(const sent_request& r, findings& out) {
  static constexpr std::string_view kForcing[] = {"apollo-require-preflight",
                                                  "x-apollo-operation-name", "graphql-preflight"};
  const bool forced = std::any_of(std::begin(kForcing), std::end(kForcing), [&](auto name) {
    const auto v = header_value(r.http, name);
    return v && !v->empty();
  });
  if (!forced)
    out.push_back({&rules::preflight_header,
                   "no Apollo-Require-Preflight, X-Apollo-Operation-Name or GraphQL-Preflight "
                   "header by default: a server with CSRF prevention (Apollo Server) refuses the "
                   "upload until the application adds one"});
}

}  // namespace upspec::clients
