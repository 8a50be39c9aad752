#pragma once
// Building blocks the category files share: the conformance schema's queries and the
// common shapes of requests.

#include <string>
#include <vector>

#include "corpus/catalog.hpp"

namespace upspec::corpus::build {

using encoder::upload_file;

inline constexpr const char* kFileFields = "{ filename mimetype size sha256 }";
std::string single_query();    // single(file: $file)
std::string multiple_query();  // multiple(files: $files)
std::string optional_query();  // optional(file: $file)
std::string tree_query();      // tree(input: $input)

json single_operations();                 // variables: {file: null}
json multiple_operations(std::size_t n);  // variables: {files: [null × n]}

upload_file text_file(std::string field, std::vector<std::string> paths, std::string content,
                      std::string filename = "a.txt");

// The spec's single-file request on the conformance schema, with one file "0".
encoder::encoded_request single_request(const encoder::encoding& enc = {});
std::vector<encoder::form_part> single_parts(std::string content = "Alpha file content.\n");

// Common citations.
inline constexpr const char* kSpec = "GraphQL multipart request spec";
inline constexpr const char* kSpecOrder =
    "GraphQL multipart request spec, multipart form field structure (operations, map, files)";
inline constexpr const char* kSpecPaths =
    "GraphQL multipart request spec, map field (object paths)";
inline constexpr const char* kRfc2046 = "RFC 2046 §5.1.1";
// Accepted alternatives that several real servers share (docs/run.md, "Accepted alternatives").
inline constexpr const char* kWholeBodyFirst =
    "a server that reads the whole body before it executes may refuse the request as a whole";
inline constexpr const char* kBufferedOrder =
    "a server that reads the whole body first can take the fields in any order; the order is "
    "what lets a server stream, and the client's duty";
inline constexpr const char* kRfc7578 = "RFC 7578 §4";

}  // namespace upspec::corpus::build
