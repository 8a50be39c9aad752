#pragma once
// Uploads for executor-level targets, without a multipart body: where the placeholders are,
// and a settled value for each, varied by field name so every resolver path is reachable.

#include "upspec/execution/executor.hpp"

namespace upspec::fuzz {

// Every {"$upload": FIELD} object under "variables" (or "<i>.variables" in a batch), by path.
execution::upload_paths placeholder_paths(const request::json& operations);

// A field starting with 'm' never arrived, with 'l' was over the size limit, with 't' was cut
// by a truncated body, with 'h' arrived with 5 GB; any other arrived whole with a few bytes.
execution::upload_values settled_uploads(const execution::upload_paths& paths);

}  // namespace upspec::fuzz
