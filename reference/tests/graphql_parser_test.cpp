#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "upspec/graphql/parser.hpp"

namespace parser_test {

using namespace upspec::graphql;

Document parse_ok(std::string_view source) {
  auto result = parse_document(source);
  if (!result) {
    ADD_FAILURE() << "unexpected error for <" << source << ">: " << result.error().message << " at "
                  << result.error().line << ":" << result.error().column;
    return {};
  }
  return std::move(result).value();
}

syntax_error parse_error(std::string_view source, const ParseOptions& options = {}) {
  auto result = parse_document(source, options);
  if (result) {
    ADD_FAILURE() << "expected an error for <" << source << ">";
    return {};
  }
  return result.error();
}

const OperationDefinition& only_operation(const Document& doc) {
  static const OperationDefinition kEmpty;
  if (doc.definitions.size() != 1 || !doc.definitions[0].as<OperationDefinition>()) {
    ADD_FAILURE() << "expected exactly one operation";
    return kEmpty;
  }
  return *doc.definitions[0].as<OperationDefinition>();
}

const Field& field_at(const SelectionSet& set, std::size_t i) {
  static const Field kEmpty;
  if (i >= set.selections.size() || !set.selections[i].as<Field>()) {
    ADD_FAILURE() << "no field at index " << i;
    return kEmpty;
  }
  return *set.selections[i].as<Field>();
}

// The value of argument `name` of the first field of a shorthand query.
Value argument_value(std::string_view value_source) {
  Document doc = parse_ok("{ f(v: " + std::string(value_source) + ") }");
  const Field& f = field_at(only_operation(doc).selection_set, 0);
  if (f.arguments.size() != 1) {
    ADD_FAILURE() << "expected one argument";
    return {};
  }
  return f.arguments[0].value;
}

std::string nested(std::string_view open, std::string_view middle, std::string_view close,
                   int levels) {
  std::string s;
  for (int i = 0; i < levels; ++i) s += open;
  s += middle;
  for (int i = 0; i < levels; ++i) s += close;
  return s;
}

TEST(GraphqlParser, ShorthandQuery) {
  Document doc = parse_ok("{ ping }");
  EXPECT_EQ(doc.location, (SourceLocation{1, 1}));
  const OperationDefinition& op = only_operation(doc);
  EXPECT_EQ(op.operation, OperationType::query);
  EXPECT_FALSE(op.name.has_value());
  EXPECT_TRUE(op.variable_definitions.empty());
  EXPECT_TRUE(op.directives.empty());
  ASSERT_EQ(op.selection_set.selections.size(), 1u);
  const Field& ping = field_at(op.selection_set, 0);
  EXPECT_EQ(ping.name, "ping");
  EXPECT_FALSE(ping.alias.has_value());
  EXPECT_FALSE(ping.selection_set.has_value());
  EXPECT_EQ(ping.location, (SourceLocation{1, 3}));
}

TEST(GraphqlParser, OperationTypesAndNames) {
  Document doc = parse_ok(
      "query Q { a }\n"
      "mutation M { b }\n"
      "subscription S { c }\n"
      "query { d }");
  ASSERT_EQ(doc.definitions.size(), 4u);
  const OperationType types[] = {OperationType::query, OperationType::mutation,
                                 OperationType::subscription, OperationType::query};
  const char* names[] = {"Q", "M", "S", nullptr};
  for (int i = 0; i < 4; ++i) {
    const auto* op = doc.definitions[i].as<OperationDefinition>();
    ASSERT_NE(op, nullptr);
    EXPECT_EQ(op->operation, types[i]);
    if (names[i]) {
      EXPECT_EQ(op->name, names[i]);
    } else {
      EXPECT_FALSE(op->name.has_value());
    }
    EXPECT_EQ(op->location, (SourceLocation{i + 1, 1}));
    EXPECT_EQ(doc.definitions[i].location(), (SourceLocation{i + 1, 1}));
  }
}

TEST(GraphqlParser, VariableDefinitions) {
  Document doc = parse_ok(
      "mutation Upload($file: Upload!, $files: [Upload!]! = [], $n: Int = 3 @deprecated, "
      "$tree: UploadTree = {file: null, child: {files: [null]}} @a @b(x: 1)) { single(file: $file) "
      "{ size } }");
  const OperationDefinition& op = only_operation(doc);
  EXPECT_EQ(op.operation, OperationType::mutation);
  EXPECT_EQ(op.name, "Upload");
  ASSERT_EQ(op.variable_definitions.size(), 4u);

  const VariableDefinition& file = op.variable_definitions[0];
  EXPECT_EQ(file.name, "file");
  EXPECT_EQ(file.location, (SourceLocation{1, 17}));
  const auto* non_null = file.type.as<NonNullType>();
  ASSERT_NE(non_null, nullptr);
  ASSERT_NE(non_null->inner_type->as<NamedType>(), nullptr);
  EXPECT_EQ(non_null->inner_type->as<NamedType>()->name, "Upload");
  EXPECT_FALSE(file.default_value.has_value());
  EXPECT_TRUE(file.directives.empty());

  const VariableDefinition& files = op.variable_definitions[1];
  ASSERT_TRUE(files.default_value.has_value());
  ASSERT_NE(files.default_value->as<ListValue>(), nullptr);
  EXPECT_TRUE(files.default_value->as<ListValue>()->values.empty());

  const VariableDefinition& n = op.variable_definitions[2];
  ASSERT_TRUE(n.default_value.has_value());
  ASSERT_NE(n.default_value->as<IntValue>(), nullptr);
  EXPECT_EQ(n.default_value->as<IntValue>()->text, "3");
  ASSERT_EQ(n.directives.size(), 1u);
  EXPECT_EQ(n.directives[0].name, "deprecated");

  const VariableDefinition& tree = op.variable_definitions[3];
  ASSERT_TRUE(tree.default_value.has_value());
  const auto* object = tree.default_value->as<ObjectValue>();
  ASSERT_NE(object, nullptr);
  ASSERT_EQ(object->fields.size(), 2u);
  EXPECT_EQ(object->fields[0].name, "file");
  EXPECT_EQ(object->fields[1].name, "child");
  ASSERT_EQ(tree.directives.size(), 2u);
  EXPECT_EQ(tree.directives[1].arguments[0].name, "x");

  const Field& single = field_at(op.selection_set, 0);
  ASSERT_EQ(single.arguments.size(), 1u);
  ASSERT_NE(single.arguments[0].value.as<Variable>(), nullptr);
  EXPECT_EQ(single.arguments[0].value.as<Variable>()->name, "file");
}

TEST(GraphqlParser, TypeReferences) {
  struct Case {
    const char* source;
    const char* shape;
  };
  // The shape spells the nesting: N(name), L(...) list, ! non-null around what precedes it.
  auto shape = [](const TypeReference& type, auto& self) -> std::string {
    if (const auto* named = type.as<NamedType>()) return named->name;
    if (const auto* list = type.as<ListType>()) return "[" + self(*list->item_type, self) + "]";
    return self(*type.as<NonNullType>()->inner_type, self) + "!";
  };
  for (const char* source :
       {"Int", "Int!", "[Int]", "[Int!]", "[Int]!", "[Int!]!", "[[Int!]]!", "[[[Upload]!]]"}) {
    auto type = parse_type(source);
    ASSERT_TRUE(type.ok()) << source << ": " << type.error().message;
    EXPECT_EQ(shape(*type, shape), source);
  }
  auto spaced = parse_type(" [ Int ! ] ! ");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(shape(*spaced, shape), "[Int!]!");
  EXPECT_EQ(spaced->location(), (SourceLocation{1, 2}));
  EXPECT_EQ(parse_type("Int!!").error().message, "Syntax Error: Expected <EOF>, found \"!\".");
  EXPECT_EQ(parse_type("[Int").error().message, "Syntax Error: Expected \"]\", found <EOF>.");
  EXPECT_EQ(parse_type("!").error().message, "Syntax Error: Expected Name, found \"!\".");
}

TEST(GraphqlParser, FieldsWithAliasesArgumentsDirectivesAndSelections) {
  Document doc = parse_ok(
      "{\n"
      "  me: user(id: 4, kind: ADMIN) @include(if: $withUser) @skip(if: false) {\n"
      "    id\n"
      "    smallPic: profilePic(size: 64)\n"
      "  }\n"
      "}");
  const Field& me = field_at(only_operation(doc).selection_set, 0);
  EXPECT_EQ(me.alias, "me");
  EXPECT_EQ(me.name, "user");
  EXPECT_EQ(me.response_key(), "me");
  EXPECT_EQ(me.location, (SourceLocation{2, 3}));
  ASSERT_EQ(me.arguments.size(), 2u);
  EXPECT_EQ(me.arguments[0].name, "id");
  EXPECT_EQ(me.arguments[0].location, (SourceLocation{2, 12}));
  EXPECT_EQ(me.arguments[0].value.location, (SourceLocation{2, 16}));
  EXPECT_EQ(me.arguments[1].value.as<EnumValue>()->name, "ADMIN");
  ASSERT_EQ(me.directives.size(), 2u);
  EXPECT_EQ(me.directives[0].name, "include");
  EXPECT_EQ(me.directives[0].location, (SourceLocation{2, 32}));
  EXPECT_EQ(me.directives[1].arguments[0].value.as<BooleanValue>()->value, false);
  ASSERT_TRUE(me.selection_set.has_value());
  EXPECT_EQ(me.selection_set->location, (SourceLocation{2, 73}));
  ASSERT_EQ(me.selection_set->selections.size(), 2u);
  EXPECT_EQ(field_at(*me.selection_set, 0).name, "id");
  EXPECT_EQ(field_at(*me.selection_set, 0).response_key(), "id");
  const Field& pic = field_at(*me.selection_set, 1);
  EXPECT_EQ(pic.alias, "smallPic");
  EXPECT_EQ(pic.location, (SourceLocation{4, 5}));
  EXPECT_EQ(me.selection_set->selections[1].location(), (SourceLocation{4, 5}));
}

TEST(GraphqlParser, FragmentsSpreadsAndInlineFragments) {
  Document doc = parse_ok(
      "query Q {\n"
      "  ...Parts @include(if: true)\n"
      "  ... on User { id }\n"
      "  ... @skip(if: $no) { name }\n"
      "  ... { age }\n"
      "}\n"
      "fragment Parts on Query @live { ping }");
  ASSERT_EQ(doc.definitions.size(), 2u);
  const auto* op = doc.definitions[0].as<OperationDefinition>();
  ASSERT_NE(op, nullptr);
  const auto& selections = op->selection_set.selections;
  ASSERT_EQ(selections.size(), 4u);

  const auto* spread = selections[0].as<FragmentSpread>();
  ASSERT_NE(spread, nullptr);
  EXPECT_EQ(spread->name, "Parts");
  EXPECT_EQ(spread->location, (SourceLocation{2, 3}));
  ASSERT_EQ(spread->directives.size(), 1u);

  const auto* typed = selections[1].as<InlineFragment>();
  ASSERT_NE(typed, nullptr);
  ASSERT_TRUE(typed->type_condition.has_value());
  EXPECT_EQ(typed->type_condition->name, "User");
  EXPECT_EQ(typed->type_condition->location, (SourceLocation{3, 10}));
  EXPECT_TRUE(typed->directives.empty());

  const auto* directed = selections[2].as<InlineFragment>();
  ASSERT_NE(directed, nullptr);
  EXPECT_FALSE(directed->type_condition.has_value());
  ASSERT_EQ(directed->directives.size(), 1u);
  EXPECT_EQ(directed->directives[0].name, "skip");

  const auto* bare = selections[3].as<InlineFragment>();
  ASSERT_NE(bare, nullptr);
  EXPECT_FALSE(bare->type_condition.has_value());
  EXPECT_TRUE(bare->directives.empty());
  EXPECT_EQ(field_at(bare->selection_set, 0).name, "age");

  const auto* fragment = doc.definitions[1].as<FragmentDefinition>();
  ASSERT_NE(fragment, nullptr);
  EXPECT_EQ(fragment->name, "Parts");
  EXPECT_EQ(fragment->type_condition.name, "Query");
  EXPECT_EQ(fragment->location, (SourceLocation{7, 1}));
  ASSERT_EQ(fragment->directives.size(), 1u);
  EXPECT_EQ(fragment->directives[0].name, "live");
  EXPECT_EQ(field_at(fragment->selection_set, 0).name, "ping");
}

TEST(GraphqlParser, KeywordsAreOrdinaryNamesElsewhere) {
  Document doc = parse_ok(
      "query query { query: mutation(on: on, fragment: true) subscription fragment null true "
      "...fragment ... on on { type } }\n"
      "fragment fragment on on { on }");
  const auto* op = doc.definitions[0].as<OperationDefinition>();
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->name, "query");
  const Field& first = field_at(op->selection_set, 0);
  EXPECT_EQ(first.alias, "query");
  EXPECT_EQ(first.name, "mutation");
  EXPECT_EQ(first.arguments[0].value.as<EnumValue>()->name, "on");
  EXPECT_EQ(field_at(op->selection_set, 3).name, "null");
  EXPECT_EQ(op->selection_set.selections[5].as<FragmentSpread>()->name, "fragment");
  EXPECT_EQ(op->selection_set.selections[6].as<InlineFragment>()->type_condition->name, "on");
  EXPECT_EQ(doc.definitions[1].as<FragmentDefinition>()->name, "fragment");
}

