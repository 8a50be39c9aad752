#include "upspec/properties/request_model.hpp"

#include <string.h>

#include <algorithm>

#include "upspec/properties/request.hpp"

namespace upspec::properties {
namespace {

// Bounds that keep a model's body within what one fuzzer input can describe.
constexpr std::size_t kMostParts = 64;
constexpr std::size_t kMostExtraHeaders = 8;
constexpr std::size_t kMostEdits = 16;

class writer {
 public:
  void number(std::uint64_t n) {
    do {
      out_.push_back(static_cast<char>((n & 0x7F) | (n > 0x7F ? 0x80 : 0)));
      n >>= 7;
    } while (n != 0);
  }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class reader {
 public:
  explicit reader(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64 && !in_.empty(); shift += 7) {
      const auto b = static_cast<std::uint8_t>(in_.front());
      in_.remove_prefix(1);
      n |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) break;
    }
    return n;
  }
  // A length past the end takes what is left.
  std::string text() {
    // The length is read before what is left is measured: as two arguments of one call, their
    // order would be unspecified, and gcc measured first, so a length past the end ran the view
    // past its input.
    const std::uint64_t length = number();
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(length, in_.size()));
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  std::uint8_t byte() {
    if (in_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(in_.front());
    in_.remove_prefix(1);
    return b;
  }
  bool empty() const { return in_.empty(); }
  std::size_t remaining() const { return in_.size(); }

 private:
  std::string_view in_;
};

enum part_flags : std::uint8_t {
  has_filename = 1,
  has_filename_star = 2,
  has_content_type = 4,
  omit_disposition = 8,
  has_name_star = 16,
};

enum encoding_flags : std::uint8_t {
  quote_boundary = 1,
  no_close_delimiter = 2,
  filename_before_name = 4,
  bare_lf = 8,
};

void write_optional(writer& w, const std::optional<std::uint64_t>& n) {
  w.byte(n ? 1 : 0);
  if (n) w.number(*n);
}

std::optional<std::uint64_t> read_optional(reader& r) {
  if ((r.byte() & 1) == 0) return std::nullopt;
  return r.number();
}

std::uint64_t zigzag(std::int32_t n) {
  return n < 0 ? (static_cast<std::uint64_t>(-(static_cast<std::int64_t>(n))) << 1) - 1
               : static_cast<std::uint64_t>(n) << 1;
}

std::int32_t unzigzag(std::uint64_t n) {
  const auto magnitude = static_cast<std::int64_t>(std::min<std::uint64_t>(n >> 1, 1u << 30));
  return static_cast<std::int32_t>((n & 1) ? -magnitude - 1 : magnitude);
}

void write_optional_text(writer& w, const std::optional<std::string>& s) {
  w.byte(s ? 1 : 0);
  if (s) w.text(*s);
}

std::optional<std::string> read_optional_text(reader& r) {
  if ((r.byte() & 1) == 0) return std::nullopt;
  return r.text();
}

}  // namespace

std::string serialize(const request_model& m) {
  writer w;
  const encoder::encoding& e = m.encoding;
  w.text(e.boundary);
  w.byte(static_cast<std::uint8_t>(
      (e.quote_boundary ? quote_boundary : 0) | (e.close_delimiter ? 0 : no_close_delimiter) |
      (e.filename_before_name ? filename_before_name : 0) | (e.line_end == "\n" ? bare_lf : 0)));
  w.byte(static_cast<std::uint8_t>(e.header_names));
  w.text(e.media_type);
  w.text(e.preamble);
  w.text(e.epilogue);
  w.text(e.transport_padding);
  w.number(m.limits.max_field_size);
  write_optional(w, m.limits.max_file_size);
  write_optional(w, m.limits.max_files);
  w.number(m.chunk);
  w.number(m.parts.size());
  for (const encoder::form_part& p : m.parts) {
    w.byte(static_cast<std::uint8_t>(
        (p.filename ? has_filename : 0) | (p.filename_star ? has_filename_star : 0) |
        (p.content_type ? has_content_type : 0) | (p.omit_disposition ? omit_disposition : 0) |
        (p.name_star ? has_name_star : 0)));
    w.text(p.name);
    if (p.filename) w.text(*p.filename);
    if (p.filename_star) w.text(*p.filename_star);
    if (p.content_type) w.text(*p.content_type);
    if (p.name_star) w.text(*p.name_star);
    w.text(p.body);
    w.number(p.extra_headers.size());
    for (const auto& [name, value] : p.extra_headers) {
      w.text(name);
      w.text(value);
    }
  }
  // Later additions go last, so that inputs written before them still read back the same.
  write_optional_text(w, m.content_type);
  w.number(m.edits.size());
  for (const body_edit& edit : m.edits) {
    w.number(edit.delimiter);
    w.number(zigzag(edit.offset));
    w.number(edit.erase);
    w.text(edit.insert);
  }
  return w.take();
}

request_model deserialize(std::string_view bytes) {
  reader r(bytes);
  request_model m;
  encoder::encoding& e = m.encoding;
  e.boundary = r.text();
  const std::uint8_t flags = r.byte();
  e.quote_boundary = (flags & quote_boundary) != 0;
  e.close_delimiter = (flags & no_close_delimiter) == 0;
  e.filename_before_name = (flags & filename_before_name) != 0;
  e.line_end = (flags & bare_lf) != 0 ? "\n" : "\r\n";
  e.header_names = static_cast<encoder::header_case>(r.byte());  // made one of three below
  e.media_type = r.text();
  e.preamble = r.text();
  e.epilogue = r.text();
  e.transport_padding = r.text();
  m.limits.max_field_size = r.number();
  m.limits.max_file_size = read_optional(r);
  m.limits.max_files = read_optional(r);
  m.chunk = static_cast<std::uint32_t>(r.number());
  const auto count = std::min<std::uint64_t>(r.number(), kMostParts);
  // Every part takes at least a byte, so what is left bounds the count.
  m.parts.reserve(std::min<std::uint64_t>(count, r.remaining()));
  for (std::uint64_t i = 0; i < count && !r.empty(); ++i) {
    encoder::form_part p;
    const std::uint8_t pf = r.byte();
    p.name = r.text();
    if (pf & has_filename) p.filename = r.text();
    if (pf & has_filename_star) p.filename_star = r.text();
    if (pf & has_content_type) p.content_type = r.text();
    if (pf & has_name_star) p.name_star = r.text();
    p.omit_disposition = (pf & omit_disposition) != 0;
    p.body = r.text();
    const auto extra = std::min<std::uint64_t>(r.number(), kMostExtraHeaders);
    for (std::uint64_t h = 0; h < extra; ++h) {
      std::string name = r.text();
      p.extra_headers.emplace_back(std::move(name), r.text());
    }
    m.parts.push_back(std::move(p));
  }
  m.content_type = read_optional_text(r);
  const auto edits = std::min<std::uint64_t>(r.number(), kMostEdits);
  for (std::uint64_t i = 0; i < edits && !r.empty(); ++i) {
    body_edit edit;
    edit.delimiter = static_cast<std::uint32_t>(r.number());
    edit.offset = unzigzag(r.number());
    edit.erase = static_cast<std::uint32_t>(r.number());
    edit.insert = r.text();
    m.edits.push_back(std::move(edit));
  }
  make_serialisable(m);
  return m;
}

void make_serialisable(request_model& m) {
  encoder::encoding& e = m.encoding;
  if (e.line_end != "\n") e.line_end = "\r\n";
  e.header_names = static_cast<encoder::header_case>(static_cast<std::uint8_t>(e.header_names) % 3);
  // Only these three limits are written; the parser's own limits read back as their defaults,
  // and so does a field limit of zero.
  request::limits limits;
  if (m.limits.max_field_size != 0) limits.max_field_size = m.limits.max_field_size;
  limits.max_file_size = m.limits.max_file_size;
  limits.max_files = m.limits.max_files;
  m.limits = limits;
  if (m.parts.size() > kMostParts) m.parts.resize(kMostParts);
  for (encoder::form_part& p : m.parts)
    if (p.extra_headers.size() > kMostExtraHeaders) p.extra_headers.resize(kMostExtraHeaders);
  if (m.edits.size() > kMostEdits) m.edits.resize(kMostEdits);
  for (body_edit& edit : m.edits) edit.offset = unzigzag(zigzag(edit.offset));
}

wire_request encode(const request_model& m) {
  encoder::encoded_request e = encoder::encode_form(m.parts, m.encoding);
  const std::string dash_boundary = "--" + m.encoding.boundary;
  std::vector<std::size_t> anchors;
  for (const body_edit& edit : m.edits) {
    anchors.clear();
    // memmem, not std::string::find: find calls memcmp at every candidate, and libFuzzer
    // intercepts and records each call; memmem is one call per occurrence, and libc's is
    // vectorised where an instrumented loop checks every byte it loads.
    for (std::size_t at = 0; at < e.body.size();) {
      const void* found = ::memmem(e.body.data() + at, e.body.size() - at, dash_boundary.data(),
                                   dash_boundary.size());
      if (found == nullptr) break;
      anchors.push_back(static_cast<std::size_t>(static_cast<const char*>(found) - e.body.data()));
      at = anchors.back() + 1;
    }
    const std::int64_t anchor =
        anchors.empty() ? 0 : static_cast<std::int64_t>(anchors[edit.delimiter % anchors.size()]);
    const std::size_t at = static_cast<std::size_t>(std::clamp<std::int64_t>(
        anchor + edit.offset, 0, static_cast<std::int64_t>(e.body.size())));
    const std::size_t erase = std::min<std::size_t>(edit.erase, e.body.size() - at);
    e.body.replace(at, erase, edit.insert);
  }
  return {m.content_type.value_or(e.content_type), std::move(e.body)};
}

request_model model_of(const generated_request& g) {
  request_model m;
  m.encoding = g.encoding;
  m.parts = form_parts(g.parts);
  if (g.content_type != encoder::encode_form({}, g.encoding).content_type)
    m.content_type = g.content_type;
  return m;
}

}  // namespace upspec::properties
