#pragma once
// Chunk splits of a body, from one byte at a time to the whole body at once, with the cuts
// where they matter: in and around delimiters.

#include <rapidcheck.h>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace upspec::properties {

struct split_plan {
  std::size_t every = 0;          // chunks of this size when non-zero
  std::vector<std::size_t> cuts;  // else these offsets, sorted; repeats make empty chunks
};

// Plans for `body`: whole, fixed sizes (one byte only for bodies small enough to keep cases
// fast), random cuts, and byte-by-byte windows over delimiters of `boundary`.
rc::Gen<split_plan> gen_split_plan(const std::string& body, const std::string& boundary);

std::vector<std::string_view> split(std::string_view body, const split_plan& plan);

std::string describe(const split_plan& plan);

void showValue(const split_plan& plan, std::ostream& os);

}  // namespace upspec::properties
