#pragma once
// One GraphQL multipart request as the server lives it: the body streams through the reference
// processor, file bytes are hashed on the way and dropped, the operations are prepared as soon
// as the map is applied, and they complete once every upload has settled. No I/O here: the
// connection feeds bytes in and sends the reply out.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "serve/reply.hpp"
#include "upspec/execution/executor.hpp"
#include "upspec/request/processor.hpp"
#include "upspec/util/sha256.hpp"

namespace upspec::serve {

class multipart_exchange : private request::processor_events {
 public:
  multipart_exchange(std::string_view content_type, const request::limits& limits);
  multipart_exchange(const multipart_exchange&) = delete;
  multipart_exchange& operator=(const multipart_exchange&) = delete;

  void feed(std::string_view bytes);
  void finish();  // the body ended

  // The whole request is refused; the reply is known and the rest of the body is irrelevant.
  bool rejected() const noexcept { return processor_.failed() || internal_error_.has_value(); }
  // Nothing the rest of the body says can change the reply.
  bool settled() const noexcept { return rejected() || processor_.settled(); }

  // The refusal when rejected(), otherwise the executed result; call once settled().
  reply take_reply();

 private:
  void on_operations(const request::json& operations) override;
  void on_upload_begin(const request::upload& u) override;
  void on_upload_data(const request::upload& u, std::string_view bytes) override;
  void on_upload_end(const request::upload& u) override;
  void on_upload_failed(const request::upload& u) override;

  execution::upload_values upload_values() const;

  execution::executor executor_;
  std::map<std::string, sha256, std::less<>> hashing_;       // uploads still arriving
  std::map<std::string, std::string, std::less<>> digests_;  // uploads complete
  std::optional<std::string> internal_error_;
  // Last: its constructor may already report (a refused Content-Type) to the members above.
  request::processor processor_;
};

}  // namespace upspec::serve
