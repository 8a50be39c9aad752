#include "fuzz/signature.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace upspec::fuzz {
namespace {

using corpus::json;

std::string status_class_of(const run::case_result& r) {
  if (!r.response) return "none";
  return std::to_string(r.response->status / 100) + "xx";
}

// What the reference owes a request: its error code when it refuses it, else the codes its
// answer carries (failed uploads, Upload misuse), else "ok".
std::string rule_of(const corpus::expectation& e) {
  if (e.status == 0) return "no-answer-owed";
  if (e.code) return *e.code;
  if (e.status != 200) return std::to_string(e.status);
  std::set<std::string> codes;
  for (const auto& err : e.errors) codes.insert(err.code.empty() ? "graphql" : err.code);
  if (codes.empty()) return "ok";
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : "+") + c;
  return out;
}

// Which part of an answer of the expected status differs, from the judge's finding text.
std::string detail_of(const run::judgement& j, const corpus::expectation& e,
                      const run::case_result& r) {
  if (!r.response) return {};
  if (r.response->status != e.status) return "status";
  for (std::size_t i = 0; i < j.findings.size(); ++i) {
    if (j.problems[i] != run::problem::mismatch && j.problems[i] != run::problem::corruption)
      continue;
    const std::string& f = j.findings[i];
    if (f.find("missing error") != std::string::npos) return "missing-error";
    if (f.find("unexpected error") != std::string::npos) return "unexpected-error";
    if (f.find("code ") == 0) return "code";
    if (f.find("batch") != std::string::npos) return "batch";
    if (f.find("data") != std::string::npos) return "data";
  }
  return "other";
}

// The judge's words on the canary that failed after the case.
std::string canary_error_of(const run::judgement& j) {
  for (std::size_t i = 0; i < j.findings.size(); ++i)
    if (j.problems[i] == run::problem::poisoned) return j.findings[i];
  return {};
}

constexpr std::pair<std::string_view, std::string_view> kTypographicQuotes[] = {
    {"\xe2\x80\x98", "\xe2\x80\x99"},  // ‘ ’
    {"\xe2\x80\x9c", "\xe2\x80\x9d"},  // “ ”
    {"\xc2\xab", "\xc2\xbb"},          // « »
};

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '=' ||
         c == '-' || c == '_';
}

}  // namespace

std::string mask_message(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size() && out.size() < 160;) {
    const char c = in[i];
    if (c == '"' || c == '\'' || c == '`') {
      const auto close = in.find(c, i + 1);
      if (close != std::string_view::npos && close - i < 200) {
        out += c;
        out += "…";
        out += c;
        i = close + 1;
        continue;
      }
    }
    // Typographic quotes, as some servers write them: ‘…’, “…”, «…».
    bool masked = false;
    for (const auto& [open, close] : kTypographicQuotes) {
      if (in.substr(i, open.size()) != open) continue;
      const auto end = in.find(close, i + open.size());
      if (end == std::string_view::npos || end - i > 200) continue;
      out += std::string(open) + "…" + std::string(close);
      i = end + close.size();
      masked = true;
      break;
    }
    if (masked) continue;
    // A long token of letters and digits with digits in it: an id, a hash, a boundary.
    std::size_t end = i;
    bool digits = false;
    while (end < in.size() && is_token_char(in[end])) {
      digits = digits || std::isdigit(static_cast<unsigned char>(in[end]));
      ++end;
    }
    if (end - i >= 16 && digits) {
      out += '#';
      i = end;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      out += 'N';
      while (i < in.size() && (std::isdigit(static_cast<unsigned char>(in[i])) || in[i] == '.'))
        ++i;
      continue;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    ++i;
  }
  return out;
}

namespace {

// The server's own words, which requests happen to hold too; and numbers, which mask_message
// makes N whether or not the request holds them.
bool is_plain_word(std::string_view w) {
  const auto all = [&](auto pred) { return std::all_of(w.begin(), w.end(), pred); };
  return (w.size() >= 3 && all([](char c) { return c >= 'a' && c <= 'z'; })) ||
         all([](char c) { return c >= '0' && c <= '9'; });
}

bool request_holds(std::string_view request, std::string_view word) {
  for (const char* open : {"\"", "=", "'"}) {
    const std::string quoted = std::string(open) + std::string(word);
    for (auto at = request.find(quoted); at != std::string_view::npos;
         at = request.find(quoted, at + 1)) {
      const auto after = at + quoted.size();
      const char next = after < request.size() ? request[after] : '\r';
      if (next == (open[0] == '=' ? ';' : open[0]) || (open[0] == '=' && next == '\r')) return true;
    }
  }
  return false;
}

}  // namespace

