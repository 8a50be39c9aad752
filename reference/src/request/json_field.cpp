#include "upspec/request/json_field.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace upspec::request {
namespace {

// Nesting depth of arrays and objects outside strings; exact for valid JSON, and only used
// to refuse before parsing.
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// Builds the value as json::parse would (a repeated name keeps its first place and takes its
// last value, as JavaScript's JSON.parse does), but finds a large object's names through a hash
// index: ordered_json looks names up one by one, so a field of n members would take n^2/2
// comparisons to parse (a one-megabyte map of 32,000 entries took seconds). A small object is
// searched in place: an index costs allocations per name, and most objects have a few members.
class ordered_builder {
 public:
  // Room for the nesting of most documents at once, rather than growing there level by level.
  ordered_builder() { open_.reserve(8); }

  json result;
  std::string error;

  bool null() {
    put(nullptr);
    return true;
  }
  bool boolean(bool v) {
    put(v);
    return true;
  }
  bool number_integer(json::number_integer_t v) {
    put(v);
    return true;
  }
  bool number_unsigned(json::number_unsigned_t v) {
    put(v);
    return true;
  }
  bool number_float(json::number_float_t v, const std::string&) {
    put(v);
    return true;
  }
  bool string(json::string_t& v) {
    put(std::move(v));
    return true;
  }
  bool binary(json::binary_t&) {  // only binary formats (CBOR, BSON...) have these
    error = "a binary value";
    return false;
  }

  bool start_object(std::size_t) {
    open_.push_back({&put(json::object()), {}});
    return true;
  }
  bool key(json::string_t& name) {
    auto& [object, index] = open_.back();
    auto& members = object->get_ref<json::object_t&>();
    const std::size_t at = member_named(members, index, name);
    if (at == members.size()) append_new_member(*object, std::move(name), nullptr);
    next_ = &(members.begin() + static_cast<std::ptrdiff_t>(at))->second;
    return true;
  }
  bool end_object() {
    open_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    open_.push_back({&put(json::array()), {}});
    return true;
  }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    // Not only parse_error: a number beyond double's range ("1e999") is out_of_range (406).
    error = e.what();
    return false;
  }

 private:
  // Members up to which an object is searched in place rather than through its index.
  static constexpr std::size_t kMembersSearchedInPlace = 16;

  struct container {
    json* value;
    // Objects past kMembersSearchedInPlace members only: name -> member.
    std::unordered_map<std::string, std::size_t> index;
  };

  // The position of the member called `name`, or members.size() when it is new (and, past the
  // in-place limit, then indexed there).
  static std::size_t member_named(const json::object_t& members,
                                  std::unordered_map<std::string, std::size_t>& index,
                                  const std::string& name) {
    if (members.size() < kMembersSearchedInPlace) {
      const auto found = std::find_if(members.begin(), members.end(),
                                      [&name](const auto& member) { return member.first == name; });
      return static_cast<std::size_t>(found - members.begin());
    }
    if (index.empty())
      for (auto it = members.begin(); it != members.end(); ++it)
        index.emplace(it->first, static_cast<std::size_t>(it - members.begin()));
    return index.try_emplace(name, members.size()).first->second;
  }

  // Places a value where the grammar says: the top level, after a name, or an array's end.
  template <class V>
  json& put(V&& v) {
    json* slot = nullptr;
    if (open_.empty()) {
      slot = &result;
    } else if (open_.back().value->is_array()) {
      slot = &open_.back().value->emplace_back(nullptr);
    } else {
      slot = next_;
    }
    *slot = json(std::forward<V>(v));
    return *slot;
  }

  std::vector<container> open_;
  json* next_ = nullptr;
};

}  // namespace

std::variant<json, std::string> parse_json_field(std::string_view text) {
  if (nesting_depth(text) > kMaxJsonDepth)
    return "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels";
  ordered_builder builder;
  if (!json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                       /*strict=*/true, /*ignore_comments=*/false))
    return builder.error;
  return std::move(builder.result);
}

void append_new_member(json& object, std::string name, json value) {
  object.get_ref<json::object_t&>().emplace_back(std::move(name), std::move(value));
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace upspec::request
