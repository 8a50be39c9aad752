#pragma once
// The conformance schema's resolvers: they report what arrived, so that the harness can check
// every byte (design.md, "The conformance schema").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "coerce_arguments.hpp"
#include "upspec/execution/executor.hpp"

namespace upspec::execution {

// A resolver's refusal: becomes a field error at the position that holds it.
struct field_failure {
  std::string message;
  std::optional<std::string> code;
};

struct resolved;
using resolved_list = std::vector<resolved>;

// What a resolver returns: a leaf value, an UploadedFile (the settled upload it describes),
// a list, or a failure. A failure inside a list fails that item only (graphql-js completes
// an Error list item as an error at the item's path).
struct resolved {
  std::variant<std::nullptr_t, bool, std::int64_t, std::string, const upload_value*, resolved_list,
               field_failure>
      v = nullptr;
};

// Query.* and Mutation.* fields, from their coerced arguments.
resolved resolve_root_field(std::string_view field, const argument_values& args,
                            const upload_values& uploads);

// UploadedFile.* fields. A missing filename reads as "" since the schema says String!.
resolved resolve_file_field(std::string_view field, const upload_value& file);

}  // namespace upspec::execution
