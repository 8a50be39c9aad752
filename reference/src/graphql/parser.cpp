#include "upspec/graphql/parser.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "upspec/graphql/lexer.hpp"

namespace upspec::graphql {
namespace {

// Unwinds a whole parse to the public entry points, the only places that catch it.
struct ParseFailure {
  syntax_error error;
};

// GraphQL Oct 2021 §3: the keywords that can only start a type system definition or extension.
constexpr std::array<std::string_view, 9> kTypeSystemKeywords = {
    "schema", "scalar", "type", "interface", "union", "enum", "input", "directive", "extend"};

bool is_type_system_keyword(std::string_view name) {
  for (std::string_view keyword : kTypeSystemKeywords) {
    if (name == keyword) return true;
  }
  return false;
}

// Keeps a nesting counter balanced however the rule that entered a level leaves it.
class DepthGuard {
 public:
  explicit DepthGuard(std::size_t& depth) : depth_(depth) { ++depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
  ~DepthGuard() { --depth_; }

 private:
  std::size_t& depth_;
};

class Parser {
 public:
  Parser(std::string_view source, const ParseOptions& options) : lexer_(source), options_(options) {
    advance();
  }

  // GraphQL Oct 2021 §2.2: ExecutableDocument : ExecutableDefinition+
  Document document() {
    Document doc;
    do {
      doc.definitions.push_back(definition());
    } while (token_.kind != TokenKind::end_of_file);
    return doc;
  }

  // GraphQL Oct 2021 §2.9: Value[~Const], for parse_value().
  Value standalone_value() {
    Value v = value(false);
    expect(TokenKind::end_of_file);
    return v;
  }

  TypeReference standalone_type() {
    TypeReference t = type_reference();
    expect(TokenKind::end_of_file);
    return t;
  }

 private:
  [[noreturn]] static void fail(SourceLocation where, std::string message) {
    throw ParseFailure{
        syntax_error{"Syntax Error: " + std::move(message), where.line, where.column}};
  }

  [[noreturn]] void unexpected() { fail(token_.location, "Unexpected " + describe(token_) + "."); }

  void advance() {
    parse_result<Token> next = lexer_.next();
    if (!next) throw ParseFailure{std::move(next).error()};
    token_ = std::move(*next);
  }

  bool peek(TokenKind kind) const { return token_.kind == kind; }
  bool peek_keyword(std::string_view keyword) const {
    return token_.kind == TokenKind::name && token_.value == keyword;
  }

  void expect(TokenKind kind) {
    if (token_.kind != kind) {
      fail(token_.location,
           "Expected " + std::string(describe(kind)) + ", found " + describe(token_) + ".");
    }
    advance();
  }

  bool skip(TokenKind kind) {
    if (token_.kind != kind) return false;
    advance();
    return true;
  }

  void expect_keyword(std::string_view keyword) {
    if (!peek_keyword(keyword)) {
      fail(token_.location,
           "Expected \"" + std::string(keyword) + "\", found " + describe(token_) + ".");
    }
    advance();
  }

  DepthGuard nest(std::size_t& depth, std::string_view what) {
    if (depth >= options_.max_depth) {
      fail(token_.location, std::string(what) + " nested more than " +
                                std::to_string(options_.max_depth) + " levels deep.");
    }
    return DepthGuard(depth);
  }

  // GraphQL Oct 2021 §2.1.9: Name
  std::string name() {
    if (!peek(TokenKind::name)) expect(TokenKind::name);  // which reports the mismatch
    std::string text = std::move(token_.value);
    advance();
    return text;
  }

  // GraphQL Oct 2021 §2.2, §3: ExecutableDefinition, and a clear refusal of the rest.
  Definition definition() {
    if (peek(TokenKind::brace_l)) return {operation_definition()};
    if (peek(TokenKind::name)) {
      if (token_.value == "query" || token_.value == "mutation" || token_.value == "subscription") {
        return {operation_definition()};
      }
      if (token_.value == "fragment") return {fragment_definition()};
      if (is_type_system_keyword(token_.value)) reject_type_system();
    }
    // A string here could only be the description of a type system definition (§3.2).
    if (peek(TokenKind::string) || peek(TokenKind::block_string)) reject_type_system();
    unexpected();
  }

  [[noreturn]] void reject_type_system() {
    fail(token_.location,
         "Type system definitions are not supported in an executable document, found " +
             describe(token_) + ".");
  }

