#include "coerce_variables.hpp"

#include <optional>
#include <string_view>
#include <unordered_map>

#include "inspect.hpp"
#include "scalars.hpp"
#include "schema.hpp"
#include "suggestions.hpp"
#include "upload_scalar.hpp"
#include "upspec/execution/limits.hpp"
#include "value_from_ast.hpp"

namespace upspec::execution {
namespace {

// Restores a path string to its length at construction: one descent step of the coercion.
class path_step {
 public:
  path_step(std::string& path, std::string_view segment) : path_(path), size_(path.size()) {
    path_ += segment;
  }
  path_step(const path_step&) = delete;
  path_step& operator=(const path_step&) = delete;
  ~path_step() { path_.resize(size_); }

 private:
  std::string& path_;
  std::size_t size_;
};

class variable_coercer {
 public:
  variable_coercer(const variables_source& source, std::vector<graphql_error>& errors)
      : schema_(conformance_schema()), source_(source), errors_(errors) {
    // ordered_json finds keys by linear search: index them once for many variables.
    if (source_.values && source_.values->is_object())
      for (auto it = source_.values->begin(); it != source_.values->end(); ++it)
        provided_.emplace(it.key(), &*it);
  }

  bool aborted() const noexcept { return aborted_; }

  void variable(const graphql::VariableDefinition& definition, variable_values& out) {
    definition_ = &definition;
    const std::string& name = definition.name;
    const type_ref type = from_ast(definition.type);
    if (!schema_.is_input_type(type)) {  // validation reports it first
      report(graphql_error("Variable \"$" + name + "\" expected value of type \"" +
                               to_string(type) + "\" which cannot be used as an input type.",
                           {definition.type.location()}));
      return;
    }
    const auto found = provided_.find(name);
    const json* provided = found == provided_.end() ? nullptr : found->second;
    if (!provided) {
      if (definition.default_value) {
        if (auto value = value_from_ast(*definition.default_value, type, nullptr))
          out[name] = std::move(*value);
      } else if (type.is_non_null()) {
        report(graphql_error("Variable \"$" + name + "\" of required type \"" + to_string(type) +
                                 "\" was not provided.",
                             {definition.location}));
      }
      return;
    }
    if (provided->is_null() && type.is_non_null()) {
      report(graphql_error("Variable \"$" + name + "\" of non-null type \"" + to_string(type) +
                               "\" must not be null.",
                           {definition.location}));
      return;
    }
    object_path_ = source_.path + "." + name;
    message_path_.clear();
    out[name] = coerce(*provided, type, 0);
  }

 private:
  // GraphQL Oct 2021 §3.11, §3.10, §3.5 input coercion, as graphql-js coerceInputValue().
  input_value coerce(const json& value, const type_ref& type, std::size_t depth) {
    if (aborted_) return {};
    if (depth > kMaxInputDepth) {
      invalid(value, "Value nested more than " + std::to_string(kMaxInputDepth) + " levels deep.");
      return {};
    }
    if (type.is_non_null()) {
      if (!value.is_null()) return coerce(value, *type.of, depth);
      invalid(value, "Expected non-nullable type \"" + to_string(type) + "\" not to be null.");
      return {};
    }
    if (value.is_null()) return {};
    if (type.is_list()) return coerce_list(value, *type.of, depth);
    const named_type& named = *schema_.type(type.name);
    if (named.kind == type_kind::input_object) return coerce_object(value, named, depth);
    return coerce_leaf(value, named);
  }

  // GraphQL Oct 2021 §3.11: a value that is not a list is a list of one.
  input_value coerce_list(const json& value, const type_ref& item_type, std::size_t depth) {
    input_list list;
    if (!value.is_array()) {
      list.push_back(coerce(value, item_type, depth + 1));
      return {std::move(list)};
    }
    for (std::size_t i = 0; i < value.size() && !aborted_; ++i) {
      const std::string index = std::to_string(i);
      path_step object_step(object_path_, "." + index);
      path_step message_step(message_path_, "[" + index + "]");
      list.push_back(coerce(value[i], item_type, depth + 1));
    }
    return {std::move(list)};
  }

