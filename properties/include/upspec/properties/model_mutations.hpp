#pragma once
// Mutations of request models at every layer of the grammar: the request's Content-Type and its
// parameters, the boundary, the delimiter lines, the part header blocks and their parameters,
// file contents near the boundary, the operations and map JSON, and the object paths, built
// from the operations' own structure and from each other and naming members that objects
// inherit. Each mutation inserts, deletes, duplicates, reorders or replaces one element, with
// values drawn from the hazard dictionaries. Shared by the structure-aware libFuzzer target
// and the live fuzzer (`upspec fuzz`); deterministic for a given random source.

#include <cstddef>
#include <functional>
#include <random>
#include <string>

#include "upspec/properties/hazards.hpp"
#include "upspec/properties/request_model.hpp"

namespace upspec::properties {

using random_source = std::mt19937_64;

// Rewrites some bytes of `s`, growing it by at most `room`: libFuzzer's own mutator in the
// structure-aware target, mutate_bytes otherwise.
using byte_mutator = std::function<void(std::string& s, std::size_t room, random_source& rng)>;

struct mutation_context {
  const hazards& dictionary = hazards::builtin();
  byte_mutator bytes;  // empty: mutate_bytes with `dictionary`
};

// One mutation, at a layer chosen at random.
void mutate_once(request_model& model, random_source& rng, const mutation_context& context = {});

// One to a few mutations.
void mutate(request_model& model, random_source& rng, const mutation_context& context = {});

// `a` with pieces of `b`.
request_model cross_over(request_model a, const request_model& b, random_source& rng);

// Byte-level: flips, insertions and deletions, dictionary entries spliced in, long runs.
void mutate_bytes(std::string& s, std::size_t room, random_source& rng, const hazards& dictionary);

}  // namespace upspec::properties
