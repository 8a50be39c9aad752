#include "resolvers.hpp"

#include <algorithm>
#include <limits>

namespace upspec::execution {
namespace {

const input_value* argument(const argument_values& args, std::string_view name) {
  const auto it = args.find(name);
  return it == args.end() ? nullptr : &it->second;
}

// The settled upload an Upload value stands for, or why the field using it fails: the upload's
// own failure (file.missing, limit.file_size, ...), with that error's code.
resolved settled_upload(const input_value& value, const upload_values& uploads) {
  const auto* ref = value.as<upload_ref>();
  if (!ref) return {};
  const auto it = uploads.find(ref->field);
  if (it == uploads.end()) {  // the server never settled it: as good as never arrived
    return {
        field_failure{"File missing in the request.", std::string(name(error_code::file_missing))}};
  }
  if (it->second.failure)
    return {
        field_failure{it->second.failure->message, std::string(name(it->second.failure->code))}};
  return {&it->second};
}

// An optional upload argument: null stays null.
resolved optional_upload(const input_value* value, const upload_values& uploads) {
  if (!value || value->is_null()) return {};
  return settled_upload(*value, uploads);
}

resolved multiple(const input_value* files, const upload_values& uploads) {
  resolved_list out;
  if (const auto* list = files ? files->as<input_list>() : nullptr)
    for (const input_value& item : *list) out.push_back(settled_upload(item, uploads));
  return {std::move(out)};
}

// Depth first: the node's file, then its files in order, then its child; nulls are skipped
// since the result's items are non-null. A loop, as the `child` chain can be long.
resolved tree(const input_value* node, const upload_values& uploads) {
  resolved_list out;
  while (node && !node->is_null()) {
    if (const input_value* file = node->field("file"); file && !file->is_null())
      out.push_back(settled_upload(*file, uploads));
    if (const input_value* files = node->field("files")) {
      if (const auto* list = files->as<input_list>()) {
        for (const input_value& item : *list)
          if (!item.is_null()) out.push_back(settled_upload(item, uploads));
      }
    }
    node = node->field("child");
  }
  return {std::move(out)};
}

}  // namespace

resolved resolve_root_field(std::string_view field, const argument_values& args,
                            const upload_values& uploads) {
  if (field == "ping") return {true};
  if (field == "single" || field == "optional" || field == "echoUpload")
    return optional_upload(argument(args, "file"), uploads);
  if (field == "multiple") return multiple(argument(args, "files"), uploads);
  if (field == "tree") return tree(argument(args, "input"), uploads);
  if (field == "echo") {
    const input_value* value = argument(args, "value");
    if (const auto* text = value ? value->as<std::string>() : nullptr) return {*text};
  }
  return {};
}

resolved resolve_file_field(std::string_view field, const upload_value& file) {
  if (field == "filename") return {file.filename.value_or("")};
  if (field == "mimetype") return {file.mimetype};
  if (field == "size") {
    constexpr std::uint64_t kLargest = std::numeric_limits<std::int64_t>::max();
    return {static_cast<std::int64_t>(std::min(file.size, kLargest))};
  }
  if (field == "sha256") return {file.sha256};
  return {};
}

}  // namespace upspec::execution
