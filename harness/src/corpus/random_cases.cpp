// Seeded random valid requests, so the corpus also covers shapes nobody wrote by hand. They come
// from the generators every other part of upspec draws on (properties/), plain and over the
// conformance schema: each rule a plain request does not exercise has cases of its own.

#include <rapidcheck.h>

#include <random>

#include "corpus/catalog_support.hpp"
#include "upspec/properties/request.hpp"
#include "upspec/properties/request_model.hpp"

namespace upspec::corpus {

using namespace build;

namespace {

// RapidCheck's size: how deep and how many, within what the generators allow.
constexpr int kGeneratorSize = 50;

}  // namespace

void add_random_cases(catalog& cat, std::uint64_t seed, std::size_t count) {
  properties::request_shape shape;
  shape.needs_file = true;
  shape.schema = true;
  shape.plain = true;
  shape.max_content_size = 256 * 1024;  // the stored corpus stays a few MiB
  const auto generate = properties::gen_request(shape);
  for (std::size_t n = 0; n < count; ++n) {
    // One stream per case: a case stays the same when the count changes.
    const std::uint64_t case_seed = seed * 0x9E3779B97F4A7C15ull + n;
    const properties::generated_request g = generate(rc::Random(case_seed), kGeneratorSize).value();
    const properties::wire_request wire = properties::encode(properties::model_of(g));
    std::mt19937_64 rng(case_seed);
    transport how;
    switch (rng() % 4) {
      case 0:
        how = {transport_mode::chunked, 1 + rng() % 5000, 0, 0};
        break;
      case 1:
        how = {transport_mode::drip, 512 + rng() % 4096, 1, 0};
        break;
      default:
        break;
    }
    cat.add("generated", "random-" + std::to_string(seed) + "-" + std::to_string(n),
            "Random request " + std::to_string(n) + " of seed " + std::to_string(seed))
        .multipart({wire.content_type, wire.body})
        .via(how)
        .origin("generated")
        .rule("Any valid request delivers every file to every place it is mapped to", kSpec)
        .intends(200);
  }
}

}  // namespace upspec::corpus
