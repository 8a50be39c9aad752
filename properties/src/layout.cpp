#include "upspec/properties/layout.hpp"

#include <stdexcept>
#include <string>

namespace upspec::properties {

body_layout layout_of(const std::vector<encoder::form_part>& parts, const encoder::encoding& enc,
                      std::string_view body) {
  const std::string& eol = enc.line_end;
  // One part alone, without preamble or close delimiter: "--boundary" padding eol headers eol
  // content, exactly as it appears inside the whole body.
  encoder::encoding alone = enc;
  alone.preamble.clear();
  alone.epilogue.clear();
  alone.close_delimiter = false;

  body_layout out;
  std::size_t at = enc.preamble.empty() ? 0 : enc.preamble.size() + eol.size();
  for (const auto& part : parts) {
    const std::string segment = encoder::encode_form({part}, alone).body;
    if (body.substr(at, segment.size()) != segment)
      throw std::logic_error("layout_of: the encoder's body does not match its parts");
    part_span s{};
    s.delimiter_at = out.parts.empty() ? at : at - eol.size();
    s.header_start = at + segment.find(eol) + eol.size();
    s.content_end = at + segment.size();
    s.content_start = s.content_end - part.body.size();
    if (!out.parts.empty()) out.parts.back().ended_at = s.header_start;
    out.parts.push_back(s);
    at = s.content_end + eol.size();
  }
  const std::string close = "--" + enc.boundary + "--";
  out.close_at = out.parts.empty() ? at : at - eol.size();
  if (body.substr(at, close.size()) != close)
    throw std::logic_error("layout_of: no close delimiter where expected");
  if (!out.parts.empty()) out.parts.back().ended_at = at + close.size();
  out.epilogue_at = at + close.size() + enc.transport_padding.size() + eol.size();
  if (out.epilogue_at + enc.epilogue.size() != body.size())
    throw std::logic_error("layout_of: the body does not end with the epilogue");
  return out;
}

std::vector<delimiter_candidate> delimiter_candidates(std::string_view body,
                                                      std::string_view boundary,
                                                      const body_layout& layout) {
  const auto is_lwsp = [](char c) { return c == ' ' || c == '\t'; };
  const std::string text = "\r\n" + std::string(body.substr(0, layout.epilogue_at));
  const std::string delimiter = "\r\n--" + std::string(boundary);
  std::vector<delimiter_candidate> out;
  for (std::size_t at = text.find(delimiter); at != std::string::npos;
       at = text.find(delimiter, at + 1)) {
    const std::size_t offset = at == 0 ? 0 : at - 2;
    bool in_headers = false;
    for (const auto& p : layout.parts)
      in_headers = in_headers || (offset >= p.header_start && offset < p.content_start);
    if (in_headers) continue;
    // The parser counts padding after "--boundary" or "--boundary--", not after one dash.
    std::size_t i = at + delimiter.size();
    if (i < text.size() && text[i] == '-')
      i = i + 1 < text.size() && text[i + 1] == '-' ? i + 2 : text.size();
    std::size_t padding = 0;
    while (i < text.size() && is_lwsp(text[i])) ++i, ++padding;
    out.push_back({offset, padding});
  }
  return out;
}

}  // namespace upspec::properties
