#include "verdict.hpp"

namespace upspec::reports::detail {

std::string_view name(Verdict v) {
  switch (v) {
    case Verdict::pass:
      return "PASS";
    case Verdict::non_strict:
      return "NON-STRICT";
    case Verdict::fail:
      return "FAIL";
    case Verdict::info:
      return "INFO";
    case Verdict::unsupported:
      return "UNSUPPORTED";
    case Verdict::error:
      return "ERROR";
  }
  return "?";
}

std::string_view css_class(Verdict v) {
  switch (v) {
    case Verdict::pass:
      return "v-pass";
    case Verdict::non_strict:
      return "v-nonstrict";
    case Verdict::fail:
      return "v-fail";
    case Verdict::info:
      return "v-info";
    case Verdict::unsupported:
      return "v-unsupported";
    case Verdict::error:
      return "v-error";
  }
  return "v-none";
}

std::optional<Verdict> parse_verdict(std::string_view text) {
  for (Verdict v : kVerdicts) {
    if (name(v) == text) return v;
  }
  return std::nullopt;
}

bool fails_run(Verdict v, bool strict) {
  return v == Verdict::fail || (strict && v == Verdict::non_strict);
}

int severity(Verdict v) {
  switch (v) {
    case Verdict::pass:
    case Verdict::info:
      return 0;
    case Verdict::unsupported:
      return 1;
    case Verdict::non_strict:
      return 2;
    case Verdict::fail:
    case Verdict::error:
      return 3;
  }
  return 3;
}

}  // namespace upspec::reports::detail
