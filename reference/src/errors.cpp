#include "upspec/errors.hpp"

#include <array>
#include <utility>

namespace upspec {
namespace {

// Indexed by error_code; the order must match the enum.
constexpr std::array<error_info, 21> kErrors{{
    {"request.content_type", 415, "RFC 7578 §4.1; RFC 2046 §5.1.1 (boundary parameter required)"},
    {"multipart.malformed", 400, "RFC 2046 §5.1.1; RFC 7578 §4"},
    {"multipart.truncated", 400, "RFC 2046 §5.1.1 (close-delimiter required)"},
    {"operations.missing", 400, "GraphQL multipart request spec: operations field"},
    {"operations.invalid_json", 400, "GraphQL multipart request spec: operations field (JSON)"},
    {"operations.invalid_type", 400,
     "GraphQL multipart request spec: operations is an object or an array (batching)"},
    {"map.missing", 400, "GraphQL multipart request spec: map field"},
    {"map.misordered", 400, "GraphQL multipart request spec: field order (operations, map, files)"},
    {"map.invalid_json", 400, "GraphQL multipart request spec: map field (JSON)"},
    {"map.invalid_type", 400, "GraphQL multipart request spec: map is an object"},
    {"map.entry_invalid_type", 400,
     "GraphQL multipart request spec: map values are arrays of object paths"},
    {"map.path_invalid_type", 400, "GraphQL multipart request spec: object paths are strings"},
    {"map.path_invalid", 400,
     "GraphQL multipart request spec: object paths; graphql-upload prototype guard"},
    {"file.misordered", 400,
     "GraphQL multipart request spec: field order (operations, map, files)"},
    {"file.missing", 0, "GraphQL multipart request spec: file fields; graphql-upload File missing"},
    {"limit.field_size", 413, "graphql-upload maxFieldSize"},
    {"limit.file_size", 413, "graphql-upload maxFileSize"},
    {"limit.files", 413, "graphql-upload maxFiles"},
    {"upload.literal", 0,
     "GraphQL multipart request spec: Upload scalar; graphql-upload GraphQLUpload"},
    {"upload.value_invalid", 0,
     "GraphQL multipart request spec: Upload scalar; graphql-upload GraphQLUpload"},
    {"upload.serialization", 0,
     "GraphQL multipart request spec: Upload scalar; graphql-upload GraphQLUpload"},
}};

}  // namespace

const error_info& info(error_code code) noexcept {
  return kErrors[static_cast<std::size_t>(code)];
}

std::string_view name(error_code code) noexcept {
  return info(code).name;
}

std::optional<error_code> error_code_from_name(std::string_view n) noexcept {
  for (std::size_t i = 0; i < kErrors.size(); ++i)
    if (kErrors[i].name == n) return static_cast<error_code>(i);
  return std::nullopt;
}

error::error(error_code c, std::string msg)
    : code(c), message(std::move(msg)), status(info(c).status) {}

error::error(error_code c, std::string msg, int http_status)
    : code(c), message(std::move(msg)), status(http_status) {}

}  // namespace upspec
