#include "upspec/properties/noise.hpp"

#include <vector>

#include "upspec/properties/content.hpp"
#include "upspec/properties/encoding.hpp"
#include "upspec/properties/mutations.hpp"
#include "upspec/properties/request.hpp"

namespace upspec::properties {
namespace {

std::vector<std::string> tokens(const std::string& b) {
  return {"\r\n",
          "\r",
          "\n",
          "-",
          "--",
          " ",
          "\t",
          b,
          b.substr(0, b.size() / 2),
          b + "x",
          "--" + b,
          "\r\n--" + b,
          "\r\n--" + b + "\r\n",
          "\r\n--" + b + "--",
          "\r\n--" + b + " \t\r\n",
          "--" + b + "\r\n",
          "Content-Disposition: form-data; name=\"a\"\r\n",
          "Content-Type: text/plain\r\n",
          "X-A: v\r\n",
          " folded\r\n",
          "\tfolded\r\n",
          "X\r\n",
          ":\r\n",
          "bad name: x\r\n",
          std::string(1, '\0'),
          "\x7f",
          "\x01",
          "data",
          "\r\n\r\n",
          std::string(40, ' '),
          std::string(300, ' '),
          std::string(400, 'h')};
}

// Header lines, good and bad, for header blocks that get as far as being judged.
const std::vector<std::string>& header_lines() {
  static const std::vector<std::string> lines{"Content-Disposition: form-data; name=\"a\"",
                                              "Content-Type: text/plain",
                                              "X-A: v",
                                              "X-B:",
                                              " folded",
                                              "\tfolded with a tab",
                                              " control \x01 in a folded line",
                                              std::string("X-Nul: a\0b", 10),
                                              "no colon",
                                              ": empty name",
                                              "bad name: x",
                                              "X-Del: \x7f",
                                              "X-Cr: a\rb",
                                              "X-Obs: \xc3\xa9"};
  return lines;
}

// Parts whose structure is mostly right: a delimiter line, a few header lines, content.
std::string gen_parts(const std::string& b, const std::vector<std::string>& pool) {
  std::string out;
  const auto parts = *rc::gen::inRange(1, 4);
  for (int i = 0; i < parts; ++i) {
    out += (i == 0 ? "--" : "\r\n--") + b +
           *rc::gen::element<std::string>("", "", " ", "\t ", "x") + "\r\n";
    const auto lines = *rc::gen::inRange(0, 5);
    for (int l = 0; l < lines; ++l)
      out += *rc::gen::elementOf(header_lines()) +
             *rc::gen::element<std::string>("\r\n", "\r\n", "\r\n", "\n");
    out += "\r\n";
    const auto content = *rc::gen::inRange(0, 4);
    for (int c = 0; c < content; ++c) out += *rc::gen::elementOf(pool);
  }
  if (*rc::gen::weightedElement<bool>({{3, true}, {1, false}})) out += "\r\n--" + b + "--";
  return out;
}

// Where edits go: mostly near a "CRLF--", where the parser decides the most.
std::size_t edit_position(const std::string& body) {
  std::vector<std::size_t> near;
  for (std::size_t at = body.find("\r\n--"); at != std::string::npos && near.size() < 256;
       at = body.find("\r\n--", at + 1))
    near.push_back(at);
  if (!near.empty() && *rc::gen::weightedElement<bool>({{3, true}, {1, false}})) {
    const std::size_t at = *rc::gen::elementOf(near) + *rc::gen::inRange<std::size_t>(0, 12);
    return std::min(at, body.size());
  }
  return *rc::gen::inRange<std::size_t>(0, body.size() + 1);
}

}  // namespace

rc::Gen<multipart::parser_limits> gen_parser_limits() {
  return rc::gen::exec([] {
    multipart::parser_limits lim;
    if (*rc::gen::weightedElement<bool>({{3, false}, {2, true}})) {
      lim.max_header_bytes = *rc::gen::inRange<std::size_t>(2, 300);
      lim.max_header_count = *rc::gen::inRange<std::size_t>(0, 5);
      lim.max_transport_padding = *rc::gen::inRange<std::size_t>(0, 10);
    }
    return lim;
  });
}

rc::Gen<std::string> gen_token_soup(const std::string& boundary) {
  return rc::gen::exec([boundary] {
    const auto pool = tokens(boundary);
    if (*rc::gen::arbitrary<bool>()) return gen_parts(boundary, pool);
    std::string out;
    // Often a proper start, so that the soup reaches the parts' grammar.
    if (*rc::gen::arbitrary<bool>()) out = "--" + boundary + "\r\n";
    const auto n = *rc::gen::inRange(0, 40);
    for (int i = 0; i < n; ++i) {
      if (*rc::gen::weightedElement<bool>({{1, true}, {9, false}}))
        out += pseudo_random_bytes(*rc::gen::arbitrary<std::uint64_t>(),
                                   *rc::gen::inRange<std::size_t>(1, 9), "");
      else
        out += *rc::gen::elementOf(pool);
    }
    if (*rc::gen::arbitrary<bool>()) out += "\r\n--" + boundary + "--";
    return out;
  });
}

rc::Gen<std::string> gen_edited(const std::string& body, const std::string& boundary) {
  return rc::gen::exec([body, boundary] {
    std::string out = body;
    const auto pool = tokens(boundary);
    const auto edits = *rc::gen::inRange(1, 4);
    for (int i = 0; i < edits; ++i) {
      const std::size_t at = edit_position(out);
      switch (*rc::gen::inRange(0, 4)) {
        case 0:
          out.erase(at, *rc::gen::inRange<std::size_t>(1, 8));
          break;
        case 1:
          out.insert(at, *rc::gen::elementOf(pool));
          break;
        case 2:
          if (at < out.size()) out[at] = *rc::gen::element('\r', '\n', '-', ' ', 'x', '\0');
          break;
        default:
          out.resize(at);
          break;
      }
    }
    return out;
  });
}

rc::Gen<parser_case> gen_parser_case() {
  return rc::gen::exec([] {
    parser_case c;
    c.limits = *gen_parser_limits();
    switch (*rc::gen::weightedElement<int>({{2, 0}, {2, 1}, {3, 2}, {3, 3}})) {
      case 0: {
        const generated_request g = *gen_request();
        c = {"valid", g.encoding.boundary, g.body, c.limits};
        break;
      }
      case 1: {
        const mutated_request m = *gen_mutated_request();
        c = {"mutated " + m.name, m.boundary, m.body, c.limits};
        break;
      }
      case 2: {
        const generated_request g = *gen_request();
        c = {"edited", g.encoding.boundary, *gen_edited(g.body, g.encoding.boundary), c.limits};
        break;
      }
      default: {
        const std::string b = *gen_boundary();
        c = {"soup", b, *gen_token_soup(b), c.limits};
      }
    }
    return c;
  });
}

}  // namespace upspec::properties
