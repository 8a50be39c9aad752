#pragma once
// Delta debugging of a finding against the live server: candidates smaller than the request
// that showed it are tried one by one, and one is kept only when `reproduces` (which sends it
// and compares the signature) says the same thing went wrong. First the recipe's mutations are
// undone one at a time; then parts, edits, headers, parameters, JSON members, map entries, path
// segments, strings and file contents are dropped or shortened, until nothing smaller
// reproduces or the budget of requests is spent.

#include <cstddef>
#include <functional>

#include "fuzz/generated_case.hpp"
#include "upspec/properties/request_model.hpp"

namespace upspec::fuzz {

using reproduces_fn = std::function<bool(const properties::request_model&)>;
using realize_fn = std::function<properties::request_model(const recipe&)>;

struct shrink_result {
  properties::request_model model;
  std::size_t requests = 0;  // candidates sent
  std::size_t kept = 0;      // candidates that reproduced
};

shrink_result shrink(const recipe& start, const realize_fn& realize,
                     const reproduces_fn& reproduces, std::size_t budget);

// Only the model passes (no recipe), from `start`.
shrink_result shrink_model(properties::request_model start, const reproduces_fn& reproduces,
                           std::size_t budget);

// How big a model is, for the shrinker (it only keeps candidates that weigh less): the bytes
// it sends, and every element it has.
std::size_t weight(const properties::request_model& m);

}  // namespace upspec::fuzz
