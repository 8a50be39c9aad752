// multipart-syntax, continued: parts that carry a name* (RFC 8187's extended form of name).
// RFC 7578 §4.2 names a field by its name parameter alone, so a receiver that lets name*
// override it lets a client make a part operations, the map or a file behind the back of
// anything that checked name (CVE-2026-53537).

#include <tuple>

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;
using encoder::form_part;

namespace {

constexpr const char* kRule =
    "A part is the field its name parameter names; a name* never changes which field it is";
constexpr const char* kCite = "RFC 7578 §4.2; RFC 8187; CVE-2026-53537";
// The decoys are extra fields, before or between the real ones: a server that honours name*
// answers 200 with the decoy's data, but one that refuses an unexpected field (as
// field-order.extra-field-* allow, at SHOULD) never read name* at all.
constexpr const char* kDecoyRefused =
    "a server that streams may refuse a field before operations or between the fields, or a part "
    "the map does not name; the order and the map are the client's duty";

form_part with_name_star(form_part part, std::string name_star) {
  part.name_star = std::move(name_star);
  return part;
}

form_part plain(std::string name, std::string value) {
  return {std::move(name), {}, {}, {}, std::move(value), {}, false};
}

form_part text_part(std::string name, std::string content, std::string filename) {
  return {std::move(name), std::move(filename), {}, "text/plain", std::move(content), {}, false};
}

// Decoys on both sides of the real part: a receiver that honours name* then meets one whether
// it keeps the first or the last of a repeated field.
std::vector<form_part> around(std::vector<form_part> parts, std::size_t real,
                              const form_part& decoy) {
  form_part before = decoy;
  before.name += "-before";
  form_part after = decoy;
  after.name += "-after";
  const auto at = parts.begin() + static_cast<std::ptrdiff_t>(real);
  parts.insert(parts.insert(at, before) + 2, after);
  return parts;
}

}  // namespace

void add_name_star_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title,
                       const std::vector<form_part>& parts) {
    return cat.add("multipart-syntax", name, title)
        .multipart(encoder::encode_form(parts))
        .rule(kRule, kCite);
  };
  // single_parts(): operations, map, then file 0.
  add("name-star-names-operations",
      "Plain fields whose name* says operations, before and after the real operations",
      around(single_parts(), 0,
             with_name_star(plain("note", R"({"query":"{ ping }"})"), "operations")))
      .intends(200)
      .accepts({400}, verdict::non_strict, kDecoyRefused);
  add("name-star-names-map", "Plain fields whose name* says map, before and after the real map",
      around(single_parts(), 1,
             with_name_star(plain("note", R"({"0":["variables.smuggled"]})"), "map")))
      .intends(200)
      .accepts({400}, verdict::non_strict, kDecoyRefused);
  add("name-star-names-file", "File parts whose name* says 0, before and after the real file 0",
      around(single_parts(), 2,
             with_name_star(text_part("x", "Smuggled by name*.\n", "smuggled.txt"), "0")))
      .intends(200)
      .accepts({400}, verdict::non_strict, kDecoyRefused);
  for (const auto& [field, real, title] :
       std::vector<std::tuple<std::string, std::size_t, std::string>>{
           {"operations", 0, "The operations part"},
           {"map", 1, "The map part"},
           {"file", 2, "File 0's part"}}) {
    auto parts = single_parts();
    parts[real].name_star = "renamed";
    add("name-star-renames-" + field, title + " with a name* naming another field", parts)
        .intends(200);
  }
  {
    form_part nameless = plain("", R"({"query":"{ ping }"})");
    nameless.omit_disposition = true;
    nameless.extra_headers.emplace_back("Content-Disposition",
                                        "form-data; name*=UTF-8''operations");
    auto parts = single_parts();
    parts.insert(parts.begin(), nameless);
    parts.insert(parts.begin() + 2, nameless);
    add("name-star-without-name",
        "Parts with name*=UTF-8''operations and no name, before and after the real operations",
        parts)
        .intends(200)
        .accepts({400}, verdict::pass,
                 "RFC 7578 §4.2: every part MUST have a name parameter, so refusing the body is "
                 "right too");
  }
}

}  // namespace upspec::corpus
