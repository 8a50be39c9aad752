#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace upspec::reports::testing {

// A small well-formedness check of XML 1.0 as junit.xml uses it (declaration, elements,
// attributes, text, the five named entities and character references): "" when well-formed,
// else what is wrong and where. Checks every character is one XML 1.0 allows.
std::string xml_problem(std::string_view doc);

// Parses `file` with python3's xml.etree (expat) and returns "tag suites testcases failures
// errors skipped", or the parser's error; nullopt when python3 is not installed.
std::optional<std::string> python_xml_summary(const std::filesystem::path& file);

}  // namespace upspec::reports::testing
