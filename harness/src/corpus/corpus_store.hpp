#pragma once
// Reading and writing the stored corpus: one JSON file per category under a folder
// (corpus/cases/ by default), each {"cases": [...]}.

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "corpus/test_case.hpp"

namespace upspec::corpus {

// Writes <dir>/<category>.json for every category, cases in the given order; removes nothing
// else. Output is deterministic.
void write_corpus(const std::vector<test_case>& cases, const std::filesystem::path& dir);

// Every *.json file below dir (sorted by path), or a message naming the file and the problem.
// Ids must be unique.
std::variant<std::vector<test_case>, std::string> load_corpus(const std::filesystem::path& dir);

// The default corpus folder: $UPSPEC_CORPUS, else the one installed with this binary
// (<prefix>/share/upspec/corpus/cases for <prefix>/bin/upspec), else corpus/cases below the
// working directory, else the one next to the source tree the binary was built from.
std::filesystem::path default_corpus_dir();

// Shell-style glob (* and ?) over case ids.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace upspec::corpus
