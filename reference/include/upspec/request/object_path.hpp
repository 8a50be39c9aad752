#pragma once
// Object paths of the map field: where in operations each file goes.

#include <memory>
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
// index, else an object); walking through anything but an object or array fails, and so does
// walking into a file an earlier path of the same map put there (an Upload, in graphql-upload).
// Sets `value` at `path` in `root` and returns nullopt, or says why the path cannot be followed.
std::optional<std::string> set_at_object_path(json& root, std::string_view path, const json& value);

// set_at_object_path for many paths into one value (the map's into the operations). An object's
// members are found through an index made the second time a path walks through it: ordered_json
// compares names one by one, so n paths into an object of n members would cost n^2 comparisons.
// `root` must not be changed by anything else while the setter is in use.
class object_path_setter {
 public:
  explicit object_path_setter(json& root);
  ~object_path_setter();
  object_path_setter(const object_path_setter&) = delete;
  object_path_setter& operator=(const object_path_setter&) = delete;

  std::optional<std::string> set(std::string_view path, const json& value);

 private:
  // What is known of the containers paths have walked through, in a tree of its own that
  // mirrors theirs by position (an object's members are only ever appended, so positions last).
  // Not keyed by address: growing an ordered_json object copies its members' values (a pair
  // with a const name cannot be moved without the risk of throwing), so their storage moves.
  struct walked;
  // Marks the value at `position` of `parent` as a file: later paths may replace it, not walk
  // into it.
  static void mark_file(walked& parent, std::size_t position);

  json& root_;
  std::unique_ptr<walked> walked_root_;
};

}  // namespace upspec::request
