// Round trip: a request encoded by the project's encoder and processed by the reference gives
// back the operations with each upload at every mapped path, and every file byte for byte.
#include <map>

#include "check.hpp"
#include "support.hpp"
#include "upspec/properties/expectations.hpp"
#include "upspec/properties/request.hpp"
#include "upspec/util/sha256.hpp"

namespace upspec::properties {
namespace {

// The outcome, plus what streamed past: each upload's bytes and when operations were ready.
class recording_builder : public request::outcome_builder {
 public:
  std::map<std::string, std::string> bytes;
  bool operations_before_files = true;
  bool have_operations = false;
  json operations;

  void on_operations(const json& ops) override {
    have_operations = true;
    operations = ops;
  }
  void on_upload_begin(const request::upload& u) override {
    operations_before_files = operations_before_files && have_operations;
    outcome_builder::on_upload_begin(u);
  }
  void on_upload_data(const request::upload& u, std::string_view b) override {
    bytes[u.field].append(b);
    outcome_builder::on_upload_data(u, b);
  }
};

UPSPEC_PROPERTY(RoundTrip, EncodeThenProcessGivesBackOperationsAndFiles, ()) {
  const generated_request g = *gen_request();
  RC_CLASSIFY(g.model.batch, "batch");
  RC_CLASSIFY(
      std::any_of(g.files.begin(), g.files.end(), [](const auto& f) { return f.paths.size() > 1; }),
      "deduplicated file");
  RC_CLASSIFY(std::any_of(g.files.begin(), g.files.end(),
                          [](const auto& f) { return f.content.size() > 256 * 1024; }),
              "file over 256 KiB");
  RC_CLASSIFY(std::any_of(g.files.begin(), g.files.end(),
                          [](const auto& f) { return f.content.size() > 1024 * 1024; }),
              "file over 1 MiB");

  recording_builder recorder;
  request::processor proc(g.content_type, {}, recorder);
  proc.feed(g.body);
  proc.finish();
  const json outcome = recorder.render(proc);
  const json expected = valid_outcome(g);
  RC_LOG() << "outcome: " << request::dump_json(outcome).substr(0, 4000)
           << "\nexpected: " << request::dump_json(expected).substr(0, 4000) << "\n";
  RC_ASSERT(request::dump_json(normalize(outcome)) == request::dump_json(expected));

  // Byte-exact, not just equal digests, and operations ready before any file arrives.
  RC_ASSERT(recorder.operations_before_files);
  RC_ASSERT(request::dump_json(recorder.operations) == request::dump_json(g.operations_expected));
  for (const auto& f : g.files) {
    RC_ASSERT(recorder.bytes[f.field] == f.content);
    RC_ASSERT(outcome["uploads"][f.field]["sha256"].get<std::string>() ==
              sha256::hex_of(f.content));
  }
}

}  // namespace
}  // namespace upspec::properties