TEST(GraphqlParser, ScalarValues) {
  EXPECT_EQ(argument_value("42").as<IntValue>()->text, "42");
  EXPECT_EQ(argument_value("-0").as<IntValue>()->text, "-0");
  EXPECT_EQ(argument_value("123456789012345678901234567890").as<IntValue>()->text,
            "123456789012345678901234567890");
  EXPECT_EQ(argument_value("-1.5e3").as<FloatValue>()->text, "-1.5e3");
  EXPECT_EQ(argument_value("\"a\\n\\u00e9\"").as<StringValue>()->value, "a\n\xC3\xA9");
  EXPECT_EQ(argument_value("\"\"\"\n  block\n    text\n\"\"\"").as<StringValue>()->value,
            "block\n  text");
  EXPECT_EQ(argument_value("true").as<BooleanValue>()->value, true);
  EXPECT_EQ(argument_value("false").as<BooleanValue>()->value, false);
  EXPECT_NE(argument_value("null").as<NullValue>(), nullptr);
  EXPECT_EQ(argument_value("RED").as<EnumValue>()->name, "RED");
  EXPECT_EQ(argument_value("True").as<EnumValue>()->name, "True");  // keywords are case-sensitive
  EXPECT_EQ(argument_value("$var").as<Variable>()->name, "var");
}

