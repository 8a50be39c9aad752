#pragma once
// The multipart body a client sent, part by part as it is on the wire, read with the
// reference's own parser: what the wire-level rules look at.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "upspec/errors.hpp"
#include "upspec/multipart/header_parameters.hpp"

namespace upspec::clients {

struct sent_part {
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
  std::string content;
  std::size_t dispositions = 0;            // Content-Disposition headers in this part
  std::optional<std::string> disposition;  // the first one's value
  std::optional<multipart::parameterized_value> parameters;  // it, parsed; nullopt: no parse
  std::optional<std::string> content_type;                   // the first Content-Type's value
  std::optional<std::string> name;      // the name parameter, as the reference reads it
  std::optional<std::string> filename;  // the filename parameter, likewise

  bool has_parameter(std::string_view lowercase_name) const;
};

struct sent_form {
  std::optional<std::string> boundary;        // nullopt: no usable boundary in the Content-Type
  std::optional<upspec::error> content_type;  // why the Content-Type is not usable
  std::vector<sent_part> parts;               // every part, complete or not
  std::optional<upspec::error> syntax;        // the parser's refusal, if any
  bool closed = false;                        // the close delimiter was seen
};

sent_form read_form(std::string_view content_type, std::string_view body);

}  // namespace upspec::clients
