#pragma once
// The GraphQL multipart request on top of the multipart parser: operations, map, files.
//
// Push the body in chunks; the processor reports through processor_events. Operations are
// ready as soon as the map is applied, before any file has arrived, and file bytes stream to
// on_upload_data as views of the input. An error before the map rejects the whole request
// (its status is the error's); an error after it fails only the uploads still pending, since
// a streaming server has already started executing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "upspec/errors.hpp"
#include "upspec/multipart/parser.hpp"
#include "upspec/multipart/part_headers.hpp"
#include "upspec/request/json_field.hpp"
#include "upspec/request/limits.hpp"
#include "upspec/result.hpp"

namespace upspec::request {

enum class upload_state { pending, receiving, complete, failed };

struct upload {
  std::string field;               // the map key: the file part's field name
  std::vector<std::string> paths;  // where it goes in operations
  upload_state state = upload_state::pending;
  std::optional<std::string> filename;  // absent when the part had no filename parameter
  std::string mimetype;
  std::uint64_t size = 0;
  std::optional<upspec::error> failure;
};

class processor_events {
 public:
  virtual ~processor_events() = default;
  // The map was applied; every mapped path holds {"$upload": field}.
  virtual void on_operations(const json& /*operations*/) {}
  virtual void on_upload_begin(const upload& /*u*/) {}
  virtual void on_upload_data(const upload& /*u*/, std::string_view /*bytes*/) {}
  virtual void on_upload_end(const upload& /*u*/) {}
  virtual void on_upload_failed(const upload& /*u*/) {}
  virtual void on_request_failed(const upspec::error& /*e*/) {}
  virtual void on_ignored_part(std::string_view /*field*/) {}
};

// The placeholder put at each mapped path: {"$upload": "<field>"}.
json upload_placeholder(std::string_view field);

class processor : private multipart::parser_events {
 public:
  processor(std::string_view content_type, limits lim, processor_events& events);

  void feed(std::string_view chunk);
  void finish();  // the body ended

  // Rejected as a whole; nothing was executed.
  bool failed() const noexcept { return failure_.has_value(); }
  const std::optional<upspec::error>& failure() const noexcept { return failure_; }
  // The map was applied and operations can run; uploads may still fail one by one.
  bool operations_ready() const noexcept { return map_applied_; }
  // Nothing more will happen, whatever else is fed.
  bool settled() const noexcept { return failed() || finished_; }
  int status() const noexcept { return failure_ ? failure_->status : 200; }

  const json& operations() const noexcept { return operations_; }
  // The operations, moved out; operations() is null afterwards.
  json release_operations() noexcept { return std::move(operations_); }
  const std::vector<upload>& uploads() const noexcept { return uploads_; }
  const std::vector<std::string>& ignored() const noexcept { return ignored_; }
  const multipart::parser& multipart() const noexcept { return parser_; }

 private:
  enum class part_role { none, operations, map, file, ignored };

  // The parser is built once, for the boundary or (refused) for none.
  processor(limits lim, processor_events& events, result<std::string> boundary);

  void on_part_begin() override;
  void on_header(std::string_view name, std::string_view value) override;
  void on_headers_complete() override;
  void on_part_data(std::string_view bytes) override;
  void on_part_end() override;
  void on_body_end() override;

  void conclude();
  void take_operations();
  void take_map();
  void ignore_part(std::string_view field);
  void reject(upspec::error e);
  void fail_pending_uploads(const upspec::error& e);
  void fail_upload(upload& u, upspec::error e);
  upload* upload_for(std::string_view field);

  limits limits_;
  processor_events& events_;
  multipart::parser parser_;
  multipart::part_header_collector headers_;
  part_role role_ = part_role::none;
  std::string field_value_;    // the operations or map part being collected
  upload* current_ = nullptr;  // the upload whose bytes are arriving
  bool have_operations_ = false;
  bool map_applied_ = false;
  bool finished_ = false;
  json operations_;
  std::vector<upload> uploads_;
  std::unordered_map<std::string, std::size_t> upload_index_;
  std::vector<std::string> ignored_;
  std::optional<upspec::error> failure_;
};

}  // namespace upspec::request
