#include "structured/mutate.hpp"

#include <rapidcheck.h>

#include <array>
#include <string_view>
#include <variant>

#include "upspec/properties/encoding.hpp"

namespace upspec::fuzz {
namespace {

using request::json;

std::size_t pick(random_source& rng, std::size_t n) {
  return n == 0 ? 0 : static_cast<std::size_t>(rng() % n);
}

template <std::size_t N>
std::string pick_text(const std::array<std::string_view, N>& items, random_source& rng) {
  return std::string(items[pick(rng, N)]);
}

constexpr std::array<std::string_view, 10> kMediaTypes{"text/plain",
                                                       "application/octet-stream",
                                                       "TEXT/Plain; charset=utf-8",
                                                       "",
                                                       "image/png",
                                                       "multipart/mixed; boundary=x",
                                                       "text/plain; name=\"a;b\"",
                                                       "a/b/c",
                                                       "text/plain;;",
                                                       "application/json"};

constexpr std::array<std::string_view, 8> kFilenames{
    "a.txt",           "",
    "caf\xc3\xa9.txt", "quote\"d.txt",
    "back\\slash",     "semi;colon=.txt",
    "\xff\xfe",        "very long name with spaces.tar.gz"};

// Headers a client may add, including ones that contradict the part's own.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kExtraHeaders{{
    {"X-Extra", "1"},
    {"Content-Disposition", "attachment; name=\"other\""},
    {"Content-Type", "text/html"},
    {"Content-Transfer-Encoding", "base64"},
    {"X-Folded", "a\r\n b"},
    {"content-disposition", "form-data; name=\"map\""},
    {"X-Empty", ""},
    {"Content-Length", "12"},
}};

// The fields every request names, and the file fields maps usually use.
std::string pick_name(const request_model& m, random_source& rng) {
  switch (pick(rng, 6)) {
    case 0:
      return "operations";
    case 1:
      return "map";
    case 2:
      if (!m.parts.empty()) return m.parts[pick(rng, m.parts.size())].name;
      return "0";
    case 3:
      return "";
    default:
      return std::to_string(pick(rng, 4));
  }
}

std::size_t index_of(const request_model& m, std::string_view name) {
  for (std::size_t i = 0; i < m.parts.size(); ++i)
    if (m.parts[i].name == name) return i;
  return m.parts.size();
}

// A JSON field changed as JSON when it is JSON, as bytes otherwise.
void mutate_json_part(request_model& m, random_source& rng) {
  const bool map = pick(rng, 2) == 0;
  const std::size_t i = index_of(m, map ? "map" : "operations");
  if (i == m.parts.size()) return;
  std::string& body = m.parts[i].body;
  auto parsed = request::parse_json_field(body);
  if (!std::holds_alternative<json>(parsed) || pick(rng, 16) == 0)
    return mutate_bytes(body, 32, rng);
  json& value = std::get<json>(parsed);
  if (map) {
    const std::size_t ops = index_of(m, "operations");
    json operations;
    if (ops < m.parts.size()) {
      auto o = request::parse_json_field(m.parts[ops].body);
      if (auto* v = std::get_if<json>(&o)) operations = std::move(*v);
    }
    mutate_map(value, operations, rng);
  } else {
    mutate_operations(value, rng);
  }
  body = request::dump_json(value);
}

// A file part for a field the map names, so that uploads arrive.
void add_file_part(request_model& m, random_source& rng) {
  encoder::form_part p;
  p.name = std::to_string(pick(rng, 3));
  const std::size_t map = index_of(m, "map");
  if (map < m.parts.size()) {
    auto parsed = request::parse_json_field(m.parts[map].body);
    if (auto* v = std::get_if<json>(&parsed); v && v->is_object() && !v->empty()) {
      auto it = v->begin();
      std::advance(it, static_cast<std::ptrdiff_t>(pick(rng, v->size())));
      p.name = it.key();
    }
  }
  p.filename = pick_text(kFilenames, rng);
  if (pick(rng, 2)) p.content_type = pick_text(kMediaTypes, rng);
  p.body = std::string(pick(rng, 40), static_cast<char>('a' + pick(rng, 26)));
  m.parts.insert(m.parts.begin() + static_cast<std::ptrdiff_t>(pick(rng, m.parts.size() + 1)), p);
}

void mutate_part_headers(encoder::form_part& p, const request_model& m, random_source& rng) {
  switch (pick(rng, 7)) {
    case 0:
      p.name = pick_name(m, rng);
      break;
    case 1:
      p.filename =
          pick(rng, 3) ? std::optional<std::string>(pick_text(kFilenames, rng)) : std::nullopt;
      break;
    case 2:
      p.filename_star =
          pick(rng, 2) ? std::optional<std::string>(pick_text(kFilenames, rng)) : std::nullopt;
      break;
    case 3:
      p.content_type =
          pick(rng, 4) ? std::optional<std::string>(pick_text(kMediaTypes, rng)) : std::nullopt;
      break;
    case 4:
      p.omit_disposition = !p.omit_disposition;
      break;
    case 5: {
      const auto& [name, value] = kExtraHeaders[pick(rng, kExtraHeaders.size())];
      p.extra_headers.emplace_back(name, value);
      break;
    }
    default:
      p.extra_headers.clear();
  }
}