  // GraphQL Oct 2021 §2.3: OperationDefinition
  OperationDefinition operation_definition() {
    OperationDefinition op;
    op.location = token_.location;
    if (peek(TokenKind::brace_l)) {
      op.selection_set = selection_set();
      return op;
    }
    op.operation = operation_type();
    if (peek(TokenKind::name)) op.name = name();
    if (peek(TokenKind::paren_l)) op.variable_definitions = variable_definitions();
    op.directives = directives(false);
    op.selection_set = selection_set();
    return op;
  }

  OperationType operation_type() {
    if (peek_keyword("query")) {
      advance();
      return OperationType::query;
    }
    if (peek_keyword("mutation")) {
      advance();
      return OperationType::mutation;
    }
    if (peek_keyword("subscription")) {
      advance();
      return OperationType::subscription;
    }
    unexpected();
  }

  // GraphQL Oct 2021 §2.10: VariableDefinitions : ( VariableDefinition+ )
  std::vector<VariableDefinition> variable_definitions() {
    std::vector<VariableDefinition> definitions;
    expect(TokenKind::paren_l);
    do {
      definitions.push_back(variable_definition());
    } while (!skip(TokenKind::paren_r));
    return definitions;
  }

  // GraphQL Oct 2021 §2.10: Variable : Type DefaultValue? Directives[Const]?
  VariableDefinition variable_definition() {
    VariableDefinition definition;
    definition.location = token_.location;
    definition.name = variable();
    expect(TokenKind::colon);
    definition.type = type_reference();
    if (skip(TokenKind::equals)) definition.default_value = value(true);
    definition.directives = directives(true);
    return definition;
  }

  // GraphQL Oct 2021 §2.10: Variable : $ Name
  std::string variable() {
    expect(TokenKind::dollar);
    return name();
  }

  // GraphQL Oct 2021 §2.11: Type : NamedType | ListType | NonNullType
  TypeReference type_reference() {
    const SourceLocation start = token_.location;
    TypeReference type;
    if (peek(TokenKind::bracket_l)) {
      DepthGuard guard = nest(list_type_depth_, "List types are");
      advance();
      TypeReference item = type_reference();
      expect(TokenKind::bracket_r);
      type.kind = ListType{start, std::move(item)};
    } else {
      type.kind = named_type();
    }
    if (skip(TokenKind::bang)) type.kind = NonNullType{start, std::move(type)};
    return type;
  }

  NamedType named_type() {
    NamedType type;
    type.location = token_.location;
    type.name = name();
    return type;
  }

  // GraphQL Oct 2021 §2.4: SelectionSet : { Selection+ }
  SelectionSet selection_set() {
    SelectionSet set;
    set.location = token_.location;
    if (!peek(TokenKind::brace_l)) expect(TokenKind::brace_l);
    DepthGuard guard = nest(selection_depth_, "Selection sets are");
    advance();
    do {
      set.selections.push_back(selection());
    } while (!skip(TokenKind::brace_r));
    return set;
  }

  Selection selection() {
    if (peek(TokenKind::spread)) return fragment();
    return {field()};
  }

  // GraphQL Oct 2021 §2.5: Field : Alias? Name Arguments? Directives? SelectionSet?
  Field field() {
    Field f;
    f.location = token_.location;
    f.name = name();
    if (skip(TokenKind::colon)) {
      f.alias = std::move(f.name);
      f.name = name();
    }
    if (peek(TokenKind::paren_l)) f.arguments = arguments(false);
    f.directives = directives(false);
    if (peek(TokenKind::brace_l)) f.selection_set = selection_set();
    return f;
  }

  // GraphQL Oct 2021 §2.6: Arguments[Const] : ( Argument[?Const]+ )
  std::vector<Argument> arguments(bool is_const) {
    std::vector<Argument> args;
    expect(TokenKind::paren_l);
    do {
      Argument arg;
      arg.location = token_.location;
      arg.name = name();
      expect(TokenKind::colon);
      arg.value = value(is_const);
      args.push_back(std::move(arg));
    } while (!skip(TokenKind::paren_r));
    return args;
  }

  // GraphQL Oct 2021 §2.8: FragmentSpread or InlineFragment, told apart by the token after
  // '...': a Name other than `on` is a spread.
  Selection fragment() {
    const SourceLocation start = token_.location;
    expect(TokenKind::spread);
    if (peek(TokenKind::name) && token_.value != "on") {
      FragmentSpread spread;
      spread.location = start;
      spread.name = name();
      spread.directives = directives(false);
      return {std::move(spread)};
    }
    InlineFragment inline_fragment;
    inline_fragment.location = start;
    if (skip_keyword("on")) inline_fragment.type_condition = named_type();
    inline_fragment.directives = directives(false);
    inline_fragment.selection_set = selection_set();
    return {std::move(inline_fragment)};
  }

