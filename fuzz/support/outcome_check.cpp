#include "support/outcome_check.hpp"

#include <algorithm>
#include <cstring>

#include "support/check.hpp"

namespace upspec::fuzz {
namespace {

// A member of an object, or null: const operator[] on a missing key is undefined behaviour.
const json& at(const json& object, const char* key) {
  static const json kAbsent;
  if (!object.is_object()) return kAbsent;
  const auto it = object.find(key);
  return it == object.end() ? kAbsent : *it;
}

bool is_request_level(error_code code) {
  switch (code) {
    case error_code::file_missing:
    case error_code::upload_literal:
    case error_code::upload_value_invalid:
    case error_code::upload_serialization:
      return false;
    default:
      return true;
  }
}

// What can fail a single upload: it never arrived, it was too large, or the body broke after
// the map had been applied.
bool fails_an_upload(error_code code) {
  return code == error_code::file_missing || code == error_code::limit_file_size ||
         code == error_code::multipart_truncated || code == error_code::multipart_malformed;
}

bool is_lower_hex(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void check_upload_entry(const json& u) {
  UPSPEC_FUZZ_CHECK(u.is_object(), "an upload entry that is not an object");
  if (u.contains("error")) {
    const json& e = at(u, "error");
    UPSPEC_FUZZ_CHECK(e.is_object() && at(e, "code").is_string() && at(e, "message").is_string(),
                      "an upload error without code and message");
    UPSPEC_FUZZ_CHECK(fails_an_upload(known_code(at(e, "code").get<std::string>())),
                      "an upload failed with a code that cannot fail an upload");
    return;
  }
  UPSPEC_FUZZ_CHECK(at(u, "filename").is_string() || at(u, "filename").is_null(),
                    "upload filename");
  UPSPEC_FUZZ_CHECK(at(u, "mimetype").is_string(), "upload mimetype");
  UPSPEC_FUZZ_CHECK(at(u, "size").is_number_unsigned(), "upload size");
  UPSPEC_FUZZ_CHECK(at(u, "sha256").is_string() &&
                        at(u, "sha256").get<std::string>().size() == 64 &&
                        is_lower_hex(at(u, "sha256").get<std::string>()),
                    "upload sha256");
}

}  // namespace

error_code known_code(const std::string& code) {
  const auto c = error_code_from_name(code);
  UPSPEC_FUZZ_CHECK(c.has_value(), "an error code outside the taxonomy: " + code);
  return *c;
}

bool same_json(const json& a, const json& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case json::value_t::object: {
      const auto& x = a.get_ref<const json::object_t&>();
      const auto& y = b.get_ref<const json::object_t&>();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
        if (i->first != j->first || !same_json(i->second, j->second)) return false;
      return true;
    }
    case json::value_t::array: {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_json(a[i], b[i])) return false;
      return true;
    }
    case json::value_t::number_float: {
      // Bit for bit: -0.0 and 0.0 print differently, and NaN (never parsed) equals itself.
      const double x = a.get<double>(), y = b.get<double>();
      return std::memcmp(&x, &y, sizeof x) == 0;
    }
    default:
      return a == b;
  }
}