void mutate_parts(request_model& m, random_source& rng) {
  if (m.parts.empty()) return add_file_part(m, rng);
  const std::size_t i = pick(rng, m.parts.size());
  const std::size_t j = pick(rng, m.parts.size());
  switch (pick(rng, 6)) {
    case 0:
      std::swap(m.parts[i], m.parts[j]);
      break;
    case 1:
      m.parts.erase(m.parts.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    case 2:
      m.parts.insert(m.parts.begin() + static_cast<std::ptrdiff_t>(j), m.parts[i]);
      break;
    case 3:
      add_file_part(m, rng);
      break;
    case 4:
      mutate_part_headers(m.parts[i], m, rng);
      break;
    default:
      mutate_bytes(m.parts[i].body, 64, rng);
  }
}

// properties' generator of valid encodings, seeded by the engine: boundaries, quoting,
// padding, preambles and epilogues that a valid request may have.
void regenerate_encoding(request_model& m, random_source& rng) {
  try {
    m.encoding = properties::gen_encoding()(rc::Random(rng()), 20).value();
  } catch (...) {
    // A generator that gives up leaves the model as it was.
  }
}

void mutate_encoding(request_model& m, random_source& rng) {
  encoder::encoding& e = m.encoding;
  switch (pick(rng, 8)) {
    case 0:
      e.quote_boundary = !e.quote_boundary;
      break;
    case 1:
      e.close_delimiter = !e.close_delimiter;
      break;
    case 2:
      e.line_end = e.line_end == "\n" ? "\r\n" : "\n";
      break;
    case 3:
      e.header_names = static_cast<encoder::header_case>(pick(rng, 3));
      break;
    case 4:
      mutate_bytes(e.boundary, 8, rng);
      break;
    case 5:
      mutate_bytes(e.media_type, 16, rng);
      break;
    case 6:
      e.transport_padding = std::string(pick(rng, 4), pick(rng, 2) ? ' ' : '\t');
      break;
    default:
      regenerate_encoding(m, rng);
  }
}

// Limits at, just under and just over the sizes the request has.
void mutate_limits(request_model& m, random_source& rng) {
  const std::size_t at = m.parts.empty() ? 0 : m.parts[pick(rng, m.parts.size())].body.size();
  const std::size_t around = at + pick(rng, 3) - (at > 0 ? 1 : 0);
  switch (pick(rng, 4)) {
    case 0:
      m.limits.max_field_size = around;
      break;
    case 1:
      m.limits.max_file_size = around;
      break;
    case 2:
      m.limits.max_files = pick(rng, 4);
      break;
    default:
      m.limits = request::limits{};
  }
}

}  // namespace

void mutate(request_model& m, random_source& rng) {
  const std::size_t rounds = 1 + pick(rng, 3);
  for (std::size_t r = 0; r < rounds; ++r) {
    switch (pick(rng, 16)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5:
        mutate_json_part(m, rng);
        break;
      case 6:
      case 7:
      case 8:
      case 9:
        mutate_parts(m, rng);
        break;
      case 10:
      case 11:
        mutate_encoding(m, rng);
        break;
      case 12:
        mutate_limits(m, rng);
        break;
      case 13:
        m.chunk = static_cast<std::uint32_t>(pick(rng, 3) ? pick(rng, 80) : 0);
        break;
      case 14:
        regenerate_encoding(m, rng);
        break;
      default:
        if (!m.parts.empty()) mutate_bytes(m.parts[pick(rng, m.parts.size())].body, 16, rng);
    }
  }
}

request_model cross_over(const request_model& a, const request_model& b, random_source& rng) {
  request_model child = a;
  switch (pick(rng, 4)) {
    case 0:
      child.encoding = b.encoding;
      break;
    case 1:
      child.limits = b.limits;
      break;
    case 2:
      // a's parts up to a point, b's from a point: operations of one, files of the other.
      child.parts.resize(pick(rng, a.parts.size() + 1));
      for (std::size_t i = pick(rng, b.parts.size() + 1); i < b.parts.size(); ++i)
        child.parts.push_back(b.parts[i]);
      break;
    default:
      if (!b.parts.empty() && !child.parts.empty())
        child.parts[pick(rng, child.parts.size())] = b.parts[pick(rng, b.parts.size())];
  }
  return child;
}

}  // namespace upspec::fuzz
