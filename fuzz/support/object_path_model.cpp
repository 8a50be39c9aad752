#include "support/object_path_model.hpp"

#include <string>

#include "support/check.hpp"

namespace upspec::fuzz {
namespace {

bool is_index(std::string_view s) {
  if (s.empty() || s.size() > 9 || (s.size() > 1 && s.front() == '0')) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

const request::json* value_at_path(const request::json& root, std::string_view path) {
  const request::json* at = &root;
  for (std::size_t from = 0;;) {
    const auto dot = path.find('.', from);
    const std::string_view seg =
        path.substr(from, dot == std::string_view::npos ? dot : dot - from);
    if (at->is_object()) {
      const auto it = at->find(std::string(seg));
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array() && is_index(seg)) {
      const std::size_t i = std::stoul(std::string(seg));
      if (i >= at->size()) return nullptr;
      at = &(*at)[i];
    } else {
      return nullptr;
    }
    if (dot == std::string_view::npos) return at;
    from = dot + 1;
  }
}

void check_path_verdict(std::string_view path, bool refused,
                        const std::vector<std::string>& applied) {
  if (path.empty()) UPSPEC_FUZZ_CHECK(refused, "an empty path was applied");
  // A path an earlier one is a prefix of (segment by segment) walks into the file it set.
  for (const std::string& earlier : applied)
    if (path.size() > earlier.size() && path.substr(0, earlier.size()) == earlier &&
        path[earlier.size()] == '.')
      UPSPEC_FUZZ_CHECK(refused, "a path into the file of an earlier path was applied: " +
                                     std::string(path) + " after " + earlier);
  for (std::size_t from = 0;;) {
    const auto dot = path.find('.', from);
    const std::string_view seg =
        path.substr(from, dot == std::string_view::npos ? dot : dot - from);
    if (seg == "__proto__" || seg == "constructor" || seg == "prototype")
      UPSPEC_FUZZ_CHECK(refused, "a prototype segment was applied: " + std::string(path));
    if (dot == std::string_view::npos) return;
    from = dot + 1;
  }
}

}  // namespace upspec::fuzz
