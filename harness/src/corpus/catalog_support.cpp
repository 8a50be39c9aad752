#include "corpus/catalog_support.hpp"

namespace upspec::corpus::build {

std::string single_query() {
  return std::string("mutation ($file: Upload!) { single(file: $file) ") + kFileFields + " }";
}
std::string multiple_query() {
  return std::string("mutation ($files: [Upload!]!) { multiple(files: $files) ") + kFileFields +
         " }";
}
std::string optional_query() {
  return std::string("mutation ($file: Upload) { optional(file: $file) ") + kFileFields + " }";
}
std::string tree_query() {
  return std::string("mutation ($input: UploadTree!) { tree(input: $input) ") + kFileFields + " }";
}

json single_operations() {
  return {{"query", single_query()}, {"variables", {{"file", nullptr}}}};
}

json multiple_operations(std::size_t n) {
  return {{"query", multiple_query()},
          {"variables", {{"files", json(std::vector<json>(n, nullptr))}}}};
}

upload_file text_file(std::string field, std::vector<std::string> paths, std::string content,
                      std::string filename) {
  return {std::move(field), std::move(paths), std::move(filename), "text/plain",
          std::move(content)};
}

encoder::encoded_request single_request(const encoder::encoding& enc) {
  return encoder::encode_request(
      single_operations(), {text_file("0", {"variables.file"}, "Alpha file content.\n")}, enc);
}

std::vector<encoder::form_part> single_parts(std::string content) {
  return encoder::request_parts(single_operations(),
                                {text_file("0", {"variables.file"}, std::move(content))});
}

}  // namespace upspec::corpus::build
