#include "upspec/properties/graphql_documents.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "upspec/graphql/printer.hpp"

namespace upspec::properties {
namespace {

using namespace upspec::graphql;

// Keywords are names too, except where the grammar says otherwise (checked by callers).
std::string gen_name() {
  return *rc::gen::element<std::string>("a", "file", "files", "single", "Upload", "_x1",
                                        "__typename", "query", "mutation", "fragment", "on", "true",
                                        "null", "B2b");
}

std::string gen_name_except(std::initializer_list<std::string_view> refused) {
  std::string n = gen_name();
  for (auto r : refused)
    if (n == r) n += "_";
  return n;
}

// Valid UTF-8 only: the printer turns invalid bytes into U+FFFD, which would not round trip.
std::string gen_string() {
  const auto n = *rc::gen::inRange(0, 6);
  std::string out;
  for (int i = 0; i < n; ++i)
    out += *rc::gen::element<std::string>("text", " ", "\"", "\\", "\n", "\r", "\t", "\b", "\f",
                                          std::string(1, '\x01'), "\x7f", "\xc3\xa9", "\xc2\x85",
                                          "\xe6\x97\xa5", "\xef\xbf\xbd", "\xf0\x9f\x8e\x89",
                                          "\"\"\"", "\\u0041");
  return out;
}

Value gen_value(int depth, bool constant) {
  Value v;
  const int kind = *rc::gen::weightedElement<int>({{1, 0},
                                                   {constant ? 0 : 2, 1},
                                                   {2, 2},
                                                   {1, 3},
                                                   {2, 4},
                                                   {1, 5},
                                                   {1, 6},
                                                   {depth > 0 ? 1 : 0, 7},
                                                   {depth > 0 ? 1 : 0, 8}});
  switch (kind) {
    case 0:
      v.kind = NullValue{};
      break;
    case 1:
      v.kind = Variable{gen_name()};
      break;
    case 2:
      v.kind = IntValue{
          *rc::gen::element<std::string>("0", "-0", "42", "-7", "123456789012345678901234567890")};
      break;
    case 3:
      v.kind = FloatValue{
          *rc::gen::element<std::string>("1.5", "-0.0", "1e10", "1E-3", "6.02e+23", "0.000")};
      break;
    case 4:
      v.kind = StringValue{gen_string()};
      break;
    case 5:
      v.kind = BooleanValue{*rc::gen::arbitrary<bool>()};
      break;
    case 6:
      v.kind = EnumValue{gen_name_except({"true", "false", "null"})};
      break;
    case 7: {
      ListValue list;
      const auto n = *rc::gen::inRange(0, 4);
      for (int i = 0; i < n; ++i) list.values.push_back(gen_value(depth - 1, constant));
      v.kind = std::move(list);
      break;
    }
    default: {
      ObjectValue object;
      const auto n = *rc::gen::inRange(0, 4);
      for (int i = 0; i < n; ++i)
        object.fields.push_back({{}, gen_name(), gen_value(depth - 1, constant)});
      v.kind = std::move(object);
    }
  }
  return v;
}

std::vector<Argument> gen_arguments(bool constant) {
  std::vector<Argument> out;
  const auto n = *rc::gen::weightedElement<int>({{3, 0}, {2, 1}, {1, 2}, {1, 3}});
  for (int i = 0; i < n; ++i) out.push_back({{}, gen_name(), gen_value(2, constant)});
  return out;
}

std::vector<Directive> gen_directives(bool constant) {
  std::vector<Directive> out;
  const auto n = *rc::gen::weightedElement<int>({{4, 0}, {2, 1}, {1, 2}});
  for (int i = 0; i < n; ++i) out.push_back({{}, gen_name(), gen_arguments(constant)});
  return out;
}

TypeReference gen_type(int depth, bool non_null_allowed = true) {
  const int kind = *rc::gen::weightedElement<int>(
      {{3, 0}, {depth > 0 ? 1 : 0, 1}, {non_null_allowed ? 2 : 0, 2}});
  if (kind == 0) return {NamedType{{}, gen_name()}};
  if (kind == 1) return {ListType{{}, gen_type(depth - 1)}};
  return {NonNullType{{}, gen_type(depth, false)}};
}

SelectionSet gen_selection_set(int depth);

Selection gen_selection(int depth) {
  const int kind = *rc::gen::weightedElement<int>({{5, 0}, {1, 1}, {depth > 0 ? 1 : 0, 2}});
  if (kind == 1) return {FragmentSpread{{}, gen_name_except({"on"}), gen_directives(false)}};
  if (kind == 2) {
    InlineFragment fragment;
    if (*rc::gen::arbitrary<bool>()) fragment.type_condition = NamedType{{}, gen_name()};
    fragment.directives = gen_directives(false);
    fragment.selection_set = gen_selection_set(depth - 1);
    return {std::move(fragment)};
  }
  Field field;
  if (*rc::gen::weightedElement<bool>({{1, true}, {3, false}})) field.alias = gen_name();
  field.name = gen_name();
  field.arguments = gen_arguments(false);
  field.directives = gen_directives(false);
  if (depth > 0 && *rc::gen::arbitrary<bool>()) field.selection_set = gen_selection_set(depth - 1);
  return {std::move(field)};
}

SelectionSet gen_selection_set(int depth) {
  SelectionSet set;
  const auto n = *rc::gen::inRange(1, 4);
  for (int i = 0; i < n; ++i) set.selections.push_back(gen_selection(depth));
  return set;
}

Definition gen_definition() {
  const int depth = *rc::gen::inRange(0, 4);
  if (*rc::gen::weightedElement<bool>({{1, true}, {3, false}})) {
    FragmentDefinition fragment;
    fragment.name = gen_name_except({"on"});
    fragment.type_condition = NamedType{{}, gen_name()};
    fragment.directives = gen_directives(false);
    fragment.selection_set = gen_selection_set(depth);
    return {std::move(fragment)};
  }
  OperationDefinition op;
  op.operation =
      *rc::gen::element(OperationType::query, OperationType::mutation, OperationType::subscription);
  if (*rc::gen::arbitrary<bool>()) op.name = gen_name();
  const auto vars = *rc::gen::inRange(0, 4);
  for (int i = 0; i < vars; ++i) {
    VariableDefinition v;
    v.name = gen_name();
    v.type = gen_type(2);
    if (*rc::gen::weightedElement<bool>({{1, true}, {2, false}}))
      v.default_value = gen_value(2, true);
    v.directives = gen_directives(true);
    op.variable_definitions.push_back(std::move(v));
  }
  op.directives = gen_directives(false);
  op.selection_set = gen_selection_set(depth);
  return {std::move(op)};
}

}  // namespace

rc::Gen<graphql::Document> gen_graphql_document() {
  return rc::gen::exec([] {
    graphql::Document doc;
    const auto n = *rc::gen::inRange(1, 5);
    for (int i = 0; i < n; ++i) doc.definitions.push_back(gen_definition());
    return doc;
  });
}

}  // namespace upspec::properties

namespace upspec::graphql {
void showValue(const Document& document, std::ostream& os) {
  os << print(document);
}
}  // namespace upspec::graphql
