#include "upload_scalar.hpp"

namespace upspec::execution {

graphql_error upload_literal_error(graphql::SourceLocation at) {
  return graphql_error(upspec::error(error_code::upload_literal, "Upload literal unsupported."),
                       {at});
}

upspec::error upload_value_error() {
  return {error_code::upload_value_invalid, "Upload value invalid."};
}

upspec::error upload_serialization_error() {
  return {error_code::upload_serialization, "Upload serialization unsupported."};
}

}  // namespace upspec::execution
