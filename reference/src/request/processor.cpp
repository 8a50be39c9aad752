#include "upspec/request/processor.hpp"

#include <unordered_map>

#include "upspec/multipart/boundary.hpp"
#include "upspec/request/object_path.hpp"

namespace upspec::request {
json upload_placeholder(std::string_view field) {
  return json{{"$upload", std::string(field)}};
}

processor::processor(std::string_view content_type, limits lim, processor_events& events)
    : processor(lim, events, multipart::boundary_from_content_type(content_type)) {}

processor::processor(limits lim, processor_events& events, result<std::string> boundary)
    : limits_(lim),
      events_(events),
      parser_(boundary ? std::string_view(boundary.value()) : std::string_view{}, lim.parser) {
  if (!boundary) reject(std::move(boundary).error());
}

void processor::feed(std::string_view chunk) {
  if (settled()) return;
  if (!parser_.feed(chunk, *this) && !settled()) finish();
}

void processor::finish() {
  if (settled()) return;
  if (!parser_.finish(*this)) {
    // RFC 2046 §5.1.1: a broken or unfinished body rejects the request only while nothing has
    // been executed; afterwards it fails the uploads that had not arrived.
    const upspec::error& e = *parser_.error();
    if (!map_applied_) {
      reject(e);
      return;
    }
    fail_pending_uploads(e);
    finished_ = true;
    return;
  }
  conclude();
}

// The close delimiter was seen: what never arrived is missing.
void processor::conclude() {
  if (settled()) return;
  if (!have_operations_) {
    reject({error_code::operations_missing, "Missing multipart field 'operations'."});
    return;
  }
  if (!map_applied_) {
    reject({error_code::map_missing, "Missing multipart field 'map'."});
    return;
  }
  fail_pending_uploads({error_code::file_missing, "File missing in the request."});
  finished_ = true;
}

void processor::on_part_begin() {
  headers_.reset();
  role_ = part_role::none;
}

void processor::on_header(std::string_view name, std::string_view value) {
  if (!settled()) headers_.add(name, value);
}

// RFC 7578 §4.2: each part is named by Content-Disposition: form-data; name="...". The spec
// orders the parts: operations, then map, then the files.
void processor::on_headers_complete() {
  if (settled()) return;
  role_ = part_role::ignored;
  const auto disposition = headers_.disposition()
                               ? multipart::parse_content_disposition(*headers_.disposition())
                               : std::nullopt;
  if (!disposition || disposition->type != "form-data" || !disposition->name) {
    // Without a usable form-data name the part cannot be anything the spec defines.
    return;
  }
  const std::string& field = *disposition->name;
  if (field == "operations") {
    if (have_operations_) return ignore_part(field);
    role_ = part_role::operations;
    field_value_.clear();
    return;
  }
  if (field == "map") {
    if (map_applied_) return ignore_part(field);
    if (!have_operations_)
      return reject({error_code::map_misordered,
                     "Disordered multipart fields; 'map' should follow 'operations'."});
    role_ = part_role::map;
    field_value_.clear();
    return;
  }
  if (!map_applied_) {
    if (disposition->filename)
      return reject(
          {error_code::file_misordered, "Disordered multipart fields; files should follow 'map'."});
    return ignore_part(field);
  }
  upload* u = upload_for(field);
  if (u == nullptr || u->state != upload_state::pending) return ignore_part(field);
  role_ = part_role::file;
  current_ = u;
  u->state = upload_state::receiving;
  u->filename = disposition->filename;
  u->mimetype = multipart::part_media_type(headers_.content_type());
  events_.on_upload_begin(*u);
}

void processor::on_part_data(std::string_view bytes) {
  switch (role_) {
    case part_role::operations:
    case part_role::map:
      if (field_value_.size() + bytes.size() > limits_.max_field_size)
        return reject({error_code::limit_field_size,
                       "The '" + std::string(role_ == part_role::map ? "map" : "operations") +
                           "' multipart field value exceeds the " +
                           std::to_string(limits_.max_field_size) + " byte size limit."});
      field_value_.append(bytes);
      return;
    case part_role::file:
      if (current_->state != upload_state::receiving) return;
      if (limits_.max_file_size && current_->size + bytes.size() > *limits_.max_file_size)
        return fail_upload(
            *current_, {error_code::limit_file_size, "File truncated as it exceeds the " +
                                                         std::to_string(*limits_.max_file_size) +
                                                         " byte size limit."});
      current_->size += bytes.size();
      events_.on_upload_data(*current_, bytes);
      return;
    default:
      return;
  }
}

void processor::on_part_end() {
  if (settled()) return;
  const part_role role = role_;
  role_ = part_role::none;
  if (role == part_role::operations) return take_operations();
  if (role == part_role::map) return take_map();
  if (role == part_role::file) {
    upload* u = current_;
    current_ = nullptr;
    if (u->state != upload_state::receiving) return;
    u->state = upload_state::complete;
    events_.on_upload_end(*u);
  }
}

void processor::on_body_end() {
  conclude();
}

void processor::take_operations() {
  auto parsed = parse_json_field(field_value_);
  field_value_.clear();  // its room is the map's next; the map releases it
  if (auto* why = std::get_if<std::string>(&parsed))
    return reject({error_code::operations_invalid_json,
                   "Invalid JSON in the 'operations' multipart field: " + *why + "."});
  json& ops = std::get<json>(parsed);
  if (!ops.is_object() && !ops.is_array())
    return reject({error_code::operations_invalid_type,
                   "Invalid type for the 'operations' multipart field."});
  operations_ = std::move(ops);
  have_operations_ = true;
}

void processor::take_map() {
  auto parsed = parse_json_field(field_value_);
  field_value_ = std::string();
  if (auto* why = std::get_if<std::string>(&parsed))
    return reject(
        {error_code::map_invalid_json, "Invalid JSON in the 'map' multipart field: " + *why + "."});
  const json& map = std::get<json>(parsed);
  if (!map.is_object())
    return reject({error_code::map_invalid_type, "Invalid type for the 'map' multipart field."});
  if (limits_.max_files && map.size() > *limits_.max_files)
    return reject({error_code::limit_files,
                   std::to_string(*limits_.max_files) + " max file uploads exceeded."});
  uploads_.reserve(map.size());
  object_path_setter operations_paths(operations_);
  for (const auto& [field, paths] : map.items()) {
    if (!paths.is_array())
      return reject(
          {error_code::map_entry_invalid_type,
           "Invalid type for the 'map' multipart field entry key '" + field + "' array."});
    upload u;
    u.field = field;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const json& path = paths[i];
      // Named only in a refusal: building it for every path cost more than applying the path.
      const auto where = [&name = field, i] {
        return "entry key '" + name + "' array index '" + std::to_string(i) + "'";
      };
      if (!path.is_string())
        return reject({error_code::map_path_invalid_type,
                       "Invalid type for the 'map' multipart field " + where() + " value."});
      const auto& p = path.get_ref<const std::string&>();
      if (auto why = operations_paths.set(p, upload_placeholder(field)))
        return reject(
            {error_code::map_path_invalid, "Invalid object path for the 'map' multipart field " +
                                               where() + " value '" + p + "': " + *why + "."});
      u.paths.push_back(p);
    }
    upload_index_.emplace(u.field, uploads_.size());
    uploads_.push_back(std::move(u));
  }
  map_applied_ = true;
  events_.on_operations(operations_);
}

upload* processor::upload_for(std::string_view field) {
  const auto it = upload_index_.find(std::string(field));
  return it == upload_index_.end() ? nullptr : &uploads_[it->second];
}

void processor::ignore_part(std::string_view field) {
  role_ = part_role::ignored;
  ignored_.emplace_back(field);
  events_.on_ignored_part(field);
}

void processor::reject(upspec::error e) {
  if (settled()) return;
  role_ = part_role::none;
  failure_ = std::move(e);
  events_.on_request_failed(*failure_);
}

void processor::fail_upload(upload& u, upspec::error e) {
  u.state = upload_state::failed;
  u.failure = std::move(e);
  events_.on_upload_failed(u);
}

void processor::fail_pending_uploads(const upspec::error& e) {
  for (auto& u : uploads_)
    if (u.state == upload_state::pending || u.state == upload_state::receiving) fail_upload(u, e);
}

}  // namespace upspec::request
