#include "xml_check.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace upspec::reports::testing {
namespace {

bool allowed(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

class Parser {
 public:
  explicit Parser(std::string_view doc) : s_(doc) {}

  std::string run() {
    if (s_.substr(0, 5) == "<?xml") {
      const auto end = s_.find("?>");
      if (end == std::string_view::npos) return fail("unterminated declaration");
      i_ = end + 2;
    }
    bool root_seen = false;
    while (i_ < s_.size()) {
      if (s_[i_] == '<') {
        if (stack_.empty() && root_seen) return fail("content after the root element");
        if (!tag()) return error_;
        root_seen = true;
      } else {
        if (stack_.empty() && !is_space(s_[i_])) return fail("text outside the root element");
        if (!text_char()) return error_;
      }
    }
    if (!stack_.empty()) return fail("unclosed <" + stack_.back() + ">");
    if (!root_seen) return fail("no root element");
    return {};
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  static bool is_name(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  }

  std::string fail(const std::string& what) {
    error_ = what + " at byte " + std::to_string(i_);
    return error_;
  }
  bool bad(const std::string& what) {
    fail(what);
    return false;
  }

  // One character of text or attribute value, entities included.
  bool text_char(char quote = 0) {
    const unsigned char b = static_cast<unsigned char>(s_[i_]);
    if (b == '<') return bad("'<' in text");
    if (b == '&') return entity();
    if (quote == 0 && s_.substr(i_, 3) == "]]>") return bad("']]>' in text");
    char32_t cp = b;
    std::size_t len = 1;
    if (b >= 0x80) {
      len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
      if (len == 0 || i_ + len > s_.size()) return bad("bad UTF-8");
      cp = b & (0x7F >> len);
      for (std::size_t k = 1; k < len; ++k) {
        const unsigned char cb = static_cast<unsigned char>(s_[i_ + k]);
        if ((cb & 0xC0) != 0x80) return bad("bad UTF-8");
        cp = (cp << 6) | (cb & 0x3F);
      }
    }
    if (!allowed(cp)) return bad("character U+" + std::to_string(cp) + " not allowed");
    i_ += len;
    return true;
  }

  bool entity() {
    const auto end = s_.find(';', i_);
    if (end == std::string_view::npos || end - i_ > 12) return bad("bad entity");
    const std::string_view name = s_.substr(i_ + 1, end - i_ - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
      i_ = end + 1;
      return true;
    }
    if (name.size() < 2 || name[0] != '#') return bad("unknown entity");
    const bool hex = name[1] == 'x';
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return bad("empty character reference");
    char* stop = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (*stop != '\0' || !allowed(static_cast<char32_t>(cp))) {
      return bad("character reference to a character not allowed");
    }
    i_ = end + 1;
    return true;
  }

  std::string name() {
    const std::size_t start = i_;
    while (i_ < s_.size() && is_name(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  void spaces() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }

  bool tag() {
    ++i_;  // '<'
    if (i_ < s_.size() && s_[i_] == '/') {
      ++i_;
      const std::string n = name();
      spaces();
      if (i_ >= s_.size() || s_[i_] != '>') return bad("bad end tag");
      ++i_;
      if (stack_.empty() || stack_.back() != n) return bad("mismatched </" + n + ">");
      stack_.pop_back();
      return true;
    }
    const std::string n = name();
    if (n.empty()) return bad("bad tag name");
    std::vector<std::string> attrs;
    for (;;) {
      const std::size_t before = i_;
      spaces();
      if (i_ >= s_.size()) return bad("unterminated tag");
      if (s_[i_] == '>') {
        ++i_;
        stack_.push_back(n);
        return true;
      }
      if (s_.substr(i_, 2) == "/>") {
        i_ += 2;
        return true;
      }
      if (i_ == before) return bad("no space before attribute");
      const std::string a = name();
      if (a.empty() || i_ >= s_.size() || s_[i_] != '=') return bad("bad attribute");
      for (const std::string& seen : attrs) {
        if (seen == a) return bad("duplicate attribute " + a);
      }
      attrs.push_back(a);
      ++i_;
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) {
        return bad("unquoted attribute");
      }
      const char quote = s_[i_++];
      while (i_ < s_.size() && s_[i_] != quote) {
        if (!text_char(quote)) return false;
      }
      if (i_ >= s_.size()) return bad("unterminated attribute");
      ++i_;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::vector<std::string> stack_;
  std::string error_;
};

}  // namespace

std::string xml_problem(std::string_view doc) {
  return Parser(doc).run();
}

std::optional<std::string> python_xml_summary(const std::filesystem::path& file) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) return std::nullopt;
  const std::string command =
      "python3 -c 'import sys, xml.etree.ElementTree as E\n"
      "try:\n"
      "  r = E.parse(sys.argv[1]).getroot()\n"
      "except E.ParseError as e:\n"
      "  print(\"error\", e); sys.exit(0)\n"
      "n = lambda p: len(r.findall(p))\n"
      "print(r.tag, n(\"testsuite\"), n(\".//testcase\"), n(\".//failure\"), n(\".//error\"),"
      " n(\".//skipped\"))' '" +
      file.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  std::array<char, 512> buf{};
  while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe)) out += buf.data();
  ::pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace upspec::reports::testing
