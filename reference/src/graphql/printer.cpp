#include "upspec/graphql/printer.hpp"

#include <utility>

#include "utf8.hpp"

namespace upspec::graphql {
namespace {

template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

class Printer {
 public:
  std::string take() { return std::move(out_); }

  void document(const Document& doc) {
    bool first = true;
    for (const Definition& definition : doc.definitions) {
      if (!first) out_ += "\n\n";
      first = false;
      std::visit([this](const auto& node) { this->definition(node); }, definition.kind);
    }
  }

  void definition(const OperationDefinition& op) {
    // The shorthand form is only available to an anonymous query with nothing else attached.
    const bool shorthand = op.operation == OperationType::query && !op.name &&
                           op.variable_definitions.empty() && op.directives.empty();
    if (!shorthand) {
      out_ += to_string(op.operation);
      if (op.name) out_ += ' ' + *op.name;
      if (!op.variable_definitions.empty()) {
        out_ += op.name ? "(" : " (";
        bool first = true;
        for (const VariableDefinition& variable : op.variable_definitions) {
          if (!first) out_ += ", ";
          first = false;
          variable_definition(variable);
        }
        out_ += ')';
      }
      directives(op.directives);
      out_ += ' ';
    }
    selection_set(op.selection_set);
  }

  void definition(const FragmentDefinition& fragment) {
    out_ += "fragment " + fragment.name + " on " + fragment.type_condition.name;
    directives(fragment.directives);
    out_ += ' ';
    selection_set(fragment.selection_set);
  }

  void variable_definition(const VariableDefinition& variable) {
    out_ += '$' + variable.name + ": ";
    type(variable.type);
    if (variable.default_value) {
      out_ += " = ";
      value(*variable.default_value);
    }
    directives(variable.directives);
  }

  void type(const TypeReference& reference) {
    std::visit(Overloaded{
                   [this](const NamedType& named) { out_ += named.name; },
                   [this](const ListType& list) {
                     out_ += '[';
                     type(*list.item_type);
                     out_ += ']';
                   },
                   [this](const NonNullType& non_null) {
                     type(*non_null.inner_type);
                     out_ += '!';
                   },
               },
               reference.kind);
  }

  void selection_set(const SelectionSet& set) {
    out_ += '{';
    ++indent_;
    for (const Selection& selection : set.selections) {
      newline();
      std::visit([this](const auto& node) { this->selection(node); }, selection.kind);
    }
    --indent_;
    newline();
    out_ += '}';
  }

  void selection(const Field& field) {
    if (field.alias) out_ += *field.alias + ": ";
    out_ += field.name;
    arguments(field.arguments);
    directives(field.directives);
    if (field.selection_set) {
      out_ += ' ';
      selection_set(*field.selection_set);
    }
  }

  void selection(const FragmentSpread& spread) {
    out_ += "..." + spread.name;
    directives(spread.directives);
  }

  void selection(const InlineFragment& fragment) {
    out_ += "...";
    if (fragment.type_condition) out_ += " on " + fragment.type_condition->name;
    directives(fragment.directives);
    out_ += ' ';
    selection_set(fragment.selection_set);
  }

  void arguments(const std::vector<Argument>& args) {
    if (args.empty()) return;
    out_ += '(';
    bool first = true;
    for (const Argument& arg : args) {
      if (!first) out_ += ", ";
      first = false;
      out_ += arg.name + ": ";
      value(arg.value);
    }
    out_ += ')';
  }

  void directives(const std::vector<Directive>& list) {
    for (const Directive& directive : list) {
      out_ += " @" + directive.name;
      arguments(directive.arguments);
    }
  }

  void value(const Value& v) {
    std::visit(
        Overloaded{
            [this](const NullValue&) { out_ += "null"; },
            [this](const Variable& variable) { out_ += '$' + variable.name; },
            [this](const IntValue& number) { out_ += number.text; },
            [this](const FloatValue& number) { out_ += number.text; },
            [this](const StringValue& string) { out_ += print_string(string.value); },
            [this](const BooleanValue& boolean) { out_ += boolean.value ? "true" : "false"; },
            [this](const EnumValue& enumeration) { out_ += enumeration.name; },
            [this](const ListValue& list) {
              out_ += '[';
              bool first = true;
              for (const Value& item : list.values) {
                if (!first) out_ += ", ";
                first = false;
                value(item);
              }
              out_ += ']';
            },
            [this](const ObjectValue& object) {
              out_ += '{';
              bool first = true;
              for (const ObjectField& field : object.fields) {
                if (!first) out_ += ", ";
                first = false;
                out_ += field.name + ": ";
                value(field.value);
              }
              out_ += '}';
            },
        },
        v.kind);
  }

 private:
  void newline() {
    out_ += '\n';
    out_.append(2 * indent_, ' ');
  }

  std::string out_;
  std::size_t indent_ = 0;
};

void append_unicode_escape(std::string& out, char32_t code_unit) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_unit >> shift) & 0xF];
}

}  // namespace

// GraphQL Oct 2021 §2.9.4: quoted strings; control characters are escaped so that the literal
// stays on one line and survives any transport.
std::string print_string(std::string_view value) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < value.size()) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      const detail::DecodedCodePoint decoded = detail::decode_utf8(value, i);
      if (decoded.length == 0) {
        append_unicode_escape(out, 0xFFFD);
        ++i;
      } else if (decoded.value <= 0x9F) {
        append_unicode_escape(out, decoded.value);  // C1 controls
        i += decoded.length;
      } else {
        out.append(value.substr(i, decoded.length));
        i += decoded.length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          append_unicode_escape(out, c);
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
  return out;
}

std::string print(const Document& document) {
  Printer printer;
  printer.document(document);
  return printer.take();
}

std::string print(const Value& value) {
  Printer printer;
  printer.value(value);
  return printer.take();
}

std::string print(const TypeReference& type) {
  Printer printer;
  printer.type(type);
  return printer.take();
}

}  // namespace upspec::graphql
