#include "upspec/properties/mutations.hpp"

#include <stdexcept>

#include "mutators.hpp"

namespace upspec::properties {
namespace {

using mutator = mutated_request (*)(const generated_request&);

struct entry {
  mutation_info info;
  mutator apply;
};

const std::vector<entry>& entries() {
  using namespace mutators;
  static const std::vector<entry> all{
      {{"content_type.not_multipart", "request.content_type", 415}, content_type_not_multipart},
      {{"content_type.no_boundary", "request.content_type", 400}, content_type_no_boundary},
      {{"multipart.no_delimiter", "multipart.malformed", 400}, no_delimiter},
      {{"multipart.bare_lf_in_headers", "multipart.malformed", 400}, bare_lf_in_headers},
      {{"multipart.bad_header_line", "multipart.malformed", 400}, bad_header_line},
      {{"multipart.padding_over_limit", "multipart.malformed", 400}, padding_over_limit},
      {{"multipart.malformed_after_map", "multipart.malformed", 200}, malformed_after_map},
      {{"multipart.truncated_before_map", "multipart.truncated", 400}, truncated_before_map},
      {{"multipart.truncated_after_map", "multipart.truncated", 200}, truncated_after_map},
      {{"operations.dropped", "operations.missing", 400}, operations_dropped},
      {{"operations.not_json", "operations.invalid_json", 400}, operations_not_json},
      {{"operations.not_a_container", "operations.invalid_type", 400}, operations_not_a_container},
      {{"map.dropped", "map.missing", 400}, map_dropped},
      {{"map.before_operations", "map.misordered", 400}, map_before_operations},
      {{"map.not_json", "map.invalid_json", 400}, map_not_json},
      {{"map.not_an_object", "map.invalid_type", 400}, map_not_an_object},
      {{"map.entry_not_an_array", "map.entry_invalid_type", 400}, map_entry_not_an_array},
      {{"map.path_not_a_string", "map.path_invalid_type", 400}, map_path_not_a_string},
      {{"map.path_through_a_value", "map.path_invalid", 400}, map_path_through_a_value},
      {{"map.path_prototype_segment", "map.path_invalid", 400}, map_path_prototype_segment},
      {{"map.path_not_an_index", "map.path_invalid", 400}, map_path_not_an_index},
      {{"file.before_map", "file.misordered", 400}, file_before_map},
      {{"file.dropped", "file.missing", 200}, file_dropped},
      {{"file.renamed", "file.missing", 200}, file_renamed},
      {{"limit.field_size", "limit.field_size", 413}, limit_field_size},
      {{"limit.file_size", "limit.file_size", 200}, limit_file_size},
      {{"limit.files", "limit.files", 413}, limit_files},
  };
  return all;
}

}  // namespace

const std::vector<mutation_info>& mutation_catalog() {
  static const std::vector<mutation_info> infos = [] {
    std::vector<mutation_info> out;
    for (const auto& e : entries()) out.push_back(e.info);
    return out;
  }();
  return infos;
}

rc::Gen<mutated_request> gen_mutation_of(const generated_request& valid, std::string_view name) {
  for (const auto& e : entries())
    if (e.info.name == name)
      return rc::gen::exec([valid, e] {
        mutated_request m = e.apply(valid);
        m.name = std::string(e.info.name);
        return m;
      });
  throw std::invalid_argument("no mutation named " + std::string(name));
}

rc::Gen<mutated_request> gen_mutated_request() {
  return rc::gen::exec([] {
    const auto& info = *rc::gen::elementOf(mutation_catalog());
    const generated_request valid = *gen_request({true});
    return *gen_mutation_of(valid, info.name);
  });
}

}  // namespace upspec::properties
