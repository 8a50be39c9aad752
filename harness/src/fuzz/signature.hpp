#pragma once
// What a fuzz finding is keyed by (design.md, "Live fuzzing"): what went wrong, the status class
// of the answer, the reference's rule or error code for the request, and the server's error
// message with numbers and quoted values masked. Thousands of requests that hit one bug share
// one signature; a request that hits another bug, or the same bug through another rule of the
// reference, gets its own.

#include <string>
#include <string_view>

#include "corpus/test_case.hpp"
#include "run/judge.hpp"
#include "run/runner.hpp"

namespace upspec::fuzz {

struct signature {
  run::problem kind = run::problem::mismatch;
  std::string status_class;  // "2xx", "4xx", "5xx", "none"
  std::string rule;          // the reference's error code, or what a 200 owes ("ok", upload codes)
  std::string detail;        // for a mismatch: which part differs ("status", "data", "errors")
  std::string message;       // the server's message, masked

  std::string text() const;  // kind|status|rule|detail|message
  // The bug a signature is an instance of. A server failure (5xx, hang, exit, dropped,
  // garbage, poisoning, a blow-up) with one message is one bug whatever the reference would have
  // answered the request, and so is a refusal (4xx) with one message: its family leaves the rule
  // out. Any other wrong answer (a 200 where the reference refuses, data or errors that differ,
  // a file received wrong) is about what the request owes: its family is the whole signature.
  std::string family() const;
  std::string id() const;  // a short stable hash of text(), for file names and anchors
  friend bool operator==(const signature&, const signature&) = default;
};

// The signature of a judged answer to case `c`; nullopt when the verdict is not a FAIL (or,
// with `any_miss`, when it is PASS, UNSUPPORTED or ERROR: a SHOULD or MAY the case tolerates
// has a signature too, for telling a fuzz finding the corpus already knows).
std::optional<signature> signature_of(const corpus::test_case& c, const run::case_result& r,
                                      bool any_miss = false);

// Digits become N, quoted values "…" (or '…'), long hexadecimal or base64 tokens #, and the
// text is cut to 160 characters: what a server's message says, not what it was about.
std::string mask_message(std::string_view message);

// `message` with each word the request itself holds as a quoted string or a parameter value
// (a map key, a part's name, a path: `"a)"` or `name=a)` in `request`) replaced by …, so that
// one refusal echoing what it refused stays one family. Plain lowercase words of three letters
// or more are kept: those are the server's own words, which requests happen to contain too.
std::string mask_echoes(std::string_view message, std::string_view request);

// The message a server gave: the first GraphQL error's, or the start of a non-JSON body.
std::string server_message(const client::http_response& r);

}  // namespace upspec::fuzz
