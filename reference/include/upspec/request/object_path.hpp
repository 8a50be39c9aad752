#pragma once
// Object paths of the map field: where in operations each file goes.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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

// set_at_object_path for many paths into one value (the map's into the operations). An object's
// members are found through an index made the second time a path walks through it: ordered_json
// compares names one by one, so n paths into an object of n members would cost n^2 comparisons.
// `root` must not be changed by anything else while the setter is in use.
class object_path_setter {
 public:
  explicit object_path_setter(json& root) : root_(root) {}
  std::optional<std::string> set(std::string_view path, const json& value);

 private:
  using member_index = std::unordered_map<std::string, std::size_t>;  // name -> position

  json* member(json& object, const std::string& name);
  json& add_member(json& object, std::string name, json value);
  void replace(json& slot, const json& value);
  void forget_indexes(const json& value);

  json& root_;
  // Keyed by the address of an object's member storage, which nlohmann keeps on the heap and so
  // stays put when the object itself moves (its parent array or object growing). An entry goes
  // when replace() destroys its object, before the address can be reused.
  std::unordered_set<const json::object_t*> walked_once_;
  std::unordered_map<const json::object_t*, member_index> indexes_;
};

}  // namespace upspec::request
