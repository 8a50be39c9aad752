#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "upspec/graphql/parser.hpp"
#include "upspec/graphql/printer.hpp"

namespace printer_test {

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

std::string reprint(std::string_view source) {
  return print(parse_ok(source));
}

std::string print_value(std::string_view source) {
  auto value = parse_value(source);
  if (!value) {
    ADD_FAILURE() << source << ": " << value.error().message;
    return {};
  }
  return print(*value);
}

TEST(GraphqlPrinter, CanonicalLayout) {
  const char* source =
      "query   Upload ( $file:Upload! ,$n :Int=3@a ) @op(x:1){ me:single ( file : $file ){size "
      "sha256}, ...F @skip(if:false) ... on Mutation{ echo(value:\"hi\") } ... @include(if:true)"
      "{ optional(file:null){ size } } ... { ping } }\n"
      "fragment F on Mutation @f { echo }";
  EXPECT_EQ(reprint(source),
            "query Upload($file: Upload!, $n: Int = 3 @a) @op(x: 1) {\n"
            "  me: single(file: $file) {\n"
            "    size\n"
            "    sha256\n"
            "  }\n"
            "  ...F @skip(if: false)\n"
            "  ... on Mutation {\n"
            "    echo(value: \"hi\")\n"
            "  }\n"
            "  ... @include(if: true) {\n"
            "    optional(file: null) {\n"
            "      size\n"
            "    }\n"
            "  }\n"
            "  ... {\n"
            "    ping\n"
            "  }\n"
            "}\n"
            "\n"
            "fragment F on Mutation @f {\n"
            "  echo\n"
            "}");
}

TEST(GraphqlPrinter, ShorthandOnlyForBareAnonymousQueries) {
  EXPECT_EQ(reprint("query { a }"), "{\n  a\n}");
  EXPECT_EQ(reprint("{ a }"), "{\n  a\n}");
  EXPECT_EQ(reprint("query Q { a }"), "query Q {\n  a\n}");
  EXPECT_EQ(reprint("query @d { a }"), "query @d {\n  a\n}");
  EXPECT_EQ(reprint("query ($v: Int) { a }"), "query ($v: Int) {\n  a\n}");
  EXPECT_EQ(reprint("mutation { a }"), "mutation {\n  a\n}");
  EXPECT_EQ(reprint("subscription S { a }"), "subscription S {\n  a\n}");
}

TEST(GraphqlPrinter, Values) {
  EXPECT_EQ(print_value("null"), "null");
  EXPECT_EQ(print_value("$v"), "$v");
  EXPECT_EQ(print_value("-0"), "-0");
  EXPECT_EQ(print_value("1.50E+10"), "1.50E+10");  // numbers keep their lexeme
  EXPECT_EQ(print_value("true"), "true");
  EXPECT_EQ(print_value("false"), "false");
  EXPECT_EQ(print_value("RED"), "RED");
  EXPECT_EQ(print_value("[ ]"), "[]");
  EXPECT_EQ(print_value("{ }"), "{}");
  EXPECT_EQ(print_value("[1,2 ,[ 3 ] ]"), "[1, 2, [3]]");
  EXPECT_EQ(print_value("{b:1 a:{c:[$x]}}"), "{b: 1, a: {c: [$x]}}");
  EXPECT_EQ(print_value("\"\"\"\n  block \"quoted\"\n  \\\"\"\"\n\"\"\""),
            "\"block \\\"quoted\\\"\\n\\\"\\\"\\\"\"");
}

TEST(GraphqlPrinter, TypeReferences) {
  for (const char* source : {"Int", "Int!", "[Int]", "[Int!]!", "[[Upload!]]!"}) {
    auto type = parse_type(source);
    ASSERT_TRUE(type.ok()) << source;
    EXPECT_EQ(print(*type), source);
  }
}

TEST(GraphqlPrinter, StringEscapes) {
  EXPECT_EQ(print_string(""), "\"\"");
  EXPECT_EQ(print_string("plain text"), "\"plain text\"");
  EXPECT_EQ(print_string("\"quoted\" \\ back"), "\"\\\"quoted\\\" \\\\ back\"");
  EXPECT_EQ(print_string("/"), "\"/\"");  // no need to escape a solidus
  EXPECT_EQ(print_string("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(print_string(std::string_view("\0\x01\x1F\x7F", 4)),
            "\"\\u0000\\u0001\\u001F\\u007F\"");
  EXPECT_EQ(print_string("\xC2\x85"), "\"\\u0085\"");  // C1 control, NEL
  EXPECT_EQ(print_string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
            "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
  EXPECT_EQ(print_string("a\xFF"
                         "b\xC3"),
            "\"a\\uFFFDb\\uFFFD\"");
  EXPECT_EQ(print_string("\xED\xA0\x80"), "\"\\uFFFD\\uFFFD\\uFFFD\"");  // encoded surrogate
}

TEST(GraphqlPrinter, EveryEscapeSurvivesARoundTrip) {
  const char* source =
      R"({ f(s: "\" \\ \/ \b \f \n \r \t \u0000 \u001f \u00E9 \u20AC \uD83D\uDE00 \u{1F4A9} \u{7F} \u{85}") })";
  Document doc = parse_ok(source);
  const std::string printed = print(doc);
  Document again = parse_ok(printed);
  EXPECT_TRUE(equal_ignoring_locations(doc, again)) << printed;
  const Field* f =
      again.definitions[0].as<OperationDefinition>()->selection_set.selections[0].as<Field>();
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->arguments[0].value.as<StringValue>()->value,
            std::string("\" \\ / \b \f \n \r \t ") + std::string(1, '\0') +
                " \x1F \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF0\x9F\x92\xA9 \x7F \xC2\x85");
}

