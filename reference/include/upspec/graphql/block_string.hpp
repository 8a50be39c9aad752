#pragma once
// The value of a GraphQL block string.

#include <string>
#include <string_view>

namespace upspec::graphql {

// GraphQL Oct 2021 §2.9.4 BlockStringValue(): strips the common indentation of all lines but
// the first, drops leading and trailing blank lines, and joins the lines with LF.
// `raw` is the text between the triple quotes with every \""" already replaced by """.
std::string block_string_value(std::string_view raw);

}  // namespace upspec::graphql
