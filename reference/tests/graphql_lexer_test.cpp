#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "upspec/graphql/block_string.hpp"
#include "upspec/graphql/lexer.hpp"

namespace {

using upspec::graphql::block_string_value;
using upspec::graphql::Lexer;
using upspec::graphql::SourceLocation;
using upspec::graphql::syntax_error;
using upspec::graphql::Token;
using upspec::graphql::tokenize;
using upspec::graphql::TokenKind;

std::vector<Token> lex(std::string_view source) {
  auto tokens = tokenize(source);
  if (!tokens) {
    ADD_FAILURE() << "unexpected error for <" << source << ">: " << tokens.error().message << " at "
                  << tokens.error().line << ":" << tokens.error().column;
    return {};
  }
  return *tokens;
}

// The single significant token of `source`.
Token lex_one(std::string_view source) {
  std::vector<Token> tokens = lex(source);
  if (tokens.size() != 2) {
    ADD_FAILURE() << "expected one token and <EOF> in <" << source << ">, got " << tokens.size();
    return {};
  }
  return tokens[0];
}

std::string string_value(std::string_view source) {
  Token token = lex_one(source);
  EXPECT_TRUE(token.kind == TokenKind::string || token.kind == TokenKind::block_string) << source;
  return token.value;
}

syntax_error lex_error(std::string_view source) {
  auto tokens = tokenize(source);
  if (tokens) {
    ADD_FAILURE() << "expected an error for <" << source << ">";
    return {};
  }
  return tokens.error();
}

std::vector<TokenKind> kinds(std::string_view source) {
  std::vector<TokenKind> result;
  for (const Token& token : lex(source)) result.push_back(token.kind);
  return result;
}

TEST(GraphqlLexer, EmptySourceIsJustEndOfFile) {
  std::vector<Token> tokens = lex("");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, TokenKind::end_of_file);
  EXPECT_EQ(tokens[0].location, (SourceLocation{1, 1}));
}

TEST(GraphqlLexer, EveryPunctuator) {
  EXPECT_EQ(kinds("! $ & ( ) ... : = @ [ ] { | }"),
            (std::vector<TokenKind>{TokenKind::bang, TokenKind::dollar, TokenKind::ampersand,
                                    TokenKind::paren_l, TokenKind::paren_r, TokenKind::spread,
                                    TokenKind::colon, TokenKind::equals, TokenKind::at,
                                    TokenKind::bracket_l, TokenKind::bracket_r, TokenKind::brace_l,
                                    TokenKind::pipe, TokenKind::brace_r, TokenKind::end_of_file}));
}

TEST(GraphqlLexer, PunctuatorsNeedNoSeparation) {
  EXPECT_EQ(
      kinds("{a(b:$c)}"),
      (std::vector<TokenKind>{TokenKind::brace_l, TokenKind::name, TokenKind::paren_l,
                              TokenKind::name, TokenKind::colon, TokenKind::dollar, TokenKind::name,
                              TokenKind::paren_r, TokenKind::brace_r, TokenKind::end_of_file}));
  EXPECT_EQ(kinds("......"),
            (std::vector<TokenKind>{TokenKind::spread, TokenKind::spread, TokenKind::end_of_file}));
}

TEST(GraphqlLexer, IncompleteSpreadIsAnError) {
  syntax_error e = lex_error("..");
  EXPECT_EQ(e.message, "Syntax Error: Unexpected character: \".\".");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(lex_error("a .b").column, 3);
}

TEST(GraphqlLexer, Names) {
  std::vector<Token> tokens = lex("_ a _foo Bar9 query on a_b_9__");
  ASSERT_EQ(tokens.size(), 8u);
  const char* expected[] = {"_", "a", "_foo", "Bar9", "query", "on", "a_b_9__"};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(tokens[i].kind, TokenKind::name);
    EXPECT_EQ(tokens[i].value, expected[i]);
  }
}

TEST(GraphqlLexer, TokenOffsetsLengthsAndLocations) {
  std::vector<Token> tokens = lex("  foo  \"ab\" 12");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].offset, 2u);
  EXPECT_EQ(tokens[0].length, 3u);
  EXPECT_EQ(tokens[0].location, (SourceLocation{1, 3}));
  EXPECT_EQ(tokens[1].offset, 7u);
  EXPECT_EQ(tokens[1].length, 4u);  // quotes included
  EXPECT_EQ(tokens[1].location, (SourceLocation{1, 8}));
  EXPECT_EQ(tokens[2].offset, 12u);
  EXPECT_EQ(tokens[2].length, 2u);
  EXPECT_EQ(tokens[3].kind, TokenKind::end_of_file);
  EXPECT_EQ(tokens[3].offset, 14u);
  EXPECT_EQ(tokens[3].location, (SourceLocation{1, 15}));
}