void check_outcome(const json& outcome) {
  UPSPEC_FUZZ_CHECK(outcome.is_object(), "the outcome is not an object");
  UPSPEC_FUZZ_CHECK(at(outcome, "status").is_number_integer(), "the outcome has no status");
  UPSPEC_FUZZ_CHECK(at(outcome, "ignored").is_array(), "the outcome has no ignored list");
  for (const json& field : at(outcome, "ignored"))
    UPSPEC_FUZZ_CHECK(field.is_string(), "an ignored field that is not a string");
  const int status = at(outcome, "status").get<int>();
  const json& error = at(outcome, "error");
  if (error.is_null()) {
    UPSPEC_FUZZ_CHECK(status == 200, "no error but status " + std::to_string(status));
    const json& ops = at(outcome, "operations");
    UPSPEC_FUZZ_CHECK(ops.is_object() || ops.is_array(), "accepted operations of a wrong type");
    UPSPEC_FUZZ_CHECK(at(outcome, "uploads").is_object(), "accepted without an uploads object");
    for (const auto& [field, u] : at(outcome, "uploads").items()) check_upload_entry(u);
    return;
  }
  UPSPEC_FUZZ_CHECK(error.is_object() && at(error, "code").is_string() &&
                        at(error, "message").is_string() && at(error, "cite").is_string(),
                    "a refusal without code, message and cite");
  UPSPEC_FUZZ_CHECK(!outcome.contains("operations") && !outcome.contains("uploads"),
                    "a refusal that still reports operations or uploads");
  const error_code code = known_code(at(error, "code").get<std::string>());
  UPSPEC_FUZZ_CHECK(is_request_level(code), "a request refused with an upload-level code");
  const bool status_ok = code == error_code::request_content_type ? status == 415 || status == 400
                                                                  : status == info(code).status;
  UPSPEC_FUZZ_CHECK(status_ok, "status " + std::to_string(status) + " for " +
                                   at(error, "code").get<std::string>());
}

void check_settled(const request::processor& p, const request::limits& limits) {
  UPSPEC_FUZZ_CHECK(p.settled(), "the processor has not settled after finish()");
  if (p.failed()) {
    UPSPEC_FUZZ_CHECK(!p.operations_ready(), "a refusal after the operations were handed out");
    return;
  }
  UPSPEC_FUZZ_CHECK(p.operations_ready(), "accepted without applying the map");
  for (const request::upload& u : p.uploads()) {
    const bool settled =
        u.state == request::upload_state::complete || u.state == request::upload_state::failed;
    UPSPEC_FUZZ_CHECK(settled, "an upload still pending after finish(): " + u.field);
    UPSPEC_FUZZ_CHECK((u.state == request::upload_state::failed) == u.failure.has_value(),
                      "an upload's state and failure disagree");
    if (u.failure) UPSPEC_FUZZ_CHECK(fails_an_upload(u.failure->code), "upload failure code");
    if (limits.max_file_size)
      UPSPEC_FUZZ_CHECK(u.size <= *limits.max_file_size, "an upload over max_file_size");
  }
  if (limits.max_files)
    UPSPEC_FUZZ_CHECK(p.uploads().size() <= *limits.max_files, "more uploads than max_files");
}

void check_graphql_result(const json& result, bool batch_allowed) {
  if (result.is_array()) {
    UPSPEC_FUZZ_CHECK(batch_allowed, "a batch inside a batch");
    for (const json& item : result) check_graphql_result(item, false);
    return;
  }
  UPSPEC_FUZZ_CHECK(result.is_object(), "a GraphQL result that is not an object");
  for (const auto& [key, value] : result.items())
    UPSPEC_FUZZ_CHECK(key == "data" || key == "errors", "a GraphQL result member: " + key);
  UPSPEC_FUZZ_CHECK(result.contains("data") || result.contains("errors"),
                    "a GraphQL result with neither data nor errors");
  if (result.contains("data"))
    UPSPEC_FUZZ_CHECK(at(result, "data").is_object() || at(result, "data").is_null(),
                      "result data");
  if (!result.contains("errors")) return;
  UPSPEC_FUZZ_CHECK(at(result, "errors").is_array() && !at(result, "errors").empty(),
                    "result errors");
  for (const json& e : at(result, "errors")) {
    UPSPEC_FUZZ_CHECK(e.is_object() && at(e, "message").is_string(), "an error without a message");
    if (!e.contains("extensions")) continue;
    const json& code = at(at(e, "extensions"), "code");
    UPSPEC_FUZZ_CHECK(code.is_string(), "an error's extensions without a code");
    known_code(code.get<std::string>());
  }
}

}  // namespace upspec::fuzz
