#pragma once
// A conformance case (design.md, "Cases and verdicts"): a stable id, the rule it checks with
// its citation and level, the exact request and how to send it, and the expected outcome with
// the alternatives that are still acceptable.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upspec/request/json_field.hpp"
#include "upspec/request/limits.hpp"

namespace upspec::corpus {

using request::json;

enum class level { must, should, may };

enum class verdict { pass, non_strict, fail, info, unsupported, error };

std::string_view to_string(level l);
std::string_view to_string(verdict v);
std::optional<level> level_from_string(std::string_view s);
std::optional<verdict> verdict_from_string(std::string_view s);

enum class transport_mode {
  content_length,  // the body in one go, with Content-Length
  chunked,         // Transfer-Encoding: chunked, chunks of chunk_size
  drip,            // Content-Length, chunk_size bytes every delay_ms
  abort,           // Content-Length announced, the connection closed after abort_after bytes
};

struct transport {
  transport_mode mode = transport_mode::content_length;
  std::size_t chunk_size = 0;
  int delay_ms = 0;
  std::uint64_t abort_after = 0;
  friend bool operator==(const transport&, const transport&) = default;
};

// A body too large to store: head, then `size` bytes of a seeded pseudo-random stream, then tail.
struct large_body {
  std::string head;
  std::uint64_t size = 0;
  std::uint64_t seed = 0;
  std::string tail;
  friend bool operator==(const large_body&, const large_body&) = default;
};

struct http_request {
  std::string method = "POST";
  std::string target;  // path and query; empty: the target's own URL path
  std::vector<std::pair<std::string, std::string>> headers;  // sent exactly, in order
  std::string body;
  std::optional<large_body> large;  // replaces body when set
  transport how;
  friend bool operator==(const http_request&, const http_request&) = default;

  std::uint64_t body_size() const;
};

struct expected_error {
  json path;  // the GraphQL error path, e.g. ["single"]
  std::string code;
  friend bool operator==(const expected_error&, const expected_error&) = default;
};

// An answer that differs from the reference's and is still acceptable: another status, or (with
// `data`) a 200 whose GraphQL data differs from the reference's in a way the rule allows.
struct alternative {
  std::vector<int> status;
  verdict gives = verdict::non_strict;
  std::string note;          // who answers this way and why it is tolerated
  std::optional<json> data;  // the data of an accepted 200 answer; the errors stay the reference's
  friend bool operator==(const alternative&, const alternative&) = default;
};

struct expectation {
  int status = 200;
  std::optional<std::string> code;     // the upspec error code of a refused request
  std::optional<json> data;            // the GraphQL data of a 200 answer
  std::vector<expected_error> errors;  // the GraphQL errors of a 200 answer
  std::vector<alternative> alternatives;
  // The errors without an upspec code (GraphQL validation and coercion, which engines word and
  // place each their own way) are met by any error of the answer, wherever it is. The errors
  // with a code, and the data, are compared as ever. Generated requests (upspec fuzz) have it:
  // they judge the multipart layer, and any query a mutation made is invalid in its own way.
  bool graphql_errors_loose = false;
  friend bool operator==(const expectation&, const expectation&) = default;
};

struct test_case {
  std::string id;  // <category>.<name>
  std::string title;
  std::string category;
  level requirement = level::must;
  std::string rule;
  std::string cite;
  std::string origin = "catalog";            // catalog, generated or regression
  std::vector<std::string> requires_fields;  // schema fields a target may lack (UNSUPPORTED)
  request::limits limits;                    // the server limits the expectation assumes
  http_request request;
  expectation expect;
  friend bool operator==(const test_case&, const test_case&) = default;
};

}  // namespace upspec::corpus
