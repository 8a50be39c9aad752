#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace upspec::properties {

// Bytes as a C-style string literal body (\r, \n, \xNN), cut after `max` input bytes, so that
// bodies fit in a counterexample and can be pasted into a test.
std::string escaped(std::string_view bytes, std::size_t max = 600);

}  // namespace upspec::properties
