// The request's Content-Type and its parameters, the boundary, the delimiter lines and the
// transport.

#include <rapidcheck.h>

#include "model_mutators.hpp"
#include "upspec/properties/encoding.hpp"

namespace upspec::properties::model_mutators {
namespace {

// The boundary parameter as the encoder writes it.
std::string boundary_value(const encoder::encoding& e) {
  return e.quote_boundary ? "\"" + e.boundary + "\"" : e.boundary;
}

// RFC 2045 §5.1, RFC 9110 §5.6.6, RFC 2231 §3 and §4: parameters spelled in every way a
// receiver may or may not take, around the media type of the encoding.
std::string content_type_variant(const request_model& m, draw& d, const hazards& h) {
  const encoder::encoding& e = m.encoding;
  const std::string& type = e.media_type;
  const std::string b = boundary_value(e);
  switch (d.below(16)) {
    case 0:
      return type + "; boundary=" + b + "; boundary=" + d.hazard(h, hazard::numbers, "x");
    case 1:
      return type + "; boundary=other; boundary=" + b;
    case 2:
      return type + "; boundary*=utf-8''" + e.boundary;  // RFC 2231 ext-value
    case 3:
      return type + "; boundary*0=" + e.boundary.substr(0, e.boundary.size() / 2) +
             "; boundary*1=" + e.boundary.substr(e.boundary.size() / 2);
    case 4:
      return type + "; boundary = " + b;
    case 5:
      return type + ";; boundary=" + b + ";";
    case 6:
      return type + "; charset=" + d.hazard(h, hazard::boundary_bytes, "utf-8") + "; boundary=" + b;
    case 7:
      return type + "; boundary=\"" + e.boundary;  // the quote never closes
    case 8:
      return type + "; boundary=" + e.boundary + "x";  // another boundary than the body's
    case 9:
      return type + "; boundary=" +
             e.boundary.substr(0, e.boundary.size() > 1 ? e.boundary.size() - 1 : 0);
    case 10:
      return d.hazard(h, hazard::media_types, "multipart/mixed") + "; boundary=" + b;
    case 11:
      return type;  // no boundary
    case 12:
      return type + "; boundary=";
    case 13:
      return "\t" + type + " ;\tboundary=" + b + " \t";
    case 14:
      return type + "; x=\"a;boundary=wrong\"; boundary=" + b;
    default:
      return type + "; boundary=" + b + "\r\n x";  // a header line that goes on
  }
}

}  // namespace

void mutate_content_type(request_model& m, draw& d, const mutation_context& context) {
  const hazards& h = context.dictionary;
  encoder::encoding& e = m.encoding;
  switch (d.below(8)) {
    case 0:
    case 1:
    case 2:
      m.content_type = content_type_variant(m, d, h);
      return;
    case 3:  // the spelling a valid request may have, or the encoding's own
      m.content_type.reset();
      e.quote_boundary = !e.quote_boundary || boundary_needs_quotes(e.boundary);
      return;
    case 4: {  // a boundary of the lengths RFC 2046 allows and forbids, same in header and body
      static constexpr std::size_t kLengths[] = {1, 2, 69, 70, 71, 200};
      const std::size_t n = kLengths[d.below(std::size(kLengths))];
      std::string b = e.boundary.empty() ? "b" : e.boundary;
      while (b.size() < n) b += b;
      e.boundary = b.substr(0, n);
      if (boundary_needs_quotes(e.boundary)) e.quote_boundary = true;
      m.content_type.reset();
      return;
    }
    case 5:  // characters of the boundary: bchars, spaces, and what RFC 2046 leaves out
      mutate_string(e.boundary, 8, d.rng(), context);
      return;
    case 6:
      e.media_type = d.hazard(h, hazard::media_types, "multipart/form-data");
      return;
    default:
      if (m.content_type)
        mutate_string(*m.content_type, 16, d.rng(), context);
      else
        m.content_type = content_type_variant(m, d, h);
  }
}

void mutate_delimiters(request_model& m, draw& d, const mutation_context& context) {
  const hazards& h = context.dictionary;
  encoder::encoding& e = m.encoding;
  switch (d.below(10)) {
    case 0:
      e.close_delimiter = !e.close_delimiter;
      return;
    case 1:
      e.line_end = e.line_end == "\n" ? "\r\n" : "\n";
      return;
    case 2: {  // RFC 2046 §5.1.1 transport padding: LWSP, and what is not LWSP
      static const std::vector<std::string> kPadding = {
          "", " ", "\t", "  \t ", std::string(300, ' '), " x", "\x0b", "\r"};
      e.transport_padding = d.pick(kPadding);
      return;
    }
    case 3:  // a preamble holding delimiter look-alikes
      e.preamble = d.one_in(3) ? std::string()
                               : "--" + e.boundary + d.hazard(h, hazard::boundary_bytes, "x");
      return;
    case 4:
      e.epilogue = d.one_in(3)
                       ? std::string()
                       : "\r\n--" + e.boundary + "\r\n" + d.hazard(h, hazard::boundary_bytes);
      return;
    case 5:
      e.header_names = static_cast<encoder::header_case>(d.below(3));
      return;
    case 6:
      // Another valid encoding from the properties' generator: boundaries of every style,
      // quoting, padding, preambles and epilogues a valid request may have.
      try {
        e = gen_encoding()(rc::Random(d.rng()()), 20).value();
        m.content_type.reset();
      } catch (...) {
        // A generator that gives up leaves the model as it was.
      }
      return;
    default: {
      // An edit right at a delimiter line: before its CRLF, inside "--boundary", at its end.
      body_edit edit;
      edit.delimiter = static_cast<std::uint32_t>(d.below(m.parts.size() + 2));
      static constexpr std::int32_t kOffsets[] = {-2, -1, 0, 1, 2};
      const auto len = static_cast<std::int32_t>(e.boundary.size()) + 2;
      switch (d.below(3)) {
        case 0:
          edit.offset = kOffsets[d.below(std::size(kOffsets))];
          break;
        case 1:
          edit.offset = len + kOffsets[d.below(std::size(kOffsets))];
          break;
        default:
          edit.offset = static_cast<std::int32_t>(d.below(static_cast<std::size_t>(len)));
      }
      edit.erase = static_cast<std::uint32_t>(d.below(3));
      if (!d.one_in(4)) edit.insert = d.hazard(h, hazard::boundary_bytes, "-");
      m.edits.push_back(std::move(edit));
    }
  }
}

void mutate_transport(request_model& m, draw& d) {
  static constexpr std::uint32_t kChunks[] = {0, 1, 2, 7, 100, 4096};
  m.chunk = kChunks[d.below(std::size(kChunks))];
}

}  // namespace upspec::properties::model_mutators
