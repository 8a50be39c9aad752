#pragma once
// The stable error taxonomy shared by the reference, the server, the harness and the corpus
// (design.md, "Error codes"). Codes are never renamed: reports and cases key on them.

#include <optional>
#include <string>
#include <string_view>

namespace upspec {

enum class error_code {
  request_content_type,
  multipart_malformed,
  multipart_truncated,
  operations_missing,
  operations_invalid_json,
  operations_invalid_type,
  map_missing,
  map_misordered,
  map_invalid_json,
  map_invalid_type,
  map_entry_invalid_type,
  map_path_invalid_type,
  map_path_invalid,
  file_misordered,
  file_missing,
  limit_field_size,
  limit_file_size,
  limit_files,
  upload_literal,
  upload_value_invalid,
  upload_serialization,
};

struct error_info {
  std::string_view name;  // the stable dotted code, e.g. "map.path_invalid"
  int status;             // HTTP status when it rejects the whole request (0: never does)
  std::string_view cite;  // the rule it comes from
};

const error_info& info(error_code code) noexcept;
std::string_view name(error_code code) noexcept;
std::optional<error_code> error_code_from_name(std::string_view name) noexcept;

// An error with the message that explains this occurrence of it.
struct error {
  error_code code;
  std::string message;
  int status;  // usually info(code).status; request.content_type is 415 or 400

  error(error_code c, std::string msg);
  error(error_code c, std::string msg, int http_status);
  friend bool operator==(const error&, const error&) = default;
};

}  // namespace upspec
