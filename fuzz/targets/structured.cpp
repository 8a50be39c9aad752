// Structure-aware: the input is a request model (properties/request_model.hpp), mutated as a
// request (operations, map and object paths, part headers, files, encoding, Content-Type, byte
// edits at delimiters, limits) by the mutators the live fuzzer uses too, rather than as bytes,
// so the engine spends its time in the processor and the executor instead of breaking the
// multipart layer. The body is processed whole and in the model's chunks (outcomes must agree),
// and an accepted request is executed as the server would.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "support/check.hpp"
#include "support/outcome_check.hpp"
#include "upspec/execution/executor.hpp"
#include "upspec/properties/model_mutations.hpp"
#include "upspec/request/outcome.hpp"

namespace {

using namespace upspec;
using request::json;

// The processor and executor together, as serve::multipart_exchange runs them; without the
// executor, the processor alone (for a second feeding of the same body, whose outcome must be
// the first's: equal outcomes give the executor equal inputs, so it runs once).
class run : public request::outcome_builder {
 public:
  run(const std::string& content_type, const request::limits& limits, bool executes)
      : executes_(executes), proc_(content_type, limits, *this) {}

  void on_operations(const json& operations) override {
    if (!executes_) return;
    for (const request::upload& u : proc_.uploads())
      for (const std::string& path : u.paths) paths_.emplace(path, u.field);
    executor_.prepare(operations, paths_);
  }
  // The body in pieces of `chunk` bytes, or at once (0).
  json outcome_after(std::string_view body, std::size_t chunk, const request::limits& limits) {
    if (chunk == 0)
      proc_.feed(body);
    else
      for (std::size_t at = 0; at < body.size(); at += chunk) proc_.feed(body.substr(at, chunk));
    proc_.finish();
    fuzz::check_settled(proc_, limits);
    // The executor has had the operations (on_operations); the outcome can take them.
    json outcome = render(std::move(proc_));
    if (executes_) {
      fuzz::check_outcome(outcome);
      if (!proc_.failed()) execute(outcome);
    }
    return outcome;
  }

 private:
  void execute(const json& outcome) {
    execution::upload_values values;
    for (const request::upload& u : proc_.uploads()) {
      execution::upload_value v;
      v.filename = u.filename;
      v.mimetype = u.mimetype;
      v.size = u.size;
      v.failure = u.failure;
      if (!u.failure) v.sha256 = outcome["uploads"][u.field]["sha256"].get<std::string>();
      values.emplace(u.field, std::move(v));
    }
    for (const std::string& field : executor_.needed_uploads())
      UPSPEC_FUZZ_CHECK(values.count(field) == 1, "the executor needs an unmapped upload");
    fuzz::check_graphql_result(executor_.complete(values));
  }

  bool executes_;
  execution::executor executor_;
  execution::upload_paths paths_;
  // Last: its constructor may already report to the members above.
  request::processor proc_;
};

}  // namespace

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size)
    __attribute__((weak));

namespace {

// libFuzzer's own byte mutator where it is linked (it knows the dictionary and the comparisons
// it saw); the generators' dictionary-driven one otherwise (the replay build).
const properties::mutation_context& mutation_context() {
  static const properties::mutation_context context{
      properties::hazards::builtin(),
      LLVMFuzzerMutate == nullptr
          ? properties::byte_mutator()
          : [](std::string& s, std::size_t room, properties::random_source&) {
              const std::size_t size = s.size();
              s.resize(size + room);
              s.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(s.data()), size, s.size()));
            }};
  return context;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const properties::request_model model =
      properties::deserialize({reinterpret_cast<const char*>(data), size});
  const properties::wire_request encoded = properties::encode(model);
  const json whole =
      run(encoded.content_type, model.limits, true).outcome_after(encoded.body, 0, model.limits);
  if (model.chunk != 0) {
    const json chunked = run(encoded.content_type, model.limits, false)
                             .outcome_after(encoded.body, model.chunk, model.limits);
    UPSPEC_FUZZ_CHECK(fuzz::same_json(chunked, whole), "chunking changed the outcome");
  }
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  properties::request_model model =
      properties::deserialize({reinterpret_cast<const char*>(data), size});
  properties::random_source rng(seed);
  properties::mutate(model, rng, mutation_context());
  const std::string out = properties::serialize(model);
  if (out.size() > max_size) return size;  // too large: leave the input as it was
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2,
                                                 std::uint8_t* out, std::size_t max_out_size,
                                                 unsigned int seed) {
  properties::random_source rng(seed);
  const std::string child = properties::serialize(properties::cross_over(
      properties::deserialize({reinterpret_cast<const char*>(data1), size1}),
      properties::deserialize({reinterpret_cast<const char*>(data2), size2}), rng));
  if (child.size() > max_out_size) return 0;
  std::memcpy(out, child.data(), child.size());
  return child.size();
}