TEST(GraphqlPrinter, HandBuiltDocument) {
  Field file_size;
  file_size.name = "size";
  Field single;
  single.alias = "upload";
  single.name = "single";
  single.arguments.push_back(Argument{{}, "file", Value{{}, Variable{"file"}}});
  single.selection_set = SelectionSet{{}, {Selection{file_size}}};
  OperationDefinition op;
  op.operation = OperationType::mutation;
  op.name = "Send";
  op.variable_definitions.push_back(VariableDefinition{
      {}, "file", TypeReference{NonNullType{{}, TypeReference{NamedType{{}, "Upload"}}}}, {}, {}});
  op.selection_set.selections.push_back(Selection{single});
  Document doc;
  doc.definitions.push_back(Definition{op});

  const std::string printed = print(doc);
  EXPECT_EQ(printed,
            "mutation Send($file: Upload!) {\n"
            "  upload: single(file: $file) {\n"
            "    size\n"
            "  }\n"
            "}");
  EXPECT_TRUE(equal_ignoring_locations(doc, parse_ok(printed)));
}

// Documents that together use every construct, each in awkward layouts.
const char* const kRoundTripDocuments[] = {
    // 1. the conformance schema's single upload
    "mutation ($file: Upload!) { single(file: $file) { filename mimetype size sha256 } }",
    // 2. multiple uploads with a list default and aliases
    "mutation Many($files: [Upload!]! = []) { a: multiple(files: $files) { size } "
    "b: multiple(files: [null]) { sha256 } }",
    // 3. nested input objects
    "mutation Tree($f: Upload, $g: Upload) { tree(input: {file: $f, files: [$f, $g, null], "
    "child: {child: {file: $g}}}) { filename } }",
    // 4. fragments, spreads, inline fragments with and without type conditions
    "query Q { ...A ... on Query { ping } ... @include(if: true) { ping } ... { ping } }\n"
    "fragment A on Query { ping ...B }\nfragment B on Query @x { ping }",
    // 5. every scalar value kind
    "{ f(i: -12, fl: 3.25e-2, s: \"str\", t: true, fa: false, n: null, e: ENUM_VALUE, "
    "l: [1, [2, [3]]], o: {}) }",
    // 6. block strings with indentation, quotes and escapes
    "{ echo(value: \"\"\"\n    first\n      indented \"quote\"\n    \\\"\"\" end\n  \"\"\") }",
    // 7. unicode in strings, escaped and raw
    "{ echo(value: \"caf\xC3\xA9 \\u{1F600} \\uD83D\\uDE00 \\u00e9 \xE2\x82\xAC\") }",
    // 8. directives everywhere, with constant arguments on variables
    "query Q($a: Int = 1 @v(x: [1, {y: \"z\"}]) @w) @op @op2(a: $a) { f @d @e(x: $a) "
    "{ g @h } ...F @s ... on T @t { u } }\nfragment F on T @frag(x: 1) { v }",
    // 9. subscriptions and keywords used as names
    "subscription on { query: fragment(on: on, true: \"false\") { subscription mutation } }",
    // 10. many definitions, anonymous and named
    "{ a } query B { b } mutation C { c } subscription D { d } fragment E on F { e }",
    // 11. deep nesting of selections and values
    "{ a { b { c { d { e(x: [[[{k: [{k: [1]}]}]]]) { f } } } } } }",
    // 12. comments, commas, BOM and CRLF everywhere
    "\xEF\xBB\xBF# leading comment\r\nquery Q(,$a: [Int!],,)# c\r\n{ a(x: $a,), , b, # tail\r\n}",
    // 13. list types nested inside non-null types
    "query ($a: [[Int!]!]!, $b: [[[String]]] = [[[\"x\"]]], $c: Boolean! = false) { f(a: $a, b: "
    "$b, c: $c) }",
    // 14. numbers at the edges
    "{ f(a: 0, b: -0, c: 0.0, d: 1e0, e: 1E+308, f: -1.7976931348623157e308, "
    "g: 123456789012345678901234567890) }",
};

TEST(GraphqlPrinter, RoundTripsPreserveTheTree) {
  for (const char* source : kRoundTripDocuments) {
    Document original = parse_ok(source);
    const std::string printed = print(original);
    auto reparsed = parse_document(printed);
    ASSERT_TRUE(reparsed.ok()) << reparsed.error().message << "\n" << printed;
    EXPECT_TRUE(equal_ignoring_locations(original, *reparsed)) << source << "\n---\n" << printed;
    // Printing is canonical: a second trip changes nothing.
    EXPECT_EQ(print(*reparsed), printed) << source;
  }
}

TEST(GraphqlPrinter, RoundTripChangesTheLayoutButNotTheMeaning) {
  Document original = parse_ok("{a(x:1)b}");
  Document reparsed = parse_ok(print(original));
  EXPECT_TRUE(equal_ignoring_locations(original, reparsed));
  EXPECT_FALSE(original == reparsed);  // b moved to another line
}

TEST(GraphqlPrinter, BlockStringRoundTripKeepsItsValue) {
  Document doc = parse_ok(kRoundTripDocuments[5]);
  const auto* op = doc.definitions[0].as<OperationDefinition>();
  ASSERT_NE(op, nullptr);
  const Field* echo = op->selection_set.selections[0].as<Field>();
  ASSERT_NE(echo, nullptr);
  EXPECT_EQ(echo->arguments[0].value.as<StringValue>()->value,
            "first\n  indented \"quote\"\n\"\"\" end");
  EXPECT_NE(print(doc).find("\"first\\n  indented \\\"quote\\\"\\n\\\"\\\"\\\" end\""),
            std::string::npos);
}

}  // namespace printer_test
