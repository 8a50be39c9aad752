#include "root_plan.hpp"

namespace upspec::execution {

root_plan plan_operation(const graphql::OperationDefinition& operation,
                         const fragment_map& fragments, const variable_values& variables) {
  root_plan plan;
  const schema& s = conformance_schema();
  // The schema has no subscription root type; graphql-js 16 answers this with data: null.
  if (operation.operation == graphql::OperationType::subscription) {
    plan.error = graphql_error("Schema is not configured to execute subscription operation.",
                               {operation.location});
    return plan;
  }
  plan.type =
      operation.operation == graphql::OperationType::query ? &s.query_type() : &s.mutation_type();
  auto collected = collect_fields(*plan.type, {&operation.selection_set}, fragments, variables);
  if (auto* error = std::get_if<graphql_error>(&collected)) {
    plan.error = std::move(*error);
    return plan;
  }
  for (field_group& group : std::get<grouped_fields>(collected)) {
    const graphql::Field& first = *group.fields.front();
    const field_def* def = plan.type->field(first.name);
    if (!def) continue;  // graphql-js leaves out a field its type lacks; validation refused it
    auto args = coerce_argument_values(def->args, first.arguments, first.location, variables);
    plan.fields.push_back({std::move(group), def, std::move(args)});
  }
  return plan;
}

std::set<std::string> plan_uploads(const root_plan& plan) {
  std::set<std::string> uploads;
  for (const root_field& field : plan.fields)
    if (const auto* args = std::get_if<argument_values>(&field.args))
      for (const auto& entry : *args) collect_uploads(entry.second, uploads);
  return uploads;
}

}  // namespace upspec::execution
