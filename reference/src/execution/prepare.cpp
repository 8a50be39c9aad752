#include "prepare.hpp"

#include "execute.hpp"
#include "request_params.hpp"
#include "select_operation.hpp"
#include "upspec/graphql/parser.hpp"
#include "validation.hpp"

namespace upspec::execution {

std::unique_ptr<prepared_operation> prepare_operation(const json& request,
                                                      std::string variables_path,
                                                      const upload_paths& paths) {
  auto prepared = std::make_unique<prepared_operation>();
  auto params = read_request_params(request);
  if (auto* error = std::get_if<graphql_error>(&params)) {
    prepared->request_errors.push_back(std::move(*error));
    return prepared;
  }
  const request_params& p = std::get<request_params>(params);

  auto parsed = graphql::parse_document(p.query);
  if (!parsed) {
    const graphql::syntax_error& e = parsed.error();
    prepared->request_errors.push_back(graphql_error(e.message, {{e.line, e.column}}));
    return prepared;
  }
  prepared->document = std::move(parsed).value();

  prepared->request_errors = validate(prepared->document, p.query);
  if (!prepared->request_errors.empty()) return prepared;

  auto selected = select_operation(prepared->document, p.operation_name);
  if (auto* error = std::get_if<graphql_error>(&selected)) {
    prepared->request_errors.push_back(std::move(*error));
    return prepared;
  }
  const graphql::OperationDefinition& operation =
      *std::get<const graphql::OperationDefinition*>(selected);

  auto variables =
      coerce_variable_values(operation, {p.variables, std::move(variables_path), &paths});
  if (auto* errors = std::get_if<std::vector<graphql_error>>(&variables)) {
    prepared->request_errors = std::move(*errors);
    return prepared;
  }
  prepared->variables = std::move(std::get<variable_values>(variables));
  prepared->fragments = index_fragments(prepared->document);
  prepared->plan = plan_operation(operation, prepared->fragments, prepared->variables);
  prepared->uploads = plan_uploads(prepared->plan);
  return prepared;
}

json complete_operation(const prepared_operation& prepared, const upload_values& uploads) {
  if (!prepared.request_errors.empty()) return json{{"errors", to_json(prepared.request_errors)}};
  return execute_plan(prepared.plan, prepared.fragments, prepared.variables, uploads);
}

}  // namespace upspec::execution