TEST(GraphqlLexer, IgnoredTokensAreSkipped) {
  std::vector<Token> tokens = lex(",,a,\t b ,c# comment, with {braces}\n,d");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].value, "a");
  EXPECT_EQ(tokens[1].value, "b");
  EXPECT_EQ(tokens[2].value, "c");
  EXPECT_EQ(tokens[3].value, "d");
  EXPECT_EQ(tokens[3].location, (SourceLocation{2, 2}));
}

TEST(GraphqlLexer, CommentAtEndOfSourceWithoutNewline) {
  EXPECT_EQ(kinds("a # the end"),
            (std::vector<TokenKind>{TokenKind::name, TokenKind::end_of_file}));
  EXPECT_EQ(kinds("#only a comment"), (std::vector<TokenKind>{TokenKind::end_of_file}));
}

TEST(GraphqlLexer, CommentMayHoldAnyUnicodeButMustBeValidUtf8) {
  EXPECT_EQ(kinds("# caf\xC3\xA9 \xF0\x9F\x98\x80\nx"),
            (std::vector<TokenKind>{TokenKind::name, TokenKind::end_of_file}));
  syntax_error e = lex_error("# bad \xFF byte\nx");
  EXPECT_EQ(e.message, "Syntax Error: Invalid UTF-8 sequence starting with byte 0xFF.");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 7);
}

TEST(GraphqlLexer, ByteOrderMarkIsIgnoredAnywhere) {
  std::vector<Token> tokens = lex("\xEF\xBB\xBF{ a\xEF\xBB\xBF}");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::brace_l);
  EXPECT_EQ(tokens[0].location, (SourceLocation{1, 2}));  // the BOM is one code point
  EXPECT_EQ(tokens[1].value, "a");
  EXPECT_EQ(tokens[2].kind, TokenKind::brace_r);
  EXPECT_EQ(tokens[2].location, (SourceLocation{1, 6}));
}

TEST(GraphqlLexer, LineTerminatorsLfCrAndCrlf) {
  std::vector<Token> tokens = lex("a\nb\rc\r\nd\n\re\r\r\nf");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].location, (SourceLocation{1, 1}));
  EXPECT_EQ(tokens[1].location, (SourceLocation{2, 1}));
  EXPECT_EQ(tokens[2].location, (SourceLocation{3, 1}));
  EXPECT_EQ(tokens[3].location, (SourceLocation{4, 1}));  // CRLF is one terminator
  EXPECT_EQ(tokens[4].location, (SourceLocation{6, 1}));  // LF then CR are two
  EXPECT_EQ(tokens[5].location, (SourceLocation{8, 1}));  // CR then CRLF are two
}

TEST(GraphqlLexer, ColumnsCountCodePointsNotBytes) {
  // "é" is two bytes and one column; the emoji is four bytes and one column.
  std::vector<Token> tokens = lex("\"\xC3\xA9\" x \"\xF0\x9F\x98\x80\" y\n\t\tz");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[1].location, (SourceLocation{1, 5}));
  EXPECT_EQ(tokens[3].location, (SourceLocation{1, 11}));
  EXPECT_EQ(tokens[4].location, (SourceLocation{2, 3}));  // a tab is one column
}

TEST(GraphqlLexer, IntValues) {
  for (std::string_view text : {"0", "-0", "7", "123", "-45", "9007199254740993000"}) {
    Token token = lex_one(text);
    EXPECT_EQ(token.kind, TokenKind::int_value) << text;
    EXPECT_EQ(token.value, text);
  }
}

TEST(GraphqlLexer, FloatValues) {
  for (std::string_view text :
       {"1.5", "-0.0", "0.0", "1e10", "1E10", "1e+3", "2.5e-7", "-1.25E+03", "0e0", "10.01"}) {
    Token token = lex_one(text);
    EXPECT_EQ(token.kind, TokenKind::float_value) << text;
    EXPECT_EQ(token.value, text);
  }
}

