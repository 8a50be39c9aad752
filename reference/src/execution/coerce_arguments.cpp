#include "coerce_arguments.hpp"

#include "upspec/graphql/printer.hpp"
#include "value_from_ast.hpp"

namespace upspec::execution {

std::variant<argument_values, graphql_error> coerce_argument_values(
    const std::vector<input_def>& definitions, const std::vector<graphql::Argument>& arguments,
    graphql::SourceLocation node, const variable_values& variables) {
  argument_values values;
  for (const input_def& def : definitions) {
    const std::string type = to_string(def.type);
    const graphql::Argument* given = nullptr;
    for (const graphql::Argument& a : arguments)
      if (a.name == def.name && !given) given = &a;
    // The schema's arguments have no defaults: an absent argument is absent from the values.
    if (!given) {
      if (def.type.is_non_null())
        return graphql_error(
            "Argument \"" + def.name + "\" of required type \"" + type + "\" was not provided.",
            {node});
      continue;
    }
    const graphql::Value& literal = given->value;
    bool is_null = literal.as<graphql::NullValue>() != nullptr;
    if (const auto* variable = literal.as<graphql::Variable>()) {
      const auto it = variables.find(variable->name);
      if (it == variables.end()) {
        if (def.type.is_non_null())
          return graphql_error("Argument \"" + def.name + "\" of required type \"" + type +
                                   "\" was provided the variable \"$" + variable->name +
                                   "\" which was not provided a runtime value.",
                               {literal.location});
        continue;
      }
      is_null = it->second.is_null();
    }
    if (is_null && def.type.is_non_null())
      return graphql_error(
          "Argument \"" + def.name + "\" of non-null type \"" + type + "\" must not be null.",
          {literal.location});
    auto value = value_from_ast(literal, def.type, &variables);
    if (!value)
      return graphql_error(
          "Argument \"" + def.name + "\" has invalid value " + graphql::print(literal) + ".",
          {literal.location});
    values.emplace(def.name, std::move(*value));
  }
  return values;
}

}  // namespace upspec::execution
