#pragma once
// Hazard dictionaries: the values mutations draw on (member names that objects inherit in the
// languages servers are written in, numbers at type edges, boundary-relevant bytes, header
// parameter forms, media types, file names, JSON tokens). They are data files in the libFuzzer
// and AFL dictionary format, one category per file (fuzz/dict/hazards/<category>.dict), built
// into the library and extended at run time (`upspec fuzz --dict FILE`).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace upspec::properties {

class hazards {
 public:
  // The dictionaries of fuzz/dict/hazards, as built in.
  static const hazards& builtin();

  // Adds every entry of a dictionary's text to `category`; a message naming the first bad line
  // otherwise (and nothing is added).
  std::optional<std::string> add_text(const std::string& category, std::string_view text);
  void add(const std::string& category, std::string value);

  // The entries of a category (empty when there is none).
  const std::vector<std::string>& of(std::string_view category) const;
  // Every entry of every category whose name starts with "members-": names objects inherit.
  const std::vector<std::string>& member_names() const { return members_; }
  // Entries of categories no mutation knows by name (a --dict file's own), used at every layer.
  const std::vector<std::string>& extra() const { return extra_; }
  std::vector<std::string> categories() const;
  std::size_t size() const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> entries_;
  std::vector<std::string> members_;
  std::vector<std::string> extra_;
};

// The categories mutations draw on by name.
namespace hazard {
inline constexpr std::string_view numbers = "numbers";
inline constexpr std::string_view boundary_bytes = "boundary-bytes";
inline constexpr std::string_view header_parameters = "header-parameters";
inline constexpr std::string_view media_types = "media-types";
inline constexpr std::string_view json_tokens = "json-tokens";
inline constexpr std::string_view filenames = "filenames";
inline constexpr std::string_view members_prefix = "members-";
}  // namespace hazard

// One line of a dictionary file: `name="value"`, `"value"`, a `#` comment or nothing. Values
// escape `\"`, `\\` and `\xHH`. nullopt for a blank or comment line, an error for a bad one.
std::variant<std::optional<std::string>, std::string> parse_dictionary_line(std::string_view line);

}  // namespace upspec::properties
