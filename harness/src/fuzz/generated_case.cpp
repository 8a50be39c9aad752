#include "fuzz/generated_case.hpp"

#include <rapidcheck.h>

#include <mutex>

#include "corpus/reference_answer.hpp"
#include "fuzz/latitude.hpp"
#include "run/runner.hpp"
#include "upspec/errors.hpp"
#include "upspec/properties/request.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::fuzz {
namespace {

using corpus::json;

// SplitMix64: a seed stream in which neighbouring indices give unrelated seeds.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

constexpr int kGeneratorSize = 30;
constexpr std::size_t kMostChunks = 256;
constexpr std::size_t kMostContentType = 1024;

// The rule the reference's answer comes from: its error's citation, or the specification's
// promise that every file arrives where the map puts it.
void cite_reference(corpus::test_case& c) {
  if (c.expect.code) {
    if (const auto code = error_code_from_name(*c.expect.code)) {
      c.rule = "The reference refuses this request: " + *c.expect.code;
      c.cite = std::string(info(*code).cite);
      return;
    }
  }
  c.rule =
      "The answer the reference gives to these bytes: every mapped file arrives at each "
      "path, byte for byte, and every error is the reference's";
  c.cite = "GraphQL multipart request spec; RFC 7578";
}

// The Content-Type as an HTTP field value (RFC 9110 §5.5): no control characters but HTAB, no
// whitespace around it, and no longer than kMostContentType. The live fuzzer tests the multipart
// layer, not HTTP framing: a line break there would make another request (or none) of the rest,
// and a request head over a server's own limit (16 KiB for Node.js and upspec's server) is
// refused before any multipart parser sees it.
std::string field_value(std::string v) {
  if (v.size() > kMostContentType) v.resize(kMostContentType);
  for (char& c : v)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) c = ' ';
  const auto first = v.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return v.substr(first, v.find_last_not_of(" \t") - first + 1);
}

}  // namespace

recipe recipe_for(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t state = mix(seed ^ mix(index));
  recipe r;
  r.base = state;
  // One request in eight is sent as generated: valid requests of every shape find the bugs
  // that need no mutation at all.
  state = mix(state);
  const std::uint64_t count = state % 8 == 0 ? 0 : 1 + (state >> 8) % 4;
  for (std::uint64_t i = 0; i < count; ++i) r.mutations.push_back(state = mix(state));
  return r;
}

properties::request_model realize(const recipe& r, const generation_profile& profile,
                                  const properties::mutation_context& context) {
  // RapidCheck keeps the generation in progress in process-wide state: one at a time.
  static std::mutex generating;
  std::lock_guard lock(generating);
  properties::request_shape shape;
  shape.schema = true;
  shape.must_only = true;
  shape.batches = profile.batches;
  shape.max_content_size = profile.max_content_size;
  properties::request_model m = properties::model_of(
      properties::gen_request(shape)(rc::Random(r.base), kGeneratorSize).value());
  for (std::uint64_t seed : r.mutations) {
    properties::random_source rng(seed);
    properties::mutate_once(m, rng, context);
  }
  return m;
}

corpus::test_case as_case(const properties::request_model& m, const std::string& id,
                          const run::target& t) {
  const properties::wire_request wire = properties::encode(m);
  corpus::test_case c;
  c.id = id;
  c.title = "A generated request";
  c.category = "fuzz";
  c.origin = "fuzz";
  c.limits = t.limits;
  c.request.headers = {{"Content-Type", field_value(wire.content_type)}};
  c.request.body = wire.body;
  // Chunked in the model's chunks, made larger where a body would take more than 256 of them:
  // a campaign sends thousands of requests a second.
  if (m.chunk != 0)
    c.request.how = {corpus::transport_mode::chunked,
                     std::max<std::size_t>(m.chunk, wire.body.size() / kMostChunks + 1), 0, 0};
  // Fields a target may lack: the case is then not sent to it.
  for (const auto& p : m.parts) {
    if (p.name != "operations") continue;
    const json ops = json::parse(p.body, nullptr, false);
    if (ops.is_array()) c.requires_fields.push_back("batching");
    if (p.body.find("echoUpload") != std::string::npos) c.requires_fields.push_back("echoUpload");
    break;
  }
  c.expect = corpus::expectation_from(corpus::reference_reply(c));
  // Mutated queries are invalid each in its own way, and engines word and place such errors
  // their own way: what a generated request judges is the multipart layer.
  c.expect.graphql_errors_loose = true;
  cite_reference(c);
  // The uploads of the whole body, which the latitudes read: a refused request (any other
  // status) has none, so the reference need not read the body a second time for it.
  const json outcome =
      c.expect.status == 200
          ? request::reference_outcome(c.request.headers[0].second, c.request.body, c.limits)
          : json::object();
  apply_latitudes(c, latitudes_of(m, wire, outcome));
  accept_whole_body_refusal(c, outcome);
  if (auto adapted = run::adapt_to_target(c, t)) c = std::move(*adapted);
  return c;
}

}  // namespace upspec::fuzz