  bool skip_keyword(std::string_view keyword) {
    if (!peek_keyword(keyword)) return false;
    advance();
    return true;
  }

  // GraphQL Oct 2021 §2.8: fragment FragmentName TypeCondition Directives? SelectionSet
  FragmentDefinition fragment_definition() {
    FragmentDefinition fragment;
    fragment.location = token_.location;
    expect_keyword("fragment");
    // FragmentName : Name but not `on`
    if (peek_keyword("on")) unexpected();
    fragment.name = name();
    expect_keyword("on");
    fragment.type_condition = named_type();
    fragment.directives = directives(false);
    fragment.selection_set = selection_set();
    return fragment;
  }

  // GraphQL Oct 2021 §2.12: Directives[Const] : Directive[?Const]+
  std::vector<Directive> directives(bool is_const) {
    std::vector<Directive> list;
    while (peek(TokenKind::at)) {
      Directive directive;
      directive.location = token_.location;
      advance();
      directive.name = name();
      if (peek(TokenKind::paren_l)) directive.arguments = arguments(is_const);
      list.push_back(std::move(directive));
    }
    return list;
  }

  // GraphQL Oct 2021 §2.9: Value[Const]; a constant value may not contain variables.
  Value value(bool is_const) {
    Value v;
    v.location = token_.location;
    switch (token_.kind) {
      case TokenKind::bracket_l:
        v.kind = list_value(is_const);
        return v;
      case TokenKind::brace_l:
        v.kind = object_value(is_const);
        return v;
      case TokenKind::int_value:
        v.kind = IntValue{std::move(token_.value)};
        break;
      case TokenKind::float_value:
        v.kind = FloatValue{std::move(token_.value)};
        break;
      case TokenKind::string:
      case TokenKind::block_string:
        v.kind = StringValue{std::move(token_.value)};
        break;
      case TokenKind::name:
        // GraphQL Oct 2021 §2.9.3, §2.9.5, §2.9.6: true, false and null are not enum values.
        if (token_.value == "true" || token_.value == "false") {
          v.kind = BooleanValue{token_.value == "true"};
        } else if (token_.value == "null") {
          v.kind = NullValue{};
        } else {
          v.kind = EnumValue{std::move(token_.value)};
        }
        break;
      case TokenKind::dollar:
        if (is_const) {
          advance();
          if (peek(TokenKind::name)) {
            fail(v.location, "Unexpected variable \"$" + token_.value + "\" in constant value.");
          }
          fail(v.location, "Unexpected \"$\".");
        }
        v.kind = Variable{variable()};
        return v;
      default:
        unexpected();
    }
    advance();
    return v;
  }

  // GraphQL Oct 2021 §2.9.7: ListValue : [ ] | [ Value+ ]
  ListValue list_value(bool is_const) {
    DepthGuard guard = nest(value_depth_, "List and object values are");
    ListValue list;
    advance();
    while (!skip(TokenKind::bracket_r)) list.values.push_back(value(is_const));
    return list;
  }

  // GraphQL Oct 2021 §2.9.8: ObjectValue : { } | { ObjectField+ }
  ObjectValue object_value(bool is_const) {
    DepthGuard guard = nest(value_depth_, "List and object values are");
    ObjectValue object;
    advance();
    while (!skip(TokenKind::brace_r)) {
      ObjectField field;
      field.location = token_.location;
      field.name = name();
      expect(TokenKind::colon);
      field.value = value(is_const);
      object.fields.push_back(std::move(field));
    }
    return object;
  }

  Lexer lexer_;
  ParseOptions options_;
  Token token_;
  std::size_t selection_depth_ = 0;
  std::size_t value_depth_ = 0;
  std::size_t list_type_depth_ = 0;
};

template <typename T, typename Rule>
parse_result<T> run(std::string_view source, const ParseOptions& options, Rule rule) {
  try {
    Parser parser(source, options);
    return rule(parser);
  } catch (ParseFailure& failure) {
    return std::move(failure.error);
  }
}

}  // namespace

parse_result<Document> parse_document(std::string_view source, const ParseOptions& options) {
  return run<Document>(source, options, [](Parser& p) { return p.document(); });
}

parse_result<Value> parse_value(std::string_view source, const ParseOptions& options) {
  return run<Value>(source, options, [](Parser& p) { return p.standalone_value(); });
}

parse_result<TypeReference> parse_type(std::string_view source, const ParseOptions& options) {
  return run<TypeReference>(source, options, [](Parser& p) { return p.standalone_type(); });
}

}  // namespace upspec::graphql
