#include "upspec/request/object_path.hpp"

#include <iterator>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace upspec::request {
namespace {

std::optional<std::size_t> array_index(std::string_view segment) noexcept {
  if (segment.empty() || segment.size() > 9) return std::nullopt;
  if (segment.size() > 1 && segment.front() == '0') return std::nullopt;
  std::size_t n = 0;
  for (char c : segment) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

// The value at a position among an object's members or an array's items.
json& value_at(json& container, std::size_t position) {
  if (container.is_array()) return container[position];
  auto& members = container.get_ref<json::object_t&>();
  return (members.begin() + static_cast<std::ptrdiff_t>(position))->second;
}

json empty_container_for(std::string_view next_segment) {
  return array_index(next_segment) ? json::array() : json::object();
}

}  // namespace

bool is_prototype_segment(std::string_view segment) noexcept {
  return segment == "__proto__" || segment == "constructor" || segment == "prototype";
}

std::optional<std::string> set_at_object_path(json& root, std::string_view path,
                                              const json& value) {
  return object_path_setter(root).set(path, value);
}

struct object_path_setter::walked {
  bool file = false;      // the value here was set by a path: a file, not a container
  bool searched = false;  // an object a path has walked through once, by a linear search
  std::optional<std::unordered_map<std::string, std::size_t>> positions;  // name -> position
  std::unordered_map<std::size_t, std::unique_ptr<walked>> children;      // by position

  // The position of `name` among `object`'s members, or nullopt.
  std::optional<std::size_t> find(const json& object, const std::string& name) {
    const auto& members = object.get_ref<const json::object_t&>();
    if (!positions && !std::exchange(searched, true)) {
      const auto it = object.find(name);
      if (it == object.end()) return std::nullopt;
      return static_cast<std::size_t>(std::distance(object.begin(), it));
    }
    if (!positions) {
      // A repeated name (not from parse_json_field, which keeps names unique) resolves to its
      // first member, as ordered_json's find does.
      positions.emplace();
      std::size_t position = 0;
      for (const auto& [name_here, unused] : members) positions->try_emplace(name_here, position++);
    }
    const auto it = positions->find(name);
    return it == positions->end() ? std::nullopt : std::optional(it->second);
  }

  // Appends a member `object` does not have yet; returns its position.
  std::size_t add(json& object, std::string name, json value) {
    const std::size_t position = object.size();
    if (positions) positions->try_emplace(name, position);
    append_new_member(object, std::move(name), std::move(value));
    return position;
  }

  walked& child(std::size_t position) {
    auto& slot = children[position];
    if (!slot) slot = std::make_unique<walked>();
    return *slot;
  }
};

object_path_setter::object_path_setter(json& root)
    : root_(root), walked_root_(std::make_unique<walked>()) {}

object_path_setter::~object_path_setter() = default;

std::optional<std::string> object_path_setter::set(std::string_view path, const json& value) {
  if (path.empty()) return "the path is empty";
  std::vector<std::string_view> segments;
  for (std::size_t from = 0;;) {
    const auto dot = path.find('.', from);
    segments.push_back(
        path.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
    if (dot == std::string_view::npos) break;
    from = dot + 1;
    if (segments.size() > kMaxPathSegments) break;
  }
  if (segments.size() > kMaxPathSegments)
    return "the path has more than " + std::to_string(kMaxPathSegments) + " segments";
  for (auto s : segments)
    if (is_prototype_segment(s))
      return "the segment '" + std::string(s) + "' is refused (prototype pollution)";

  json* at = &root_;
  walked* known = walked_root_.get();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string_view seg = segments[i];
    const bool last = i + 1 == segments.size();
    std::size_t position = 0;
    if (at->is_object()) {
      std::string name(seg);
      if (const auto found = known->find(*at, name)) {
        position = *found;
      } else {
        position =
            known->add(*at, std::move(name), last ? value : empty_container_for(segments[i + 1]));
        if (last) {
          mark_file(*known, position);
          return std::nullopt;
        }
      }
    } else if (at->is_array()) {
      const auto index = array_index(seg);
      if (!index) return "the segment '" + std::string(seg) + "' is not an index into an array";
      position = *index;
      if (*index >= at->size()) {
        if (*index - at->size() > kMaxArrayPadding)
          return "the index " + std::string(seg) + " is too far beyond the array's end";
        while (at->size() < *index) at->push_back(nullptr);
        at->push_back(last ? value : empty_container_for(segments[i + 1]));
        if (last) {
          mark_file(*known, position);
          return std::nullopt;
        }
      }
    } else {
      return "the segment '" + std::string(seg) + "' goes through a " +
             std::string(at->type_name()) + ", not an object or array";
    }
    json& slot = value_at(*at, position);
    if (last) {
      // What was known of the value replaced goes with it.
      known->children.erase(position);
      slot = value;
      mark_file(*known, position);
      return std::nullopt;
    }
    at = &slot;
    known = &known->child(position);
    // graphql-upload: a value an earlier path set is an Upload, not an object to walk into.
    if (known->file)
      return "the segment '" + std::string(segments[i + 1]) +
             "' goes through a file an earlier path of the map put there";
  }
  return std::nullopt;
}

void object_path_setter::mark_file(walked& parent, std::size_t position) {
  parent.child(position).file = true;
}

}  // namespace upspec::request
