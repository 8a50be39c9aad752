#pragma once
// The layers behind model_mutations.hpp, one function per layer, and the random choices they
// share.

#include <string>
#include <string_view>
#include <vector>

#include "upspec/properties/model_mutations.hpp"
#include "upspec/request/json_field.hpp"

namespace upspec::properties::model_mutators {

using request::json;

// Random choices over a random_source.
class draw {
 public:
  explicit draw(random_source& rng) : rng_(rng) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }
  bool one_in(std::size_t n) { return below(n) == 0; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
  // An entry of a hazard category, or `fallback` when the category is empty.
  std::string hazard(const hazards& h, std::string_view category, std::string_view fallback = "");
  // A member name objects inherit in some language.
  std::string member(const hazards& h);
  random_source& rng() { return rng_; }

 private:
  random_source& rng_;
};

// Rewrites `s` with the context's byte mutator.
void mutate_string(std::string& s, std::size_t room, random_source& rng,
                   const mutation_context& context);

// The request's Content-Type and its parameters, the boundary (mutations_wire.cpp).
void mutate_content_type(request_model& m, draw& d, const mutation_context& context);
// Delimiter lines, preamble, epilogue, padding, line ends, and edits anchored at delimiters.
void mutate_delimiters(request_model& m, draw& d, const mutation_context& context);
// The transport: chunk sizes.
void mutate_transport(request_model& m, draw& d);

// Part header blocks and their parameters (mutations_headers.cpp).
void mutate_part_headers(request_model& m, draw& d, const mutation_context& context);

// Parts as elements: insert, delete, duplicate, reorder, replace; file contents near the
// boundary (mutations_parts.cpp).
void mutate_parts(request_model& m, draw& d, const mutation_context& context);
void mutate_file_content(request_model& m, draw& d, const mutation_context& context);

// The operations and map fields as JSON, and object paths (json_mutations.cpp).
void mutate_operations_field(request_model& m, draw& d, const mutation_context& context);
void mutate_map_field(request_model& m, draw& d, const mutation_context& context);

// The index of the first part with this name, or parts.size().
std::size_t part_named(const request_model& m, std::string_view name);

}  // namespace upspec::properties::model_mutators
