#pragma once
// What the reference server answers to a case's request, computed in process without
// sockets, and the expectation that answer gives the case.

#include "corpus/test_case.hpp"
#include "serve/reply.hpp"

namespace upspec::corpus {

serve::reply reference_reply(const test_case& c);

// status, code, data and errors of the reference's answer (the alternatives are kept).
expectation expectation_from(const serve::reply& r, expectation base = {});

// The upspec code of a refused request, read from a GraphQL over HTTP error body.
std::optional<std::string> error_code_of(const json& body);
// extensions.code of one GraphQL error, or "" when it has none.
std::string code_of_error(const json& error);
// extensions.code of one GraphQL error, or "".
std::string code_of_error(const json& error);

}  // namespace upspec::corpus