TEST(GraphqlLexer, NumbersEndAtPunctuatorsAndWhitespace) {
  std::vector<Token> tokens = lex("[1,-2.5]1)");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[1].value, "1");
  EXPECT_EQ(tokens[2].value, "-2.5");
  EXPECT_EQ(tokens[3].kind, TokenKind::bracket_r);
  EXPECT_EQ(tokens[4].value, "1");
  EXPECT_EQ(tokens[5].kind, TokenKind::paren_r);
}

struct BadNumber {
  const char* source;
  const char* message;
  int column;
};

TEST(GraphqlLexer, MalformedNumbers) {
  const BadNumber cases[] = {
      {"01", "Invalid number, unexpected digit after 0: \"1\".", 2},
      {"-01", "Invalid number, unexpected digit after 0: \"1\".", 3},
      {"00.5", "Invalid number, unexpected digit after 0: \"0\".", 2},
      {"1.", "Invalid number, expected digit but got: <EOF>.", 3},
      {"1.a", "Invalid number, expected digit but got: \"a\".", 3},
      {"1.e5", "Invalid number, expected digit but got: \"e\".", 3},
      {".5", "Unexpected character: \".\".", 1},
      {"1a", "Invalid number, expected digit but got: \"a\".", 2},
      {"0x1F", "Invalid number, expected digit but got: \"x\".", 2},
      {"1_000", "Invalid number, expected digit but got: \"_\".", 2},
      {"1.5.", "Invalid number, expected digit but got: \".\".", 4},
      {"1.5e", "Invalid number, expected digit but got: <EOF>.", 5},
      {"1e+", "Invalid number, expected digit but got: <EOF>.", 4},
      {"1e-x", "Invalid number, expected digit but got: \"x\".", 4},
      {"1.5ex", "Invalid number, expected digit but got: \"x\".", 5},
      {"-", "Invalid number, expected digit but got: <EOF>.", 2},
      {"- 1", "Invalid number, expected digit but got: \" \".", 2},
      {"-a", "Invalid number, expected digit but got: \"a\".", 2},
      {"1.\"x\"", "Invalid number, expected digit but got: '\"'.", 3},
      {"1\xC3\xA9", "Unexpected character: U+00E9.", 2},
  };
  for (const BadNumber& c : cases) {
    syntax_error e = lex_error(c.source);
    EXPECT_EQ(e.message, std::string("Syntax Error: ") + c.message) << c.source;
    EXPECT_EQ(e.line, 1) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
  }
}

TEST(GraphqlLexer, SimpleStrings) {
  EXPECT_EQ(string_value("\"\""), "");
  EXPECT_EQ(string_value("\"simple\""), "simple");
  EXPECT_EQ(string_value("\" white space \""), " white space ");
  EXPECT_EQ(string_value("\"quote '\""), "quote '");
  EXPECT_EQ(string_value("\"#not a comment, {}\""), "#not a comment, {}");
  EXPECT_EQ(string_value("\"caf\xC3\xA9 \xF0\x9F\x98\x80\""), "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(lex_one("\"\"").kind, TokenKind::string);
}

TEST(GraphqlLexer, EmptyStringFollowedByAToken) {
  std::vector<Token> tokens = lex("\"\" \"\"x");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::string);
  EXPECT_EQ(tokens[1].kind, TokenKind::string);
  EXPECT_EQ(tokens[2].value, "x");
}

TEST(GraphqlLexer, EveryCharacterEscape) {
  EXPECT_EQ(string_value(R"("\"")"), "\"");
  EXPECT_EQ(string_value(R"("\\")"), "\\");
  EXPECT_EQ(string_value(R"("\/")"), "/");
  EXPECT_EQ(string_value(R"("\b")"), "\b");
  EXPECT_EQ(string_value(R"("\f")"), "\f");
  EXPECT_EQ(string_value(R"("\n")"), "\n");
  EXPECT_EQ(string_value(R"("\r")"), "\r");
  EXPECT_EQ(string_value(R"("\t")"), "\t");
  EXPECT_EQ(string_value(R"("a\tb\\c\"d")"), "a\tb\\c\"d");
}

