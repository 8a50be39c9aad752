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

  json* at = &root;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string_view seg = segments[i];
    const bool last = i + 1 == segments.size();
    json* next = nullptr;
    if (at->is_object()) {
      const std::string key(seg);
      auto it = at->find(key);
      if (last || it == at->end()) {
        (*at)[key] = last ? value : empty_container_for(segments[i + 1]);
        if (last) return std::nullopt;
      }
      next = &(*at)[key];
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
        (*at)[*index] = value;
        return std::nullopt;
      }
      next = &(*at)[*index];
    } else {
      return "the segment '" + std::string(seg) + "' goes through a " +
             std::string(at->type_name()) + ", not an object or array";
    }
    at = next;
  }
  return std::nullopt;
}

}  // namespace upspec::request
