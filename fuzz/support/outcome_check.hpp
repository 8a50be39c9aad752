#pragma once
// Cheap checks that what the reference produced is well-formed: the outcome `upspec reference`
// prints, a processor after finish(), and a GraphQL result. Each aborts on a violation.

#include "upspec/request/json_field.hpp"
#include "upspec/request/processor.hpp"

namespace upspec::fuzz {

using request::json;

// {"status", "error", "operations", "uploads", "ignored"} as design.md describes it; every
// error code is one of the taxonomy's and its status the one the taxonomy gives.
void check_outcome(const json& outcome);

// After finish(): either the request was refused, or every upload has settled.
void check_settled(const request::processor& p, const request::limits& limits);

// {"data", "errors"}, or an array of them for a batch; every extensions.code is a known one.
void check_graphql_result(const json& result, bool batch_allowed = true);

// Equal values of equal types throughout (1, 1u and 1.0 differ, member order counts): what
// comparing the two dump()s would say, without writing either out.
bool same_json(const json& a, const json& b);

// The taxonomy's code by name, or abort.
upspec::error_code known_code(const std::string& code);

}  // namespace upspec::fuzz
