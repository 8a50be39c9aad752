#pragma once
// The Upload scalar (GraphQL multipart request spec, "Upload scalar"; graphql-upload's
// GraphQLUpload): a value only from a variable the map filled with a file. Its three refusals
// carry upspec's codes, with graphql-upload's messages.

#include "graphql_error.hpp"
#include "upspec/graphql/source_location.hpp"

namespace upspec::execution {

inline constexpr std::string_view kUploadScalar = "Upload";

// parseLiteral: any literal but null, at the literal.
graphql_error upload_literal_error(graphql::SourceLocation at);

// parseValue: a variable value that is not at a mapped path. Its message becomes the tail of
// the variable coercion error ("Variable "$file" got invalid value "x"; Upload value invalid.").
upspec::error upload_value_error();

// serialize: a field that would return an upload.
upspec::error upload_serialization_error();

}  // namespace upspec::execution
