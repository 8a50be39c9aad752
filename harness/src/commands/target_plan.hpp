#pragma once
// Which servers a command plays against, from its --target, --targets and --only options; shared
// by `upspec run` and `upspec fuzz`.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "run/target.hpp"
#include "run/wire.hpp"
#include "targets/target_definition.hpp"

namespace upspec::cli {

struct target_options {
  std::vector<std::string> urls;  // --target
  std::string targets_path;       // --targets: a folder of definitions, or a targets file
  std::vector<std::string> only;  // --only
};

// A target, and for one the harness installs and starts itself, its definition.
struct planned_target {
  run::target target;
  std::optional<targets::target_definition> managed;
};

// The targets of --targets (narrowed by --only) and --target, in that order; the built-in
// reference server when none is named. A message when one cannot be read.
std::variant<std::vector<planned_target>, std::string> plan_targets(const target_options& o);

// --header NAME:VALUE options as headers (the value's leading spaces dropped), or the first
// option that is not of that form.
std::variant<run::header_list, std::string> parse_headers(const std::vector<std::string>& options);

// Whether `id` matches one of the shell-style globs.
bool matches_any(const std::vector<std::string>& globs, const std::string& id);

}  // namespace upspec::cli
