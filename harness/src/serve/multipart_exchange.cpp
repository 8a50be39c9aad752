#include "serve/multipart_exchange.hpp"

#include <exception>

namespace upspec::serve {

multipart_exchange::multipart_exchange(std::string_view content_type, const request::limits& limits)
    : processor_(content_type, limits, *this) {}

void multipart_exchange::feed(std::string_view bytes) {
  if (!settled()) processor_.feed(bytes);
}

void multipart_exchange::finish() {
  if (!rejected()) processor_.finish();
}

// Executing starts here, while the files are still on their way: documents, Upload literals
// and variable coercion are settled before the first file byte arrives.
void multipart_exchange::on_operations(const request::json& operations) {
  execution::upload_paths paths;
  for (const request::upload& u : processor_.uploads())
    for (const std::string& path : u.paths) paths.emplace(path, u.field);
  try {
    executor_.prepare(operations, paths);
  } catch (const std::exception& e) {
    internal_error_ = e.what();
  }
}

void multipart_exchange::on_upload_begin(const request::upload& u) {
  hashing_.insert_or_assign(u.field, sha256{});
}

void multipart_exchange::on_upload_data(const request::upload& u, std::string_view bytes) {
  if (auto it = hashing_.find(u.field); it != hashing_.end()) it->second.update(bytes);
}

void multipart_exchange::on_upload_end(const request::upload& u) {
  auto it = hashing_.find(u.field);
  if (it == hashing_.end()) return;
  digests_.insert_or_assign(u.field, it->second.hex_digest());
  hashing_.erase(it);
}

void multipart_exchange::on_upload_failed(const request::upload& u) {
  hashing_.erase(u.field);
}

execution::upload_values multipart_exchange::upload_values() const {
  execution::upload_values values;
  for (const request::upload& u : processor_.uploads()) {
    execution::upload_value v;
    v.filename = u.filename;
    v.mimetype = u.mimetype;
    v.size = u.size;
    if (auto it = digests_.find(u.field); it != digests_.end()) v.sha256 = it->second;
    v.failure = u.failure;
    values.emplace(u.field, std::move(v));
  }
  return values;
}

reply multipart_exchange::take_reply() {
  if (internal_error_)
    return error_reply(500, server_code::internal, "Internal server error: " + *internal_error_);
  if (processor_.failed()) return error_reply(*processor_.failure());
  try {
    return result_reply(executor_.complete(upload_values()));
  } catch (const std::exception& e) {
    return error_reply(500, server_code::internal,
                       std::string("Internal server error: ") + e.what());
  }
}

}  // namespace upspec::serve
