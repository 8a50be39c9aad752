#include "validation.hpp"
#include "validation_context.hpp"

namespace upspec::execution {

std::vector<graphql_error> validate(const graphql::Document& document, std::string_view source) {
  validation_context ctx(document, source);
  try {
    check_definition_names(ctx);
    walk_definitions(ctx);
    check_variable_usages(ctx);
    check_fragment_usage(ctx);
    check_overlapping_fields(ctx);
  } catch (const validation_aborted&) {
    // The error that says why is the last one.
  }
  return std::move(ctx.errors);
}

}  // namespace upspec::execution
