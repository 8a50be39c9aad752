#pragma once
// Invalid requests, each made by one named mutation of a valid one, so that the code and the
// status the reference must answer with are known by construction. There is at least one
// mutation for every error code of design.md that the request processor decides; the three
// upload.* codes belong to the GraphQL executor and are not made here.

#include <rapidcheck.h>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "upspec/properties/request.hpp"
#include "upspec/request/limits.hpp"

namespace upspec::properties {

struct mutation_info {
  std::string_view name;  // e.g. "map.path_prototype_segment"
  std::string_view code;  // the design's error code it must produce
  int status;             // the HTTP status; 200 when only uploads fail
};

// Every mutation, in a stable order.
const std::vector<mutation_info>& mutation_catalog();

struct mutated_request {
  std::string name;
  std::string content_type;
  std::string boundary;  // the boundary the body was written with
  std::string body;
  request::limits limits;
  json expected;  // normalised (see expectations.hpp)
};

// Applies the named mutation to a valid request generated with request_shape{true}.
rc::Gen<mutated_request> gen_mutation_of(const generated_request& valid, std::string_view name);

// A mutation chosen evenly from the catalog, applied to a fresh valid request.
rc::Gen<mutated_request> gen_mutated_request();

void showValue(const mutated_request& m, std::ostream& os);

}  // namespace upspec::properties
