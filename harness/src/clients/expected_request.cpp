#include "clients/expected_request.hpp"

#include <algorithm>

#include "upspec/util/sha256.hpp"

namespace upspec::clients {
namespace {

// Walks operations depth first, in member order: the order paths appear in, and so the order
// a client meets the files in.
void collect(const json& value, const std::string& path, const scenario& s,
             std::vector<expected_file>& files, json& with_nulls) {
  if (auto id = file_marker(value)) {
    with_nulls = nullptr;
    auto it = std::find_if(files.begin(), files.end(),
                           [&](const expected_file& f) { return f.spec->id == *id; });
    if (it == files.end()) {
      expected_file f;
      f.spec = s.file(*id);
      f.bytes = file_bytes(f.spec->content);
      f.sha256 = sha256::hex_of(f.bytes);
      files.push_back(std::move(f));
      it = std::prev(files.end());
    }
    it->paths.push_back(path);
    return;
  }
  const std::string prefix = path.empty() ? "" : path + ".";
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) collect(v, prefix + k, s, files, with_nulls[k]);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      collect(value[i], prefix + std::to_string(i), s, files, with_nulls[i]);
  }
}

}  // namespace

const expected_file* expected_request::file_at(const std::string& path) const {
  for (const auto& f : files)
    if (std::find(f.paths.begin(), f.paths.end(), path) != f.paths.end()) return &f;
  return nullptr;
}

const expected_file* expected_request::file_with(const std::string& id) const {
  for (const auto& f : files)
    if (f.spec->id == id) return &f;
  return nullptr;
}

expected_request expect(const scenario& s) {
  expected_request e;
  e.operations = s.operations;
  e.with_nulls = s.operations;
  collect(s.operations, "", s, e.files, e.with_nulls);
  return e;
}

encoder::encoded_request canonical_request(const expected_request& e) {
  std::vector<encoder::upload_file> uploads;
  for (const auto& f : e.files) {
    encoder::upload_file u;
    u.field = std::to_string(uploads.size());
    u.paths = f.paths;
    // A quoted-string cannot hold CR or LF even as quoted-pairs: the HTML Standard's %0D, %0A.
    std::string name;
    for (char c : f.spec->name) name += c == '\r' ? "%0D" : c == '\n' ? "%0A" : std::string(1, c);
    u.filename = name;
    u.content_type = f.spec->type.value_or("application/octet-stream");
    u.content = f.bytes;
    uploads.push_back(std::move(u));
  }
  encoder::encoding enc;
  enc.boundary = "upspec-client-scenario-4f1c9a";
  return encoder::encode_request(e.with_nulls, uploads, enc);
}

std::string expected_summary(const expected_request& e) {
  std::string s = "200:";
  for (const auto& f : e.files) {
    s += (&f == e.files.data() ? " " : "; ") + json(f.spec->name).dump() + " (" +
         std::to_string(f.bytes.size()) + " bytes) at ";
    for (const auto& p : f.paths) s += (&p == f.paths.data() ? "" : ", ") + p;
  }
  if (e.files.empty()) s += " no file";
  return s;
}

}  // namespace upspec::clients
