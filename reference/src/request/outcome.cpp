#include "upspec/request/outcome.hpp"

#include <algorithm>

namespace upspec::request {

namespace {

// An object with room for its members: nlohmann's ordered_map is a vector whose pairs have
// const names, so each growth copies every name and value.
json object_of_size(std::size_t members) {
  json out = json::object();
  out.get_ref<json::object_t&>().reserve(members);
  return out;
}

}  // namespace

json error_to_json(const upspec::error& e, bool with_cite) {
  json out = object_of_size(3);
  append_new_member(out, "code", std::string(name(e.code)));
  append_new_member(out, "message", e.message);
  if (with_cite) append_new_member(out, "cite", std::string(info(e.code).cite));
  return out;
}

void outcome_builder::on_upload_begin(const upload& u) {
  hashing_.insert_or_assign(u.field, sha256{});
}

void outcome_builder::on_upload_data(const upload& u, std::string_view bytes) {
  hashing_.find(u.field)->second.update(bytes);
}

void outcome_builder::on_upload_end(const upload& u) {
  auto it = hashing_.find(u.field);
  digests_[u.field] = it->second.hex_digest();
  hashing_.erase(it);
}

void outcome_builder::on_upload_failed(const upload& u) {
  hashing_.erase(u.field);
}

json outcome_builder::render(const processor& p) const {
  return render(p, p.failed() ? json() : p.operations());
}

json outcome_builder::render(processor&& p) const {
  return render(p, p.release_operations());
}

json outcome_builder::render(const processor& p, json operations) const {
  json out = object_of_size(5);
  append_new_member(out, "status", p.status());
  if (p.failed()) {
    append_new_member(out, "error", error_to_json(*p.failure()));
  } else {
    append_new_member(out, "error", nullptr);
    append_new_member(out, "operations", std::move(operations));
    // Upload fields are unique: they are the map's names.
    json uploads = object_of_size(p.uploads().size());
    for (const upload& u : p.uploads()) {
      if (u.state == upload_state::complete) {
        const auto digest = digests_.find(u.field);
        json file = object_of_size(4);
        append_new_member(file, "filename", u.filename ? json(*u.filename) : json(nullptr));
        append_new_member(file, "mimetype", u.mimetype);
        append_new_member(file, "size", u.size);
        append_new_member(file, "sha256",
                          digest != digests_.end() ? digest->second : std::string());
        append_new_member(uploads, u.field, std::move(file));
      } else if (u.failure) {
        json failed = object_of_size(1);
        append_new_member(failed, "error", error_to_json(*u.failure, false));
        append_new_member(uploads, u.field, std::move(failed));
      }
    }
    append_new_member(out, "uploads", std::move(uploads));
  }
  append_new_member(out, "ignored", p.ignored());
  return out;
}

json reference_outcome(std::string_view content_type, std::string_view body, const limits& lim,
                       std::size_t chunk_size) {
  outcome_builder builder;
  processor proc(content_type, lim, builder);
  chunk_size = std::max<std::size_t>(chunk_size, 1);
  for (std::size_t at = 0; at < body.size() && !proc.settled(); at += chunk_size)
    proc.feed(body.substr(at, chunk_size));
  proc.finish();
  return builder.render(std::move(proc));
}

}  // namespace upspec::request
