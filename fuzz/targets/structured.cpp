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
    // A settled processor ignores what follows (feed's contract), so the chunks stop there
    // rather than walk the rest of a refused body a byte or two at a time.
    if (chunk == 0)
      proc_.feed(body);
    else
      for (std::size_t at = 0; at < body.size() && !proc_.settled(); at += chunk)
        proc_.feed(body.substr(at, chunk));
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

// The input the engine runs next, with its model. libFuzzer runs the very bytes the mutator or
// the crossover wrote, then mutates them again (up to -mutate_depth times), so the model they
// wrote is kept beside its bytes rather than read back from them twice: reading a model took
// a tenth of an execution. Every 64th use is checked against a fresh reading.
class written_input {
 public:
  // The model of `bytes`: the one written when these are its bytes, otherwise read into `read`.
  const properties::request_model& model_of(std::string_view bytes,
                                            properties::request_model& read) {
    if (!holds(bytes)) return read = properties::deserialize(bytes);
    check(bytes);
    return model_;
  }
  // The same, as a model to change; the one kept is given up.
  properties::request_model take_model_of(std::string_view bytes) {
    if (!holds(bytes)) return properties::deserialize(bytes);
    check(bytes);
    valid_ = false;
    return std::move(model_);
  }
  // Writes `model` to `out` and keeps it; 0 when its bytes do not fit in `max_size`.
  std::size_t write(properties::request_model model, std::uint8_t* out, std::size_t max_size) {
    properties::make_serialisable(model);
    std::string bytes = properties::serialize(model);
    valid_ = bytes.size() <= max_size;
    if (!valid_) return 0;
    std::memcpy(out, bytes.data(), bytes.size());
    bytes_ = std::move(bytes);
    model_ = std::move(model);
    return bytes_.size();
  }

 private:
  bool holds(std::string_view bytes) const { return valid_ && bytes == bytes_; }
  void check(std::string_view bytes) {
    if (++uses_ % 64 == 0)
      UPSPEC_FUZZ_CHECK(properties::deserialize(bytes) == model_,
                        "a written model does not read back from its bytes");
  }

  bool valid_ = false;
  std::string bytes_;
  properties::request_model model_;
  std::uint64_t uses_ = 0;
};

written_input& written() {
  static written_input input;
  return input;
}

std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  properties::request_model read;
  const properties::request_model& model = written().model_of(bytes_of(data, size), read);
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
  properties::request_model model = written().take_model_of(bytes_of(data, size));
  properties::random_source rng(seed);
  properties::mutate(model, rng, mutation_context());
  const std::size_t written_size = written().write(std::move(model), data, max_size);
  return written_size != 0 ? written_size : size;  // too large: leave the input as it was
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2,
                                                 std::uint8_t* out, std::size_t max_out_size,
                                                 unsigned int seed) {
  properties::random_source rng(seed);
  // The first is taken before the second is read: the second may be the written input too.
  properties::request_model first = written().take_model_of(bytes_of(data1, size1));
  properties::request_model other;
  const properties::request_model& second = written().model_of(bytes_of(data2, size2), other);
  return written().write(properties::cross_over(std::move(first), second, rng), out, max_out_size);
}
