#pragma once
// The error every GraphQL lexing and parsing entry point returns instead of throwing.

#include <string>
#include <utility>
#include <variant>

namespace upspec::graphql {

struct syntax_error {
  // graphql-js style, e.g. "Syntax Error: Expected Name, found <EOF>."
  std::string message;
  // Where the problem was found; same conventions as SourceLocation (1-based, code points).
  int line = 0;
  int column = 0;

  friend bool operator==(const syntax_error&, const syntax_error&) = default;
};

// A T, or the syntax_error that prevented it.
template <typename T>
class parse_result {
 public:
  parse_result(T value) : v_(std::move(value)) {}             // NOLINT: implicit by design
  parse_result(syntax_error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const syntax_error& error() const& { return std::get<1>(v_); }
  syntax_error&& error() && { return std::get<1>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, syntax_error> v_;
};

}  // namespace upspec::graphql
