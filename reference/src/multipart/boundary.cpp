#include "upspec/multipart/boundary.hpp"

#include "upspec/multipart/header_parameters.hpp"

namespace upspec::multipart {
namespace {

bool is_bchar_nospace(char c) noexcept {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '\'':
    case '(':
    case ')':
    case '+':
    case '_':
    case ',':
    case '-':
    case '.':
    case '/':
    case ':':
    case '=':
    case '?':
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_valid_boundary(std::string_view boundary) noexcept {
  if (boundary.empty() || boundary.size() > kMaxBoundaryLength) return false;
  for (char c : boundary)
    if (!is_bchar_nospace(c) && c != ' ') return false;
  return boundary.back() != ' ';
}

result<std::string> boundary_from_content_type(std::string_view content_type) {
  const auto parsed = parse_parameterized_value(content_type);
  if (!parsed) {
    // An unparseable value of the right media type still names multipart/form-data.
    const bool form_data = iequals(content_type.substr(0, 19), "multipart/form-data");
    return error(error_code::request_content_type, "The Content-Type header could not be parsed.",
                 form_data ? 400 : 415);
  }
  if (parsed->token != "multipart/form-data")
    return error(error_code::request_content_type,
                 "The Content-Type must be multipart/form-data, not '" + parsed->token + "'.", 415);
  const parameter* b = parsed->find("boundary");
  if (b == nullptr)
    return error(error_code::request_content_type,
                 "The multipart/form-data Content-Type has no boundary parameter.", 400);
  if (!is_valid_boundary(b->value))
    return error(error_code::request_content_type,
                 "The boundary must be 1 to 70 characters from RFC 2046's bchars, not ending in a "
                 "space.",
                 400);
  return b->value;
}

}  // namespace upspec::multipart