TEST(GraphqlParser, ListAndObjectValues) {
  Value list = argument_value("[1, \"two\", [3.0, null], {a: $b}]");
  const auto* items = list.as<ListValue>();
  ASSERT_NE(items, nullptr);
  ASSERT_EQ(items->values.size(), 4u);
  EXPECT_EQ(items->values[0].as<IntValue>()->text, "1");
  EXPECT_EQ(items->values[0].location, (SourceLocation{1, 9}));
  EXPECT_EQ(items->values[1].as<StringValue>()->value, "two");
  const auto* inner = items->values[2].as<ListValue>();
  ASSERT_NE(inner, nullptr);
  ASSERT_EQ(inner->values.size(), 2u);
  EXPECT_EQ(inner->values[0].as<FloatValue>()->text, "3.0");
  EXPECT_NE(inner->values[1].as<NullValue>(), nullptr);
  const auto* object = items->values[3].as<ObjectValue>();
  ASSERT_NE(object, nullptr);
  ASSERT_EQ(object->fields.size(), 1u);
  EXPECT_EQ(object->fields[0].name, "a");
  EXPECT_EQ(object->fields[0].location, (SourceLocation{1, 33}));
  EXPECT_EQ(object->fields[0].value.as<Variable>()->name, "b");

  EXPECT_TRUE(argument_value("[]").as<ListValue>()->values.empty());
  EXPECT_TRUE(argument_value("{}").as<ObjectValue>()->fields.empty());
}

