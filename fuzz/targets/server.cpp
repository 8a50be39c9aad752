// The reference server's request path in process: the bytes of one connection in (requests
// one after the other), the responses out. Every answer must be one the server documents, a
// JSON body in the GraphQL over HTTP shape with a known code, never a 500 (which only an
// exception escaping the reference produces), and a multipart answer must agree with the
// reference outcome of the same body.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "server/in_memory.hpp"
#include "support/check.hpp"
#include "support/outcome_check.hpp"
#include "upspec/request/outcome.hpp"

namespace {

using namespace upspec;
using request::json;

bool is_server_code(std::string_view code) {
  using namespace serve::server_code;
  return code == bad_request || code == not_found || code == method_not_allowed ||
         code == header_too_large;
}

void check_answer(const fuzz::served_request& r) {
  static const std::set<int> kStatuses{200, 204, 400, 404, 405, 413, 415, 431};
  const serve::reply& a = r.answer;
  UPSPEC_FUZZ_CHECK(a.status != 500, "an internal error: " + a.body);
  UPSPEC_FUZZ_CHECK(kStatuses.count(a.status) == 1, "status " + std::to_string(a.status));
  UPSPEC_FUZZ_CHECK(r.response.rfind("HTTP/1.", 0) == 0, "a response without a status line");
  if (a.status == 204) {
    UPSPEC_FUZZ_CHECK(a.body.empty() && !a.allow.empty(), "a 204 with a body or without Allow");
    return;
  }
  auto parsed = request::parse_json_field(a.body);
  UPSPEC_FUZZ_CHECK(std::holds_alternative<json>(parsed), "a body that is not JSON: " + a.body);
  const json& body = std::get<json>(parsed);
  if (!a.code.empty()) {
    UPSPEC_FUZZ_CHECK(is_server_code(a.code) || error_code_from_name(a.code).has_value(),
                      "an unknown code: " + a.code);
    static const json::json_pointer code_at("/errors/0/extensions/code");
    UPSPEC_FUZZ_CHECK(body.contains(code_at) && body.at(code_at) == a.code,
                      "the body's code is not the reply's");
    return;
  }
  UPSPEC_FUZZ_CHECK(a.status == 200, "a refusal without a code");
  fuzz::check_graphql_result(body);
}

// The server and `upspec reference` must give one verdict on one body.
void check_against_reference(const fuzz::served_request& r, const serve::server_options& options) {
  if (!r.multipart) return;
  const json outcome = request::reference_outcome(r.content_type, r.body, options.limits);
  fuzz::check_outcome(outcome);
  if (outcome["error"].is_null()) {
    // A body cut short still executes (the uploads in progress fail), but only once complete.
    if (!r.body_complete) return;
    UPSPEC_FUZZ_CHECK(r.answer.status == 200 && r.answer.code.empty(),
                      "the reference accepts what the server refused: " + r.answer.body);
    return;
  }
  UPSPEC_FUZZ_CHECK(r.answer.status == outcome["status"].get<int>() &&
                        r.answer.code == outcome["error"]["code"].get<std::string>(),
                    "the server and the reference disagree: " + r.answer.body + " vs " +
                        request::dump_json(outcome["error"]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const serve::server_options options = [] {
    serve::server_options o;
    o.limits.max_file_size = 4096;  // so that fuzzer-sized files can go over it
    return o;
  }();
  const auto served = fuzz::serve_in_memory({reinterpret_cast<const char*>(data), size}, options);
  for (const auto& r : served) {
    check_answer(r);
    check_against_reference(r, options);
  }
  return 0;
}
