#include "execute.hpp"

#include <limits>
#include <map>
#include <optional>

#include "resolvers.hpp"
#include "upload_scalar.hpp"
#include "upspec/execution/limits.hpp"

namespace upspec::execution {
namespace {

// Unwinds an execution that reached kMaxResolvedFields.
struct too_many_fields {};

// The field a value belongs to, for messages and error locations.
struct field_info {
  const named_type& parent;
  const field_def& def;
  const field_group& group;
};

// Values are std::optional<json>: nullopt means a field error has been recorded for this
// position, which therefore holds null and, when its type is non-null, makes its parent null
// in turn (GraphQL Oct 2021 §6.4.4). Whoever holds the position decides which.
using completed = std::optional<json>;

class execution {
 public:
  execution(const fragment_map& fragments, const variable_values& variables,
            const upload_values& uploads)
      : fragments_(fragments), variables_(variables), uploads_(uploads) {}

  json run(const root_plan& plan) {
    completed data;
    try {
      if (plan.error) {
        errors_.push_back(*plan.error);
      } else {
        data = root(plan);
      }
    } catch (const too_many_fields&) {
      errors_.emplace_back("Execution stopped: more than " + std::to_string(kMaxResolvedFields) +
                           " fields to resolve.");
      data.reset();
    }
    json result = json::object();
    if (!errors_.empty()) result["errors"] = to_json(errors_);
    result["data"] = data ? std::move(*data) : json(nullptr);
    return result;
  }

 private:
  // GraphQL Oct 2021 §6.3 ExecuteSelectionSet on the root type.
  completed root(const root_plan& plan) {
    json data = json::object();
    for (const root_field& field : plan.fields) {
      path_.emplace_back(field.group.key);
      const completed value = root_field_value(*plan.type, field);
      path_.pop_back();
      if (!hold(data, field.group.key, value, field.def->type)) return std::nullopt;
    }
    return data;
  }

  completed root_field_value(const named_type& type, const root_field& field) {
    count_field();
    if (field.def->name == "__typename") return json(type.name);
    if (const auto* error = std::get_if<graphql_error>(&field.args)) {
      graphql_error located = *error;
      located.path = path_;
      errors_.push_back(std::move(located));
      return std::nullopt;
    }
    const resolved value =
        resolve_root_field(field.def->name, std::get<argument_values>(field.args), uploads_);
    return complete(field.def->type, {type, *field.def, field.group}, value);
  }

  // Puts a field's value in its object; false when the object itself must become null.
  static bool hold(json& object, const std::string& key, const completed& value,
                   const type_ref& type) {
    if (!value && type.is_non_null()) return false;
    // Response keys are unique once collected, so the member is appended without the linear
    // key search of ordered_json's operator[], which made wide selections quadratic.
    static_cast<json::object_t::Container&>(object.get_ref<json::object_t&>())
        .emplace_back(key, value ? *value : json(nullptr));
    return true;
  }

  // GraphQL Oct 2021 §6.4.3 CompleteValue.
  completed complete(const type_ref& type, const field_info& info, const resolved& value) {
    if (const auto* failure = std::get_if<field_failure>(&value.v)) {
      field_error(failure->message, failure->code, info);
      return std::nullopt;
    }
    if (type.is_non_null()) {
      completed inner = complete(*type.of, info, value);
      if (inner && inner->is_null()) {
        field_error("Cannot return null for non-nullable field " + info.parent.name + "." +
                        info.def.name + ".",
                    std::nullopt, info);
        return std::nullopt;
      }
      return inner;
    }
    if (std::holds_alternative<std::nullptr_t>(value.v)) return json(nullptr);
    if (type.is_list()) return complete_list(*type.of, info, value);
    const named_type& named = *conformance_schema().type(type.name);
    if (named.is_leaf()) return serialize(named, info, value);
    return complete_object(named, info, value);
  }

  completed complete_list(const type_ref& item_type, const field_info& info,
                          const resolved& value) {
    const auto* items = std::get_if<resolved_list>(&value.v);
    if (!items) {
      field_error("Expected Iterable, but did not find one for field \"" + info.parent.name + "." +
                      info.def.name + "\".",
                  std::nullopt, info);
      return std::nullopt;
    }
    json out = json::array();
    for (std::size_t i = 0; i < items->size(); ++i) {
      path_.emplace_back(i);
      const completed item = complete(item_type, info, (*items)[i]);
      path_.pop_back();
      if (!item && item_type.is_non_null()) return std::nullopt;
      out.push_back(item ? *item : json(nullptr));
    }
    return out;
  }

