#pragma once
// Structure-level mutation and crossover of request models.

#include <cstddef>

#include "structured/json_mutate.hpp"
#include "structured/model.hpp"

namespace upspec::fuzz {

// One to a few mutations.
void mutate(request_model& model, random_source& rng);

// A model made of pieces of both.
request_model cross_over(const request_model& a, const request_model& b, random_source& rng);

}  // namespace upspec::fuzz
