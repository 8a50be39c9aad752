#pragma once
// Object paths of the map field: where in operations each file goes.

#include <optional>
#include <string>
#include <string_view>

#include "upspec/request/json_field.hpp"

namespace upspec::request {

inline constexpr std::size_t kMaxPathSegments = 512;
inline constexpr std::size_t kMaxArrayPadding = 1024;  // nulls added to reach a far index

// graphql-upload guard against prototype pollution: these segments are refused.
bool is_prototype_segment(std::string_view segment) noexcept;

// GraphQL multipart request spec, object paths (as graphql-upload applies them through
// object-path): "."-separated segments; a segment of decimal digits without a leading zero
// indexes an array; a missing key or index is created (an array when the next segment is an
// index, else an object); walking through anything but an object or array fails.
// Sets `value` at `path` in `root` and returns nullopt, or says why the path cannot be followed.
std::optional<std::string> set_at_object_path(json& root, std::string_view path, const json& value);

}  // namespace upspec::request
