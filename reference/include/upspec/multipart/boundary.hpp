#pragma once

#include <string>
#include <string_view>

#include "upspec/result.hpp"

namespace upspec::multipart {

inline constexpr std::size_t kMaxBoundaryLength = 70;

// RFC 2046 §5.1.1: boundary := 0*69<bchars> bcharsnospace, 1 to 70 characters.
bool is_valid_boundary(std::string_view boundary) noexcept;

// The boundary of a request's Content-Type, or request.content_type: 415 when the media type
// is not multipart/form-data (RFC 7578 §4.1), 400 when it is but has no usable boundary.
result<std::string> boundary_from_content_type(std::string_view content_type);

}  // namespace upspec::multipart
