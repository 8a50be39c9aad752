#include "schema.hpp"

#include <utility>

namespace upspec::execution {
namespace {

type_ref named(const char* name) {
  return type_ref::named(name);
}
type_ref non_null(type_ref t) {
  return type_ref::non_null(std::move(t));
}
type_ref list_of(type_ref t) {
  return type_ref::list_of(std::move(t));
}

named_type scalar(const char* name) {
  return {name, type_kind::scalar, {}, {}};
}

}  // namespace

const input_def* field_def::arg(std::string_view arg_name) const noexcept {
  for (const input_def& a : args)
    if (a.name == arg_name) return &a;
  return nullptr;
}

const field_def* named_type::field(std::string_view field_name) const noexcept {
  // GraphQL Oct 2021 §4.4.1: __typename is implicit on every object type.
  static const field_def kTypename{"__typename", non_null(named("String")), {}};
  if (kind != type_kind::object) return nullptr;
  if (field_name == kTypename.name) return &kTypename;
  for (const field_def& f : fields)
    if (f.name == field_name) return &f;
  return nullptr;
}

const input_def* named_type::input_field(std::string_view field_name) const noexcept {
  for (const input_def& f : input_fields)
    if (f.name == field_name) return &f;
  return nullptr;
}

std::vector<std::string> named_type::field_names() const {
  std::vector<std::string> names;
  for (const field_def& f : fields) names.push_back(f.name);
  return names;
}

std::vector<std::string> named_type::input_field_names() const {
  std::vector<std::string> names;
  for (const input_def& f : input_fields) names.push_back(f.name);
  return names;
}

// harness/schema.graphql. Only the types it references exist, as in a graphql-js schema built
// from that SDL: Float and ID are unknown types here.
schema::schema() {
  const type_ref file = named("UploadedFile");
  types_.push_back({"Query", type_kind::object, {{"ping", non_null(named("Boolean")), {}}}, {}});
  types_.push_back(
      {"Mutation",
       type_kind::object,
       {
           {"single", non_null(file), {{"file", non_null(named("Upload"))}}},
           {"optional", file, {{"file", named("Upload")}}},
           {"multiple",
            non_null(list_of(non_null(file))),
            {{"files", non_null(list_of(non_null(named("Upload"))))}}},
           {"tree", non_null(list_of(non_null(file))), {{"input", non_null(named("UploadTree"))}}},
           {"echo", named("String"), {{"value", named("String")}}},
           {"echoUpload", named("Upload"), {{"file", named("Upload")}}},
       },
       {}});
  types_.push_back({"UploadedFile",
                    type_kind::object,
                    {
                        {"filename", non_null(named("String")), {}},
                        {"mimetype", non_null(named("String")), {}},
                        {"size", non_null(named("Int")), {}},
                        {"sha256", non_null(named("String")), {}},
                    },
                    {}});
  types_.push_back({"UploadTree",
                    type_kind::input_object,
                    {},
                    {
                        {"file", named("Upload")},
                        {"files", list_of(named("Upload"))},
                        {"child", named("UploadTree")},
                    }});
  types_.push_back(scalar("Upload"));
  types_.push_back(scalar("Boolean"));
  types_.push_back(scalar("String"));
  types_.push_back(scalar("Int"));

  // GraphQL Oct 2021 §3.13: the directives every service has, as graphql-js 16 defines them.
  const std::vector<std::string_view> executable{"FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"};
  directives_.push_back({"include", {{"if", non_null(named("Boolean"))}}, executable});
  directives_.push_back({"skip", {{"if", non_null(named("Boolean"))}}, executable});
  directives_.push_back(
      {"deprecated",
       {{"reason", named("String"), true}},
       {"FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"}});
  directives_.push_back({"specifiedBy", {{"url", non_null(named("String"))}}, {"SCALAR"}});
}

const named_type* schema::type(std::string_view type_name) const noexcept {
  for (const named_type& t : types_)
    if (t.name == type_name) return &t;
  return nullptr;
}

const directive_def* schema::directive(std::string_view directive_name) const noexcept {
  for (const directive_def& d : directives_)
    if (d.name == directive_name) return &d;
  return nullptr;
}

std::vector<std::string> schema::type_names() const {
  std::vector<std::string> names;
  for (const named_type& t : types_) names.push_back(t.name);
  return names;
}

bool schema::is_input_type(const type_ref& ref) const noexcept {
  const named_type* t = type(ref);
  return t != nullptr && t->is_input();
}

const schema& conformance_schema() {
  static const schema kSchema;
  return kSchema;
}

}  // namespace upspec::execution
