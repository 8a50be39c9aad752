#pragma once
// The reference outcome of one request, as `upspec reference` prints it (design.md).

#include <map>
#include <string>
#include <string_view>

#include "upspec/request/processor.hpp"
#include "upspec/util/sha256.hpp"

namespace upspec::request {

json error_to_json(const upspec::error& e, bool with_cite = true);

// Hashes every upload's bytes as they stream past, then renders the outcome.
class outcome_builder : public processor_events {
 public:
  void on_upload_begin(const upload& u) override;
  void on_upload_data(const upload& u, std::string_view bytes) override;
  void on_upload_end(const upload& u) override;
  void on_upload_failed(const upload& u) override;

  // {"status", "error", "operations", "uploads", "ignored"}; operations and uploads are
  // absent when the whole request was rejected.
  json render(const processor& p) const;
  // The same, taking the operations out of a processor that is done instead of copying them.
  json render(processor&& p) const;

 private:
  std::map<std::string, sha256, std::less<>> hashing_;
  std::map<std::string, std::string, std::less<>> digests_;

  json render(const processor& p, json operations) const;
};

// The outcome of a whole body given at once, fed in chunks of `chunk_size` bytes.
json reference_outcome(std::string_view content_type, std::string_view body, const limits& lim = {},
                       std::size_t chunk_size = 64 * 1024);

}  // namespace upspec::request
