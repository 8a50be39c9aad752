#pragma once
// Turning the catalog (and seeded random requests) into stored cases whose expectations are
// the reference's answers.

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/catalog.hpp"

namespace upspec::corpus {

struct generation {
  std::vector<test_case> cases;
  // Cases whose author's intent the reference contradicts: a bug in one of them.
  std::vector<std::string> contradictions;
};

// The catalog's cases, then `random_count` random valid requests drawn from `seed`.
generation generate_corpus(std::uint64_t seed, std::size_t random_count);

// Random valid requests (category "generated"): files of random sizes and contents at random
// depths, random boundaries, encodings and transports. Deterministic for a seed.
void add_random_cases(catalog& cat, std::uint64_t seed, std::size_t count);

}  // namespace upspec::corpus
