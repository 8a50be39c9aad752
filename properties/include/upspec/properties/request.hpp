#pragma once
// A whole valid GraphQL multipart request: operations, map, files and extra parts, encoded, with
// the outcome the reference must give, known by construction.

#include <rapidcheck.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "upspec/encoder/encoder.hpp"
#include "upspec/properties/layout.hpp"
#include "upspec/properties/names.hpp"
#include "upspec/properties/operations.hpp"

namespace upspec::properties {

struct file_model {
  std::string field;               // the map key and the part's name
  std::vector<std::string> paths;  // several when the map deduplicates
  std::optional<std::string> filename;
  std::optional<std::string> filename_star;  // sent as filename*=UTF-8''...
  // Or an RFC 8187 ext-value written as is (another charset, a language, bad encoding), and
  // the filename it decodes to, if it does.
  std::optional<std::string> raw_filename_star;
  std::optional<std::string> raw_decodes_to;
  media_type_case media;
  std::string content;

  // RFC 7578 §4.2: `filename` wins; a `filename*` names the file only without one.
  std::optional<std::string> reported_filename() const {
    if (filename) return filename;
    if (filename_star) return filename_star;
    return raw_decodes_to;
  }
};

enum class part_role {
  operations,
  map,
  file,     // the one part that carries files[file]
  ignored,  // a field the reference ignores and lists under "ignored"
  skipped,  // no usable form-data name: ignored without being listed
};

struct request_part {
  encoder::form_part part;
  part_role role = part_role::ignored;
  std::size_t file = 0;       // for part_role::file, and for a duplicate of a file's part
  bool duplicate = false;     // a second part for files[file], ignored by the reference
  bool has_filename = false;  // the reference sees a filename (filename or a usable filename*)
};

struct request_shape {
  // At least one file, the first with a filename, at least one path and some content:
  // what every mutation needs to apply.
  bool needs_file = false;
  // Operations over the conformance schema (gen_schema_operations), which a real server can
  // execute, rather than any variables under a handful of queries.
  bool schema = false;
  bool batches = true;  // with `schema`: arrays of operations too
  // What a plain client sends: no preamble, epilogue or padding, the Content-Type as the
  // encoder writes it, every file with an ASCII filename and a type and at one path, no extra
  // parts or headers, no folding, no slot left for object-path to create. The corpus's
  // generated cases are plain, so that each rule a plain request does not exercise is judged
  // by its own cases and not again in every random one.
  bool plain = false;
  // Only constructs whose reading the catalog holds at MUST, so that one reading is right and a
  // server that differs is wrong: no extra or repeated fields, no decoy header or parameter,
  // every file with a filename, no line in a content or the preamble that starts with the
  // delimiter, no slot left for object-path to create. The live fuzzer's valid requests are so,
  // but for filename* (which finds parser crashes; a request with one is judged at SHOULD); its
  // mutations add the rest.
  bool must_only = false;
  std::size_t max_content_size = static_cast<std::size_t>(-1);  // bytes of each file at most
};

struct generated_request {
  operations_model model;
  json operations_expected;         // with the placeholders
  std::vector<file_model> files;    // in map order
  std::vector<request_part> parts;  // in body order
  encoder::encoding encoding;
  std::string content_type;
  std::string body;
  body_layout layout;

  std::size_t index_of(part_role role) const;  // the first part with that role
};

rc::Gen<generated_request> gen_request(request_shape shape = {});

// The operations, map and file parts of a model, with their roles, in spec order.
std::vector<request_part> spec_parts(const json& operations, const std::vector<file_model>& files);

// Encodes `parts` with `encoding` into body (and layout).
void encode(generated_request& g);

std::vector<encoder::form_part> form_parts(const std::vector<request_part>& parts);

// How RapidCheck prints one in a counterexample: sizes and an escaped, truncated body.
void showValue(const generated_request& g, std::ostream& os);

}  // namespace upspec::properties
