#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace upspec::reports::detail {

enum class Verdict : std::uint8_t { pass, non_strict, fail, info, unsupported, error };

// In the order every report lists them.
inline constexpr std::array<Verdict, 6> kVerdicts = {Verdict::pass,        Verdict::non_strict,
                                                     Verdict::fail,        Verdict::info,
                                                     Verdict::unsupported, Verdict::error};

std::string_view name(Verdict v);       // as spelled in index.json: "NON-STRICT"
std::string_view css_class(Verdict v);  // "v-nonstrict": a class name cannot hold every name
std::optional<Verdict> parse_verdict(std::string_view text);

// Whether the verdict makes `upspec run` fail: FAIL always, NON-STRICT under --strict.
bool fails_run(Verdict v, bool strict);

// How bad a verdict is, for telling regressions from improvements in a diff. Verdicts of the
// same rank (FAIL and ERROR; PASS and INFO) count as a change, neither better nor worse.
int severity(Verdict v);

}  // namespace upspec::reports::detail
