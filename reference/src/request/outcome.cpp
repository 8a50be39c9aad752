#include "upspec/request/outcome.hpp"

#include <algorithm>

namespace upspec::request {

json error_to_json(const upspec::error& e, bool with_cite) {
  json out{{"code", std::string(name(e.code))}, {"message", e.message}};
  if (with_cite) out["cite"] = std::string(info(e.code).cite);
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
  json out;
  out["status"] = p.status();
  if (p.failed()) {
    out["error"] = error_to_json(*p.failure());
  } else {
    out["error"] = nullptr;
    out["operations"] = p.operations();
    // Upload fields are unique: they are the map's names.
    json uploads = json::object();
    for (const upload& u : p.uploads()) {
      if (u.state == upload_state::complete) {
        const auto digest = digests_.find(u.field);
        append_new_member(
            uploads, u.field,
            json{{"filename", u.filename ? json(*u.filename) : json(nullptr)},
                 {"mimetype", u.mimetype},
                 {"size", u.size},
                 {"sha256", digest != digests_.end() ? digest->second : std::string()}});
      } else if (u.failure) {
        append_new_member(uploads, u.field, json{{"error", error_to_json(*u.failure, false)}});
      }
    }
    out["uploads"] = std::move(uploads);
  }
  out["ignored"] = p.ignored();
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
  return builder.render(proc);
}

}  // namespace upspec::request
