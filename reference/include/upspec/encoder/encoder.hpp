#pragma once
// Builds multipart/form-data bodies and GraphQL multipart requests, valid or deliberately
// broken, for tests, the corpus and the harness.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upspec/request/json_field.hpp"

namespace upspec::encoder {

using request::json;

struct form_part {
  std::string name;
  std::optional<std::string> filename;       // adds filename="..." (quoted-pairs for " and \)
  std::optional<std::string> filename_star;  // adds filename*=UTF-8''<percent-encoded>
  std::optional<std::string> content_type;   // adds a Content-Type header
  std::string body;
  std::vector<std::pair<std::string, std::string>> extra_headers;  // written after the others
  bool omit_disposition = false;
  // Adds name*=UTF-8''<percent-encoded> after name: RFC 7578 defines no such parameter, and
  // receivers must not let it rename the part.
  std::optional<std::string> name_star = {};
  friend bool operator==(const form_part&, const form_part&) = default;
};

enum class header_case { canonical, lower, upper };

struct encoding {
  std::string boundary = "upspec-6b1c0a8e3f9d4c27";
  bool quote_boundary = false;  // boundary="..." in the Content-Type
  std::string media_type = "multipart/form-data";
  std::string line_end = "\r\n";  // "\n" makes a bare-LF body
  std::string preamble;           // before the first delimiter (a line end is added)
  std::string epilogue;           // after the close delimiter's line end
  std::string transport_padding;  // LWSP after every delimiter
  bool close_delimiter = true;    // false leaves the body unterminated
  header_case header_names = header_case::canonical;
  bool filename_before_name = false;  // parameter order in Content-Disposition
  friend bool operator==(const encoding&, const encoding&) = default;
};

struct encoded_request {
  std::string content_type;
  std::string body;
};

encoded_request encode_form(const std::vector<form_part>& parts, const encoding& enc = {});

// One file of a GraphQL multipart request, mapped to one or more paths of operations.
struct upload_file {
  std::string field;
  std::vector<std::string> paths;
  std::optional<std::string> filename = "file.bin";
  std::optional<std::string> content_type = "application/octet-stream";
  std::string content;
};

enum class part_order {
  spec,              // operations, map, files
  map_first,         // map, operations, files
  files_first,       // files, operations, map
  files_before_map,  // operations, files, map
};

// The map that sends each file to its paths, in file order.
json map_for(const std::vector<upload_file>& files);

// The form parts of a spec request, operations and map serialised compactly.
std::vector<form_part> request_parts(const json& operations, const std::vector<upload_file>& files,
                                     part_order order = part_order::spec);

encoded_request encode_request(const json& operations, const std::vector<upload_file>& files,
                               const encoding& enc = {}, part_order order = part_order::spec);

}  // namespace upspec::encoder