TEST(GraphqlParser, ObjectFieldsKeepSourceOrderAndDuplicates) {
  Value v = argument_value("{z: 1, a: 2, m: {y: 3, b: 4}, a: 5}");
  const auto* object = v.as<ObjectValue>();
  ASSERT_NE(object, nullptr);
  ASSERT_EQ(object->fields.size(), 4u);
  EXPECT_EQ(object->fields[0].name, "z");
  EXPECT_EQ(object->fields[1].name, "a");
  EXPECT_EQ(object->fields[2].name, "m");
  EXPECT_EQ(object->fields[3].name, "a");
  const auto* m = object->fields[2].value.as<ObjectValue>();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->fields[0].name, "y");
  EXPECT_EQ(m->fields[1].name, "b");
}

TEST(GraphqlParser, ParseValueAcceptsVariablesAndRejectsTrailingTokens) {
  auto value = parse_value("{file: $f, files: [$a, $b]}");
  ASSERT_TRUE(value.ok()) << value.error().message;
  EXPECT_EQ(value->as<ObjectValue>()->fields[0].value.as<Variable>()->name, "f");
  EXPECT_EQ(parse_value("1 2").error().message, "Syntax Error: Expected <EOF>, found Int \"2\".");
  EXPECT_EQ(parse_value("").error().message, "Syntax Error: Unexpected <EOF>.");
}

