#include "upspec/request/object_path.hpp"

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

json* object_path_setter::member(json& object, const std::string& name) {
  auto& members = object.get_ref<json::object_t&>();
  auto entry = indexes_.find(&members);
  if (entry == indexes_.end()) {
    // The first walk through an object searches it: a single path needs no index.
    if (walked_once_.insert(&members).second) {
      const auto it = object.find(name);
      return it == object.end() ? nullptr : &it.value();
    }
    // A repeated name (not from parse_json_field, which keeps names unique) resolves to its
    // first member, as ordered_json's find does.
    entry = indexes_.try_emplace(&members).first;
    std::size_t position = 0;
    for (const auto& [name_here, unused] : members)
      entry->second.try_emplace(name_here, position++);
  }
  const auto it = entry->second.find(name);
  return it == entry->second.end()
             ? nullptr
             : &(members.begin() + static_cast<std::ptrdiff_t>(it->second))->second;
}

json& object_path_setter::add_member(json& object, std::string name, json value) {
  auto& members = object.get_ref<json::object_t&>();
  if (auto entry = indexes_.find(&members); entry != indexes_.end())
    entry->second.try_emplace(name, members.size());
  append_new_member(object, std::move(name), std::move(value));
  return members.back().second;
}

void object_path_setter::replace(json& slot, const json& value) {
  if (!walked_once_.empty()) forget_indexes(slot);
  slot = value;
}

void object_path_setter::forget_indexes(const json& value) {
  if (value.is_object()) {
    indexes_.erase(&value.get_ref<const json::object_t&>());
    walked_once_.erase(&value.get_ref<const json::object_t&>());
    for (const auto& [name, child] : value.items()) forget_indexes(child);
  } else if (value.is_array()) {
    for (const auto& child : value) forget_indexes(child);
  }
}

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
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string_view seg = segments[i];
    const bool last = i + 1 == segments.size();
    if (at->is_object()) {
      std::string name(seg);
      json* found = member(*at, name);
      if (last) {
        if (found)
          replace(*found, value);
        else
          add_member(*at, std::move(name), value);
        return std::nullopt;
      }
      at = found ? found : &add_member(*at, std::move(name), empty_container_for(segments[i + 1]));
    } else if (at->is_array()) {
      const auto index = array_index(seg);
      if (!index) return "the segment '" + std::string(seg) + "' is not an index into an array";
      if (*index >= at->size()) {
        if (*index - at->size() > kMaxArrayPadding)
          return "the index " + std::string(seg) + " is too far beyond the array's end";
        while (at->size() < *index) at->push_back(nullptr);
        at->push_back(last ? value : empty_container_for(segments[i + 1]));
        if (last) return std::nullopt;
      } else if (last) {
        replace((*at)[*index], value);
        return std::nullopt;
      }
      at = &(*at)[*index];
    } else {
      return "the segment '" + std::string(seg) + "' goes through a " +
             std::string(at->type_name()) + ", not an object or array";
    }
  }
  return std::nullopt;
}

}  // namespace upspec::request