TEST(GraphqlLexer, FixedWidthUnicodeEscapes) {
  EXPECT_EQ(string_value(R"("\u0041")"), "A");
  EXPECT_EQ(string_value(R"("\u00e9\u00E9")"), "\xC3\xA9\xC3\xA9");
  EXPECT_EQ(string_value(R"("\u20AC")"), "\xE2\x82\xAC");
  EXPECT_EQ(string_value(R"("\u0000")"), std::string(1, '\0'));
  EXPECT_EQ(string_value(R"("\uFFFF")"), "\xEF\xBF\xBF");
  EXPECT_EQ(string_value(R"("x\u0041y")"), "xAy");
}

TEST(GraphqlLexer, SurrogatePairEscapesFormOneCodePoint) {
  EXPECT_EQ(string_value(R"("\uD83D\uDE00")"), "\xF0\x9F\x98\x80");  // U+1F600
  EXPECT_EQ(string_value(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(string_value(R"("\uD800\uDC00")"), "\xF0\x90\x80\x80");  // U+10000
  EXPECT_EQ(string_value(R"("\uDBFF\uDFFF")"), "\xF4\x8F\xBF\xBF");  // U+10FFFF
}

TEST(GraphqlLexer, VariableWidthUnicodeEscapes) {
  EXPECT_EQ(string_value(R"("\u{41}")"), "A");
  EXPECT_EQ(string_value(R"("\u{0}")"), std::string(1, '\0'));
  EXPECT_EQ(string_value(R"("\u{1F600}")"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(string_value(R"("\u{1f600}")"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(string_value(R"("\u{10FFFF}")"), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(string_value(R"("\u{000000000041}")"), "A");
}

TEST(GraphqlLexer, StringErrors) {
  struct Case {
    const char* source;
    const char* message;
    int column;
  };
  const Case cases[] = {
      {"\"abc", "Unterminated string.", 5},
      {"\"", "Unterminated string.", 2},
      {"\"abc\\", "Unterminated string.", 6},
      {"\"abc\ndef\"", "Unterminated string.", 5},
      {"\"abc\rdef\"", "Unterminated string.", 5},
      {R"("\x")", "Invalid character escape sequence: \"\\x\".", 2},
      {R"("a\'")", "Invalid character escape sequence: \"\\'\".", 3},
      {"\"\\\n\"", "Invalid character escape sequence: \"\\\" followed by U+000A.", 2},
      {R"("\u12")", "Invalid Unicode escape sequence: \"\\u12\".", 2},
      {R"("\u12G4")", "Invalid Unicode escape sequence: \"\\u12G\".", 2},
      {R"("\uXYZW")", "Invalid Unicode escape sequence: \"\\uX\".", 2},
      {R"("\uD800")", "Invalid Unicode escape sequence: \"\\uD800\".", 2},
      {R"("\uDC00")", "Invalid Unicode escape sequence: \"\\uDC00\".", 2},
      {R"("\uDE00\uD83D")", "Invalid Unicode escape sequence: \"\\uDE00\".", 2},
      {R"("ab\uD83D\u0041")", "Invalid Unicode escape sequence: \"\\uD83D\".", 4},
      {R"("\uD83Dx")", "Invalid Unicode escape sequence: \"\\uD83D\".", 2},
      {R"("\u{}")", "Invalid Unicode escape sequence: \"\\u{}\".", 2},
      {R"("\u{110000}")", "Invalid Unicode escape sequence: \"\\u{110000}\".", 2},
      {R"("\u{D800}")", "Invalid Unicode escape sequence: \"\\u{D800}\".", 2},
      {R"("\u{D83D}\u{DE00}")", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 2},
      {R"("\u{41")", "Invalid Unicode escape sequence: \"\\u{41\".", 2},
      {R"("\u{4x}")", "Invalid Unicode escape sequence: \"\\u{4x\".", 2},
      {R"("\u{FFFFFFFFFFFFFFFFFFFF}")",
       "Invalid Unicode escape sequence: \"\\u{FFFFFFFFFFFFF...\".", 2},
  };
  for (const Case& c : cases) {
    syntax_error e = lex_error(c.source);
    EXPECT_EQ(e.message, std::string("Syntax Error: ") + c.message) << c.source;
    EXPECT_EQ(e.line, 1) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
  }
}

TEST(GraphqlLexer, StringsMustBeValidUtf8) {
  const char* invalid[] = {
      "\"\xFF\"",              // never valid
      "\"\xC3\"",              // truncated
      "\"\xC0\xAF\"",          // overlong '/'
      "\"\xE0\x80\xAF\"",      // overlong
      "\"\xED\xA0\x80\"",      // encoded surrogate U+D800
      "\"\xF4\x90\x80\x80\"",  // above U+10FFFF
      "\"\x80\"",              // stray continuation byte
  };
  for (const char* source : invalid) {
    syntax_error e = lex_error(source);
    EXPECT_EQ(e.message.rfind("Syntax Error: Invalid UTF-8 sequence starting with byte 0x", 0), 0u)
        << e.message;
    EXPECT_EQ(e.column, 2);
  }
  EXPECT_EQ(lex_error("\"\xC3\"").message,
            "Syntax Error: Invalid UTF-8 sequence starting with byte 0xC3.");
}

TEST(GraphqlLexer, ControlCharactersAreAllowedInsideStrings) {
  // Oct 2021 excluded C0 controls from SourceCharacter; graphql-js 16 and graphql-spec PR #849
  // allow any scalar value but line terminators inside a quoted string, and so does upspec.
  EXPECT_EQ(string_value("\"a\tb\x01\""), "a\tb\x01");
}

TEST(GraphqlLexer, BlockStringBasics) {
  EXPECT_EQ(string_value(R"("""""")"), "");
  EXPECT_EQ(string_value(R"("""simple""")"), "simple");
  EXPECT_EQ(string_value(R"(""" white space """)"), " white space ");
  EXPECT_EQ(string_value(R"("""contains " quote""")"), "contains \" quote");
  EXPECT_EQ(string_value(R"("""two "" quotes""")"), "two \"\" quotes");
  EXPECT_EQ(lex_one(R"("""x""")").kind, TokenKind::block_string);
}

TEST(GraphqlLexer, BlockStringKeepsBackslashesRaw) {
  EXPECT_EQ(string_value(R"("""unescaped \n\r\b\t\f\u1234\\ x""")"),
            R"(unescaped \n\r\b\t\f\u1234\\ x)");
  // A backslash before """ escapes it, even after another backslash, so this never ends.
  EXPECT_EQ(lex_error(R"("""a\\""")").message, "Syntax Error: Unterminated string.");
  EXPECT_EQ(string_value("\"\"\"caf\xC3\xA9\"\"\""), "caf\xC3\xA9");
}

TEST(GraphqlLexer, BlockStringEscapedTripleQuote) {
  EXPECT_EQ(string_value(R"("""contains \""" triple""")"), R"(contains """ triple)");
  EXPECT_EQ(string_value(R"("""\"""\"""""")"), R"("""""")");
  EXPECT_EQ(string_value(R"("""a \"" b""")"), R"(a \"" b)");  // only \""" is an escape
}

TEST(GraphqlLexer, BlockStringIndentationIsRemoved) {
  const char* source =
      "\"\"\"\n"
      "    Hello,\n"
      "      World!\n"
      "\n"
      "    Yours,\n"
      "      GraphQL.\n"
      "  \"\"\"";
  EXPECT_EQ(string_value(source), "Hello,\n  World!\n\nYours,\n  GraphQL.");
}

TEST(GraphqlLexer, BlockStringFirstLineIndentIsKept) {
  EXPECT_EQ(string_value("\"\"\"  first\n    second\n      third\"\"\""),
            "  first\nsecond\n  third");
}

TEST(GraphqlLexer, BlockStringLineTerminatorsBecomeLf) {
  EXPECT_EQ(string_value("\"\"\"a\r\nb\rc\nd\"\"\""), "a\nb\nc\nd");
}

TEST(GraphqlLexer, BlockStringSpansLinesForLocations) {
  std::vector<Token> tokens = lex("\"\"\"a\r\n b\r c\n\"\"\" x");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].value, "a\nb\nc");
  EXPECT_EQ(tokens[1].location, (SourceLocation{4, 5}));
}

TEST(GraphqlLexer, UnterminatedBlockString) {
  syntax_error e = lex_error("\"\"\"abc\n  def\"\"");
  EXPECT_EQ(e.message, "Syntax Error: Unterminated string.");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 8);
  EXPECT_EQ(lex_error("\"\"\"x\xFF\"\"\"").message,
            "Syntax Error: Invalid UTF-8 sequence starting with byte 0xFF.");
}

TEST(GraphqlLexer, BlockStringValueAlgorithm) {
  // Leading and trailing blank lines go, interior blank lines stay.
  EXPECT_EQ(block_string_value("\n\n  a\n\n  b\n  \n\t\n"), "a\n\nb");
  // Whitespace-only lines do not count towards the common indent.
  EXPECT_EQ(block_string_value("\n      \n    a\n  \n      b"), "a\n\n  b");
  // Tabs and spaces are both white space, one character each.
  EXPECT_EQ(block_string_value("x\n\t\ty\n\tz"), "x\n\ty\nz");
  EXPECT_EQ(block_string_value("x\n\t\ty\n \tz"), "x\ny\nz");
  EXPECT_EQ(block_string_value(""), "");
  EXPECT_EQ(block_string_value("   "), "");
  EXPECT_EQ(block_string_value(" \n \r\n "), "");
  EXPECT_EQ(block_string_value("  lone line  "), "  lone line  ");
  EXPECT_EQ(block_string_value("a\r\n  b\r  c"), "a\nb\nc");
}

TEST(GraphqlLexer, UnexpectedCharacters) {
  struct Case {
    const char* source;
    const char* message;
    int column;
  };
  const Case cases[] = {
      {"?", "Unexpected character: \"?\".", 1},
      {"a ~", "Unexpected character: \"~\".", 3},
      {"{ 'x' }", "Unexpected single quote character ('), did you mean to use a double quote (\")?",
       3},
      {"\x07", "Unexpected character: U+0007.", 1},
      {"\xC3\xA9t\xC3\xA9", "Unexpected character: U+00E9.", 1},
      {"x \xE2\x80\x8B", "Unexpected character: U+200B.", 3},
      {"\xF0\x9F\x98\x80", "Unexpected character: U+1F600.", 1},
      {"\xFF", "Invalid UTF-8 sequence starting with byte 0xFF.", 1},
  };
  for (const Case& c : cases) {
    syntax_error e = lex_error(c.source);
    EXPECT_EQ(e.message, std::string("Syntax Error: ") + c.message) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
  }
  // A NUL byte cannot sit in the table above: the C string would end there.
  syntax_error nul = lex_error(std::string_view("a\0b", 3));
  EXPECT_EQ(nul.message, "Syntax Error: Unexpected character: U+0000.");
  EXPECT_EQ(nul.column, 2);
}

TEST(GraphqlLexer, ErrorLocationOnLaterLine) {
  syntax_error e = lex_error("{\n  a\r\n  b: \"\\q\"\n}");
  EXPECT_EQ(e.message, "Syntax Error: Invalid character escape sequence: \"\\q\".");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 7);
}

TEST(GraphqlLexer, ErrorsAreStickyAndEndOfFileRepeats) {
  Lexer failing("a ? b");
  auto first = failing.next();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->value, "a");
  auto error = failing.next();
  ASSERT_FALSE(error.ok());
  auto again = failing.next();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error(), error.error());

  Lexer done("x");
  ASSERT_TRUE(done.next().ok());
  for (int i = 0; i < 3; ++i) {
    auto token = done.next();
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(token->kind, TokenKind::end_of_file);
  }
}

TEST(GraphqlLexer, DescribeTokens) {
  using upspec::graphql::describe;
  EXPECT_EQ(describe(TokenKind::end_of_file), "<EOF>");
  EXPECT_EQ(describe(TokenKind::brace_l), "\"{\"");
  EXPECT_EQ(describe(TokenKind::spread), "\"...\"");
  EXPECT_EQ(describe(TokenKind::name), "Name");
  EXPECT_EQ(describe(lex_one("foo")), "Name \"foo\"");
  EXPECT_EQ(describe(lex_one("12")), "Int \"12\"");
  EXPECT_EQ(describe(lex_one("1.5")), "Float \"1.5\"");
  EXPECT_EQ(describe(lex_one("\"s\"")), "String \"s\"");
  EXPECT_EQ(describe(lex_one("\"\"\"b\"\"\"")), "BlockString \"b\"");
  EXPECT_EQ(describe(lex_one("@")), "\"@\"");
}

TEST(GraphqlLexer, LongInputStaysLinear) {
  // One very long line: locating each token must not rescan the line from its start.
  std::string source;
  for (int i = 0; i < 200000; ++i) source += "ab ";
  auto tokens = tokenize(source);
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 200001u);
  EXPECT_EQ((*tokens)[199999].location, (SourceLocation{1, 599998}));
}

}  // namespace