TEST(GraphqlParser, CommasAndCommentsAreInsignificant) {
  Document with = parse_ok("{ a(x: 1, y: [1, 2,], ), b, }  # done");
  Document without = parse_ok("{a(x:1 y:[1 2])b}");
  EXPECT_TRUE(equal_ignoring_locations(with, without));
  EXPECT_FALSE(with == without);  // operator== compares locations too
  EXPECT_TRUE(with == parse_ok("{ a(x: 1, y: [1, 2,], ), b, }  # done"));
}

TEST(GraphqlParser, EqualityNoticesRealDifferences) {
  const Document base = parse_ok("query Q($a: Int = 1) { f(x: [1, {k: \"v\"}]) @d { g } }");
  for (const char* other : {
           "query R($a: Int = 1) { f(x: [1, {k: \"v\"}]) @d { g } }",
           "query Q($a: Int! = 1) { f(x: [1, {k: \"v\"}]) @d { g } }",
           "query Q($a: Int = 2) { f(x: [1, {k: \"v\"}]) @d { g } }",
           "query Q($a: Int = 1) { f(x: [1, {k: \"w\"}]) @d { g } }",
           "query Q($a: Int = 1) { f(x: [1, {j: \"v\"}]) @d { g } }",
           "query Q($a: Int = 1) { f(x: [1.0, {k: \"v\"}]) @d { g } }",
           "query Q($a: Int = 1) { f(x: [1, {k: \"v\"}]) @e { g } }",
           "query Q($a: Int = 1) { f(x: [1, {k: \"v\"}]) @d { h } }",
           "query Q($a: Int = 1) { e: f(x: [1, {k: \"v\"}]) @d { g } }",
           "mutation Q($a: Int = 1) { f(x: [1, {k: \"v\"}]) @d { g } }",
           "query Q($a: Int = 1) { f(x: [1, {k: \"v\"}]) @d { g } } { g }",
       }) {
    EXPECT_FALSE(equal_ignoring_locations(base, parse_ok(other))) << other;
  }
}

struct ErrorCase {
  const char* source;
  const char* message;
  int line;
  int column;
};

