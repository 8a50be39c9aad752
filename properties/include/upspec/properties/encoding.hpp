#pragma once
// How a valid request is put on the wire: everything RFC 2046 and RFC 7578 leave open.

#include <rapidcheck.h>

#include <string>

#include "upspec/encoder/encoder.hpp"

namespace upspec::properties {

// RFC 2046 §5.1.1 boundaries of 1 to 70 characters: random bchars, curl's and browsers' styles,
// dash-heavy ones that look like delimiters themselves, spaces inside.
rc::Gen<std::string> gen_boundary();

// A valid encoding: boundary (quoted when it must be, or just because), media type spelling,
// header name case, parameter order, preamble, epilogue and transport padding. The preamble is
// already defused against the boundary.
rc::Gen<encoder::encoding> gen_encoding();

// The Content-Type header for an encoding, spelled in one of several equivalent ways.
rc::Gen<std::string> gen_content_type(const encoder::encoding& enc);

// Whether a boundary can go unquoted in a Content-Type parameter (RFC 9110 token).
bool boundary_needs_quotes(const std::string& boundary);

}  // namespace upspec::properties
