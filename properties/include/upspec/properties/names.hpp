#pragma once
// Names that travel in headers and JSON: form field names, filenames, object keys, media types.

#include <rapidcheck.h>

#include <optional>
#include <string>

namespace upspec::properties {

// A file field name (a map key): usually "0", "1", ..., sometimes anything a quoted-string
// can carry, non-ASCII and quotes included. Never "operations" or "map".
rc::Gen<std::string> gen_field_name();

// A filename with the characters that break naive quoting: quotes, backslashes, ';', '=',
// '%', spaces, tabs and non-ASCII UTF-8. May be empty.
rc::Gen<std::string> gen_filename();

// An ASCII-only filename, the fallback sent next to filename*.
rc::Gen<std::string> gen_ascii_filename();

// An object key of the operations that an object path can name: no '.', not empty, not a
// prototype segment. May be non-ASCII or look like an array index.
rc::Gen<std::string> gen_object_key();

// A file part's Content-Type header (absent or not) and the mimetype the reference reports.
struct media_type_case {
  std::optional<std::string> header;
  std::string reported;
};
rc::Gen<media_type_case> gen_media_type();

}  // namespace upspec::properties