  // GraphQL Oct 2021 §3.5 result coercion of the schema's output scalars.
  completed serialize(const named_type& scalar, const field_info& info, const resolved& value) {
    if (scalar.name == kUploadScalar) {
      const upspec::error refusal = upload_serialization_error();
      field_error(refusal.message, std::string(name(refusal.code)), info);
      return std::nullopt;
    }
    if (const auto* b = std::get_if<bool>(&value.v); b && scalar.name == "Boolean") return *b;
    if (const auto* s = std::get_if<std::string>(&value.v); s && scalar.name == "String") return *s;
    if (const auto* i = std::get_if<std::int64_t>(&value.v); i && scalar.name == "Int") {
      // GraphQL Oct 2021 §3.5.1: a file of 2 GiB or more has a size Int cannot represent.
      if (*i >= std::numeric_limits<std::int32_t>::min() &&
          *i <= std::numeric_limits<std::int32_t>::max())
        return *i;
      field_error("Int cannot represent non 32-bit signed integer value: " + std::to_string(*i),
                  std::nullopt, info);
      return std::nullopt;
    }
    field_error(scalar.name + " cannot represent the value of " + info.parent.name + "." +
                    info.def.name + ".",
                std::nullopt, info);
    return std::nullopt;
  }

  // GraphQL Oct 2021 §6.4.3 CompleteValue for an object: ExecuteSelectionSet on the merged
  // selection sets of the field group.
  completed complete_object(const named_type& type, const field_info& info, const resolved& value) {
    const auto& collected = sub_fields(type, info.group);
    if (const auto* error = std::get_if<graphql_error>(&collected)) {
      graphql_error located = *error;
      located.path = path_;
      errors_.push_back(std::move(located));
      return std::nullopt;
    }
    const auto* const* file = std::get_if<const upload_value*>(&value.v);
    json object = json::object();
    for (const field_group& group : std::get<grouped_fields>(collected)) {
      const field_def* def = type.field(group.fields.front()->name);
      if (!def) continue;
      path_.emplace_back(group.key);
      count_field();
      const resolved field_value = def->name == "__typename" ? resolved{type.name}
                                   : file                    ? resolve_file_field(def->name, **file)
                                                             : resolved{};
      const completed completed_value = complete(def->type, {type, *def, group}, field_value);
      path_.pop_back();
      if (!hold(object, group.key, completed_value, def->type)) return std::nullopt;
    }
    return object;
  }

  // graphql-js memoises collectSubfields per field group, so a list of many items collects once.
  const std::variant<grouped_fields, graphql_error>& sub_fields(const named_type& type,
                                                                const field_group& group) {
    const auto found = sub_fields_.find(&group);
    if (found != sub_fields_.end()) return found->second;
    std::vector<const graphql::SelectionSet*> sets;
    for (const graphql::Field* field : group.fields)
      if (field->selection_set) sets.push_back(&*field->selection_set);
    return sub_fields_.emplace(&group, collect_fields(type, sets, fragments_, variables_))
        .first->second;
  }

  void field_error(std::string message, std::optional<std::string> code, const field_info& info) {
    graphql_error e(std::move(message));
    for (const graphql::Field* field : info.group.fields) e.locations.push_back(field->location);
    e.path = path_;
    e.code = std::move(code);
    errors_.push_back(std::move(e));
  }

  void count_field() {
    if (++resolved_fields_ > kMaxResolvedFields) throw too_many_fields{};
  }

  const fragment_map& fragments_;
  const variable_values& variables_;
  const upload_values& uploads_;
  std::vector<graphql_error> errors_;
  response_path path_;
  std::size_t resolved_fields_ = 0;
  std::map<const field_group*, std::variant<grouped_fields, graphql_error>> sub_fields_;
};

}  // namespace

json execute_plan(const root_plan& plan, const fragment_map& fragments,
                  const variable_values& variables, const upload_values& uploads) {
  return execution(fragments, variables, uploads).run(plan);
}

}  // namespace upspec::execution