TEST(GraphqlParser, MalformedDocumentsReportWhereAndWhat) {
  const ErrorCase cases[] = {
      {"", "Unexpected <EOF>.", 1, 1},
      {"   \n  # only a comment\n", "Unexpected <EOF>.", 3, 1},
      {"{", "Expected Name, found <EOF>.", 1, 2},
      {"{}", "Expected Name, found \"}\".", 1, 2},
      {"{ a", "Expected Name, found <EOF>.", 1, 4},
      {"{ a } }", "Unexpected \"}\".", 1, 7},
      {"query Q { a } extra", "Unexpected Name \"extra\".", 1, 15},
      {"notAnOperation { a }", "Unexpected Name \"notAnOperation\".", 1, 1},
      {"query Q", "Expected \"{\", found <EOF>.", 1, 8},
      {"query 1 { a }", "Expected \"{\", found Int \"1\".", 1, 7},
      {"{ a(b) }", "Expected \":\", found \")\".", 1, 6},
      {"{ a(b: ) }", "Unexpected \")\".", 1, 8},
      {"{ a() }", "Expected Name, found \")\".", 1, 5},
      {"{ a: }", "Expected Name, found \"}\".", 1, 6},
      {"{ a(x: [1, 2) }", "Unexpected \")\".", 1, 13},
      {"{ a(x: {b 1}) }", "Expected \":\", found Int \"1\".", 1, 11},
      {"{ a(x: {1: 2}) }", "Expected Name, found Int \"1\".", 1, 9},
      {"query ()", "Expected \"$\", found \")\".", 1, 8},
      {"query ($a Int) { a }", "Expected \":\", found Name \"Int\".", 1, 11},
      {"query ($a: ) { a }", "Expected Name, found \")\".", 1, 12},
      {"query ($a: Int = $b) { a }", "Unexpected variable \"$b\" in constant value.", 1, 18},
      {"query ($a: Int = [1, {x: $b}]) { a }", "Unexpected variable \"$b\" in constant value.", 1,
       26},
      {"query ($a: Int @d(x: $b)) { a }", "Unexpected variable \"$b\" in constant value.", 1, 22},
      {"query ($a: Int = $) { a }", "Unexpected \"$\".", 1, 18},
      {"{ a(x: $) }", "Expected Name, found \")\".", 1, 9},
      {"{ ... }", "Expected \"{\", found \"}\".", 1, 7},
      {"{ ... on }", "Expected Name, found \"}\".", 1, 10},
      {"{ ... on T }", "Expected \"{\", found \"}\".", 1, 12},
      {"{ ...F @ }", "Expected Name, found \"}\".", 1, 10},
      {"fragment on on T { a }", "Unexpected Name \"on\".", 1, 10},
      {"fragment F T { a }", "Expected \"on\", found Name \"T\".", 1, 12},
      {"fragment F on T", "Expected \"{\", found <EOF>.", 1, 16},
      {"{ a(x: 1 }", "Expected Name, found \"}\".", 1, 10},
      {"{ a @include(if: true }", "Expected Name, found \"}\".", 1, 23},
      {"{\n  user {\n    id\n    name(\n  }\n}", "Expected Name, found \"}\".", 5, 3},
      {"{\r\n  a(x: \"unterminated)\r\n}", "Unterminated string.", 2, 22},
      {"{ a(x: 01) }", "Invalid number, unexpected digit after 0: \"1\".", 1, 9},
      {"{ \xC3\xA9 }", "Unexpected character: U+00E9.", 1, 3},
      {"{ a(x: \"\\u{D800}\") }", "Invalid Unicode escape sequence: \"\\u{D800}\".", 1, 9},
  };
  for (const ErrorCase& c : cases) {
    syntax_error e = parse_error(c.source);
    EXPECT_EQ(e.message, std::string("Syntax Error: ") + c.message) << c.source;
    EXPECT_EQ(e.line, c.line) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
  }
}

TEST(GraphqlParser, TypeSystemDefinitionsAreRejected) {
  const ErrorCase cases[] = {
      {"type Query { ping: Boolean! }", "Name \"type\"", 1, 1},
      {"schema { query: Query }", "Name \"schema\"", 1, 1},
      {"scalar Upload", "Name \"scalar\"", 1, 1},
      {"interface Node { id: ID! }", "Name \"interface\"", 1, 1},
      {"union U = A | B", "Name \"union\"", 1, 1},
      {"enum Color { RED }", "Name \"enum\"", 1, 1},
      {"input UploadTree { file: Upload }", "Name \"input\"", 1, 1},
      {"directive @live on QUERY", "Name \"directive\"", 1, 1},
      {"extend type Query { more: Int }", "Name \"extend\"", 1, 1},
      {"\"A description\" type Query { a: Int }", "String \"A description\"", 1, 1},
      {"\"\"\"\nDescribed.\n\"\"\"\nscalar Upload", "BlockString \"Described.\"", 1, 1},
      {"{ ping }\n\n  scalar Upload", "Name \"scalar\"", 3, 3},
  };
  for (const ErrorCase& c : cases) {
    syntax_error e = parse_error(c.source);
    EXPECT_EQ(e.message,
              std::string("Syntax Error: Type system definitions are not supported in an "
                          "executable document, found ") +
                  c.message + ".")
        << c.source;
    EXPECT_EQ(e.line, c.line) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
  }
}

TEST(GraphqlParser, SelectionSetDepthLimit) {
  // "{ a" repeated: 256 nested selection sets are fine, the 257th is refused.
  auto build = [](int levels) {
    std::string s = "{ f";
    for (int i = 1; i < levels; ++i) s += " { f";
    for (int i = 0; i < levels; ++i) s += " }";
    return s;
  };
  ASSERT_TRUE(parse_document(build(256)).ok());
  syntax_error e = parse_error(build(257));
  EXPECT_EQ(e.message, "Syntax Error: Selection sets are nested more than 256 levels deep.");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 1 + 256 * 4);  // the 257th '{'
}

