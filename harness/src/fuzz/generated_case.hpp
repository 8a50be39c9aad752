#pragma once
// A generated request of a campaign: its recipe (a valid request from the properties'
// generators, then mutations, each drawn from a seed of its own), the request model it gives,
// and that model as a conformance case with the reference's expectation under a target's
// limits. Request `index` of a campaign with seed `seed` is the same on every run and every
// machine, whatever else runs: campaigns replay and shard.

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/test_case.hpp"
#include "run/target.hpp"
#include "upspec/properties/model_mutations.hpp"
#include "upspec/properties/request_model.hpp"

namespace upspec::fuzz {

struct recipe {
  std::uint64_t base = 0;                // the valid request's seed
  std::vector<std::uint64_t> mutations;  // one seed per mutation, applied in order
};

// What the requests of a campaign may be: a target that does not batch gets no batches.
struct generation_profile {
  bool batches = true;
  std::size_t max_content_size = 64 * 1024;
};

recipe recipe_for(std::uint64_t seed, std::uint64_t index);

properties::request_model realize(const recipe& r, const generation_profile& profile,
                                  const properties::mutation_context& context);

// The model as a case for `t`: the exact bytes, the transport its chunking says, the target's
// limits, the schema fields it needs (batching, echoUpload), and the reference's answer for
// those bytes under those limits, with the rule it comes from.
corpus::test_case as_case(const properties::request_model& m, const std::string& id,
                          const run::target& t);

}  // namespace upspec::fuzz
