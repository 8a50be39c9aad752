#pragma once
// Executes GraphQL requests against the conformance schema (harness/schema.graphql), where the
// `Upload` scalar's semantics live. Sans-I/O: the server hands in what arrived.
//
// Two steps, so that a streaming server starts as soon as the map is applied: prepare() parses
// and validates the documents and coerces the variables (Upload literals and invalid Upload
// values are known then), and says which uploads the request reads; complete() resolves the
// fields once those uploads have settled.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "upspec/errors.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::execution {

using request::json;

// What the server knows of one upload once it has settled.
struct upload_value {
  std::optional<std::string> filename;
  std::string mimetype;
  std::uint64_t size = 0;
  std::string sha256;                    // lowercase hex digest of the bytes received
  std::optional<upspec::error> failure;  // file.missing, limit.file_size, multipart.truncated, ...
};

// Where the map put each upload: an object path into operations, as the map wrote it
// ("variables.file", "1.variables.files.0"), to the upload's field name. Only values at these
// paths are uploads; a look-alike {"$upload": ...} object sent by a client is not.
using upload_paths = std::map<std::string, std::string>;
using upload_values = std::map<std::string, upload_value, std::less<>>;  // by field name

struct prepared_request;  // opaque: the parsed, validated and coerced operations

class executor {
 public:
  executor();
  ~executor();
  executor(executor&&) noexcept;
  executor& operator=(executor&&) noexcept;

  // `operations` is one GraphQL request object {"query", "variables", "operationName",
  // "extensions"} or, for a batch, an array of them.
  void prepare(const json& operations, const upload_paths& paths);

  // The upload fields the prepared request reads; complete() needs each of them settled.
  const std::set<std::string>& needed_uploads() const;

  // The GraphQL over HTTP result: {"data", "errors"} (an array of them for a batch).
  json complete(const upload_values& uploads) const;

 private:
  std::unique_ptr<prepared_request> prepared_;
};

// prepare() then complete() in one call, for requests whose uploads are all settled.
json execute(const json& operations, const upload_paths& paths, const upload_values& uploads);

}  // namespace upspec::execution
