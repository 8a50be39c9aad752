#pragma once
// The JSON form of a case, as stored in corpus/cases/ (documented in corpus/README.md).

#include <string>
#include <variant>

#include "corpus/test_case.hpp"

namespace upspec::corpus {

json to_json(const test_case& c);

// The case, or a message naming the first field that is missing or malformed.
std::variant<test_case, std::string> case_from_json(const json& j);

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);
bool is_utf8(std::string_view bytes);

}  // namespace upspec::corpus
