#include "type_ref.hpp"

#include <utility>

namespace upspec::execution {

type_ref type_ref::named(std::string type_name) {
  type_ref t;
  t.name = std::move(type_name);
  return t;
}

type_ref type_ref::list_of(type_ref item) {
  type_ref t;
  t.k = kind::list;
  t.of = std::make_shared<const type_ref>(std::move(item));
  return t;
}

type_ref type_ref::non_null(type_ref inner) {
  type_ref t;
  t.k = kind::non_null;
  t.of = std::make_shared<const type_ref>(std::move(inner));
  return t;
}

const std::string& type_ref::named_type() const noexcept {
  const type_ref* t = this;
  while (!t->is_named()) t = t->of.get();
  return t->name;
}

bool operator==(const type_ref& a, const type_ref& b) {
  const type_ref* x = &a;
  const type_ref* y = &b;
  while (x->k == y->k) {
    if (x->is_named()) return x->name == y->name;
    x = x->of.get();
    y = y->of.get();
  }
  return false;
}

type_ref from_ast(const graphql::TypeReference& type) {
  if (const auto* named = type.as<graphql::NamedType>()) return type_ref::named(named->name);
  if (const auto* list = type.as<graphql::ListType>())
    return type_ref::list_of(from_ast(*list->item_type));
  return type_ref::non_null(from_ast(*type.as<graphql::NonNullType>()->inner_type));
}

std::string to_string(const type_ref& type) {
  switch (type.k) {
    case type_ref::kind::named:
      return type.name;
    case type_ref::kind::list:
      return "[" + to_string(*type.of) + "]";
    case type_ref::kind::non_null:
      return to_string(*type.of) + "!";
  }
  return type.name;
}

bool is_subtype(const type_ref& variable_type, const type_ref& location_type) {
  const type_ref* v = &variable_type;
  const type_ref* l = &location_type;
  for (;;) {
    if (l->is_non_null()) {
      if (!v->is_non_null()) return false;
      v = v->of.get();
      l = l->of.get();
    } else if (v->is_non_null()) {
      v = v->of.get();
    } else if (l->is_list()) {
      if (!v->is_list()) return false;
      v = v->of.get();
      l = l->of.get();
    } else {
      return !v->is_list() && v->name == l->name;
    }
  }
}

}  // namespace upspec::execution