std::string mask_echoes(std::string_view message, std::string_view request) {
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    if (message[i] == ' ') {
      out += ' ';
      ++i;
      continue;
    }
    const auto end = std::min(message.find(' ', i), message.size());
    std::string_view word = message.substr(i, end - i);
    // A word may end with the sentence's own punctuation.
    std::string_view trail;
    while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ':') &&
           !request_holds(request, word)) {
      trail = message.substr(i + word.size() - 1, trail.size() + 1);
      word.remove_suffix(1);
    }
    if (!word.empty() && !is_plain_word(word) && request_holds(request, word))
      out += "…" + std::string(trail);
    else
      out += message.substr(i, end - i);
    i = end;
  }
  return out;
}

std::string server_message(const client::http_response& r) {
  const json body = json::parse(r.body, nullptr, false);
  const json* first = nullptr;
  if (body.is_object() && body.contains("errors") && body["errors"].is_array() &&
      !body["errors"].empty())
    first = &body["errors"][0];
  else if (body.is_array() && !body.empty() && body[0].is_object() && body[0].contains("errors") &&
           body[0]["errors"].is_array() && !body[0]["errors"].empty())
    first = &body[0]["errors"][0];
  if (first && first->is_object() && first->contains("message") && (*first)["message"].is_string())
    return (*first)["message"].get<std::string>();
  if (!body.is_discarded()) return {};
  return r.body.substr(0, 200);
}

std::optional<signature> signature_of(const corpus::test_case& c, const run::case_result& r,
                                      bool any_miss) {
  using corpus::verdict;
  const verdict v = r.j.verdict;
  const bool missed =
      v == verdict::fail || (any_miss && (v == verdict::non_strict || v == verdict::info));
  if (!missed || r.j.problems.empty()) return std::nullopt;
  signature s;
  s.kind = run::primary(r.j.problems);
  if (s.kind == run::problem::poisoned) {
    // The bug shows in the requests after this one: what the canary got is its signature, not
    // what this request was answered (any request that walks into the broken state poisons).
    s.status_class = "none";
    s.message = mask_message(canary_error_of(r.j));
    return s;
  }
  s.status_class = status_class_of(r);
  s.rule = rule_of(c.expect);
  if (s.kind == run::problem::mismatch || s.kind == run::problem::corruption)
    s.detail = detail_of(r.j, c.expect, r);
  // What a server says while it is down, poisoned or hanging is not about this request.
  const bool about_request = s.kind != run::problem::hang && s.kind != run::problem::exited;
  if (r.response && about_request) {
    // A refusal that quotes a header of the request (graphql-upload-minimal's "Invalid
    // content-type X") says the same thing whatever X was.
    std::string message = server_message(*r.response);
    for (const auto& [name, value] : c.request.headers)
      for (auto at = value.size() >= 3 ? message.find(value) : std::string::npos;
           at != std::string::npos; at = message.find(value, at + 3))
        message.replace(at, value.size(), "…");
    s.message = mask_message(mask_echoes(message, c.request.body));
  }
  return s;
}

std::string signature::text() const {
  return std::string(run::to_string(kind)) + "|" + status_class + "|" + rule + "|" + detail + "|" +
         message;
}

std::string signature::family() const {
  const bool wrong_answer = kind == run::problem::mismatch || kind == run::problem::corruption;
  // A refusal with a message says why the server refused: that reason is the bug, whatever the
  // reference would have answered.
  const bool refused_for_a_reason = status_class == "4xx" && !message.empty();
  if (wrong_answer && !refused_for_a_reason) return text();
  return std::string(run::to_string(kind)) + "|" + status_class + "|*|" + detail + "|" + message;
}

std::string signature::id() const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const std::string t = text();
  EVP_Digest(t.data(), t.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < 5; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace upspec::fuzz