  // GraphQL Oct 2021 §3.10 input object coercion. An array counts as an object whose keys are
  // its indices, as for graphql-js (a JavaScript array is object-like).
  input_value coerce_object(const json& value, const named_type& type, std::size_t depth) {
    if (!value.is_object() && !value.is_array()) {
      invalid(value, "Expected type \"" + type.name + "\" to be an object.");
      return {};
    }
    input_object_value object;
    for (const input_def& field : type.input_fields) {
      const json* field_value = nullptr;
      if (value.is_object()) {
        const auto it = value.find(field.name);
        if (it != value.end()) field_value = &*it;
      }
      if (!field_value) {
        if (field.type.is_non_null())
          invalid(value, "Field \"" + field.name + "\" of required type \"" +
                             to_string(field.type) + "\" was not provided.");
        continue;
      }
      path_step object_step(object_path_, "." + field.name);
      path_step message_step(message_path_, "." + field.name);
      object.emplace_back(field.name, coerce(*field_value, field.type, depth + 1));
    }
    const auto unknown = [&](const std::string& key) {
      if (type.input_field(key)) return;
      invalid(value, "Field \"" + key + "\" is not defined by type \"" + type.name + "\"." +
                         did_you_mean(suggestion_list(key, type.input_field_names())));
    };
    if (value.is_object()) {
      for (auto it = value.begin(); it != value.end() && !aborted_; ++it) unknown(it.key());
    } else {
      for (std::size_t i = 0; i < value.size() && !aborted_; ++i) unknown(std::to_string(i));
    }
    return {std::move(object)};
  }

  input_value coerce_leaf(const json& value, const named_type& type) {
    if (type.name == kUploadScalar) {
      // The multipart request spec: an upload is what the map put here, and nothing else.
      if (source_.uploads) {
        const auto it = source_.uploads->find(object_path_);
        if (it != source_.uploads->end()) return {upload_ref{mapped_field(value, it->second)}};
      }
      const upspec::error refusal = upload_value_error();
      invalid(value, refusal.message, std::string(name(refusal.code)));
      return {};
    }
    auto parsed = parse_scalar_value(type.name, value);
    if (auto* message = std::get_if<std::string>(&parsed)) {
      invalid(value, std::move(*message));
      return {};
    }
    return std::get<input_value>(std::move(parsed));
  }

  // A path the map names twice holds the placeholder of the last entry (as graphql-upload,
  // whose later entries overwrite earlier ones), whichever field the server recorded for it.
  static std::string mapped_field(const json& value, const std::string& recorded) {
    if (value.is_object() && value.size() == 1) {
      const auto it = value.find("$upload");
      if (it != value.end() && it->is_string()) return it->get<std::string>();
    }
    return recorded;
  }

  void invalid(const json& value, std::string message, std::optional<std::string> code = {}) {
    std::string text =
        "Variable \"$" + definition_->name + "\" got invalid value " + inspect(value);
    if (!message_path_.empty()) text += " at \"" + definition_->name + message_path_ + "\"";
    graphql_error e(text + "; " + message, {definition_->location});
    e.code = std::move(code);
    report(std::move(e));
  }

  // graphql-js getVariableValues(): past maxErrors, one last error and coercion stops.
  void report(graphql_error e) {
    if (aborted_) return;
    if (errors_.size() >= kMaxVariableErrors) {
      errors_.emplace_back(
          "Too many errors processing variables, error limit reached. Execution aborted.");
      aborted_ = true;
      return;
    }
    errors_.push_back(std::move(e));
  }

  const schema& schema_;
  const variables_source& source_;
  std::vector<graphql_error>& errors_;
  const graphql::VariableDefinition* definition_ = nullptr;
  std::string object_path_;   // of the value being coerced, as the map writes paths
  std::string message_path_;  // the same, relative to the variable, as graphql-js prints it
  bool aborted_ = false;
  std::unordered_map<std::string_view, const json*> provided_;
};

}  // namespace

std::variant<variable_values, std::vector<graphql_error>> coerce_variable_values(
    const graphql::OperationDefinition& operation, const variables_source& source) {
  std::vector<graphql_error> errors;
  variable_values values;
  variable_coercer coercer(source, errors);
  for (const graphql::VariableDefinition& definition : operation.variable_definitions) {
    coercer.variable(definition, values);
    if (coercer.aborted()) break;
  }
  if (!errors.empty()) return errors;
  return values;
}

}  // namespace upspec::execution
