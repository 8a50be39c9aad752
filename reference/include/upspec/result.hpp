#pragma once
// A value or the upspec::error that prevented it (std::expected is C++23).

#include <utility>
#include <variant>

#include "upspec/errors.hpp"

namespace upspec {

template <typename T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  result(upspec::error err) : v_(std::move(err)) {}  // NOLINT: implicit by design

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const upspec::error& error() const& { return std::get<1>(v_); }
  upspec::error&& error() && { return std::get<1>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, upspec::error> v_;
};

}  // namespace upspec