TEST(GraphqlParser, ValueDepthLimit) {
  ASSERT_TRUE(parse_document("{ f(x: " + nested("[", "1", "]", 256) + ") }").ok());
  ASSERT_TRUE(parse_document("{ f(x: " + nested("{a: ", "1", "}", 256) + ") }").ok());
  ASSERT_TRUE(parse_document("{ f(x: " + nested("[{a: ", "1", "}]", 128) + ") }").ok());
  const char* message =
      "Syntax Error: List and object values are nested more than 256 levels deep.";
  syntax_error lists = parse_error("{ f(x: " + nested("[", "1", "]", 257) + ") }");
  EXPECT_EQ(lists.message, message);
  EXPECT_EQ(lists.column, 8 + 256);
  EXPECT_EQ(parse_error("{ f(x: " + nested("{a: ", "1", "}", 257) + ") }").message, message);
  EXPECT_EQ(parse_error("{ f(x: " + nested("[{a: ", "1", "}]", 129) + ") }").message, message);
  EXPECT_EQ(parse_error("query ($v: T = " + nested("[", "1", "]", 300) + ") { f }").message,
            message);
}

TEST(GraphqlParser, ListTypeDepthLimit) {
  ASSERT_TRUE(parse_document("query ($v: " + nested("[", "Int", "]!", 256) + ") { f }").ok());
  syntax_error e = parse_error("query ($v: " + nested("[", "Int", "]", 257) + ") { f }");
  EXPECT_EQ(e.message, "Syntax Error: List types are nested more than 256 levels deep.");
  EXPECT_EQ(e.column, 12 + 256);
}

TEST(GraphqlParser, DepthLimitsCountSeparately) {
  // 200 selection sets holding a 200-deep value and a 200-deep list type are all within limits.
  std::string source = "query ($v: " + nested("[", "Int", "]", 200) + ") ";
  std::string inner = "f(x: " + nested("[", "1", "]", 200) + ")";
  source += nested("{ f ", "", "}", 199);
  source.insert(source.size() - 199, "{ " + inner + " }");
  ASSERT_TRUE(parse_document(source).ok()) << parse_error(source).message;
}

TEST(GraphqlParser, DepthLimitIsConfigurable) {
  ParseOptions strict;
  strict.max_depth = 2;
  EXPECT_TRUE(parse_document("{ a { b } }", strict).ok());
  EXPECT_EQ(parse_error("{ a { b { c } } }", strict).message,
            "Syntax Error: Selection sets are nested more than 2 levels deep.");
  EXPECT_TRUE(parse_value("[[1]]", strict).ok());
  EXPECT_FALSE(parse_value("[[[1]]]", strict).ok());
  EXPECT_TRUE(parse_type("[[Int]]", strict).ok());
  EXPECT_FALSE(parse_type("[[[Int]]]", strict).ok());
}

TEST(GraphqlParser, HostileNestingFailsCleanly) {
  // Far past any stack: the guard must stop the descent long before it matters.
  const int levels = 1000000;
  EXPECT_FALSE(parse_document(std::string(levels, '{')).ok());
  EXPECT_FALSE(parse_document("{ f(x: " + std::string(levels, '[')).ok());
  EXPECT_FALSE(parse_document("{ f(x: " + nested("{a:", "", "", levels)).ok());
  EXPECT_FALSE(parse_document("query ($v: " + std::string(levels, '[')).ok());
  EXPECT_FALSE(parse_document(nested("{ f ", "", "", levels)).ok());
}

TEST(GraphqlParser, ErrorsNeverThrowOnTruncatedInput) {
  // Every prefix of a document that uses every construct either parses or fails cleanly.
  const std::string source =
      "query Q($a: [Int!]! = [1, 2.5e3] @d(x: {k: \"s\\u00e9\\u{1F600}\"})) @op {\n"
      "  alias: f(x: $a, y: \"\"\"block\n   text\"\"\", z: ENUM, w: null, v: true) {\n"
      "    ...Frag @skip(if: false)\n"
      "    ... on T { g }\n"
      "  }\n"
      "}\n"
      "fragment Frag on T { h }\n";
  ASSERT_TRUE(parse_document(source).ok());
  for (std::size_t n = 0; n < source.size(); ++n) {
    auto result = parse_document(std::string_view(source).substr(0, n));
    if (!result) {
      EXPECT_GE(result.error().line, 1);
    }
  }
}

}  // namespace parser_test
