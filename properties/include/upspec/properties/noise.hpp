#pragma once
// Bodies for the multipart parser alone, valid or not: token soups made of the pieces its
// grammar turns on, byte-level edits of real requests, with small or default parser limits.

#include <rapidcheck.h>

#include <iosfwd>
#include <string>

#include "upspec/multipart/parser.hpp"

namespace upspec::properties {

struct parser_case {
  std::string origin;  // how the body was made, for tagging and logs
  std::string boundary;
  std::string body;
  multipart::parser_limits limits;
};

// Default limits most of the time, sometimes small enough that bodies run into them.
rc::Gen<multipart::parser_limits> gen_parser_limits();

// Pieces of delimiters, line ends, header lines, padding and bytes, concatenated.
rc::Gen<std::string> gen_token_soup(const std::string& boundary);

// A few edits (deletions, insertions, replacements, a cut) near the body's delimiters.
rc::Gen<std::string> gen_edited(const std::string& body, const std::string& boundary);

// Any of: a valid request's body, a mutated request's, an edited one, a token soup.
rc::Gen<parser_case> gen_parser_case();

void showValue(const parser_case& c, std::ostream& os);

}  // namespace upspec::properties
