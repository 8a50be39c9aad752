#pragma once
// The mutators behind mutations.hpp, one function per named mutation. Each runs inside
// rc::gen::exec, so it may draw what it needs with operator*.

#include <string>

#include "upspec/properties/expectations.hpp"
#include "upspec/properties/mutations.hpp"

namespace upspec::properties::mutators {

// The request as it is, ready to be changed.
mutated_request start(const generated_request& g);
// The body of `g` encoded anew after its parts or encoding were changed.
std::string body_of(const generated_request& g);
std::string boundary_parameter(const generated_request& g);  // quoted when it must be

// Content-Type and multipart syntax (mutators_wire.cpp).
mutated_request content_type_not_multipart(const generated_request& g);
mutated_request content_type_no_boundary(const generated_request& g);
mutated_request no_delimiter(const generated_request& g);
mutated_request bare_lf_in_headers(const generated_request& g);
mutated_request bad_header_line(const generated_request& g);
mutated_request padding_over_limit(const generated_request& g);
mutated_request truncated_before_map(const generated_request& g);
mutated_request truncated_after_map(const generated_request& g);
mutated_request malformed_after_map(const generated_request& g);

// The operations and map fields (mutators_fields.cpp).
mutated_request operations_dropped(const generated_request& g);
mutated_request operations_not_json(const generated_request& g);
mutated_request operations_not_a_container(const generated_request& g);
mutated_request map_dropped(const generated_request& g);
mutated_request map_before_operations(const generated_request& g);
mutated_request map_not_json(const generated_request& g);
mutated_request map_not_an_object(const generated_request& g);
mutated_request map_entry_not_an_array(const generated_request& g);
mutated_request map_path_not_a_string(const generated_request& g);
mutated_request map_path_through_a_value(const generated_request& g);
mutated_request map_path_prototype_segment(const generated_request& g);
mutated_request map_path_not_an_index(const generated_request& g);

// File parts and limits (mutators_files.cpp).
mutated_request file_before_map(const generated_request& g);
mutated_request file_dropped(const generated_request& g);
mutated_request file_renamed(const generated_request& g);
mutated_request limit_field_size(const generated_request& g);
mutated_request limit_file_size(const generated_request& g);
mutated_request limit_files(const generated_request& g);

}  // namespace upspec::properties::mutators
