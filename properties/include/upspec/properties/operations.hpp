#pragma once
// The operations field: one operation or a batch, with files at any depth of `variables`.
//
// The model is a tree whose "slots" are where files go. It renders twice: as sent (null at each
// slot, or nothing when object-path is meant to create it) and as the reference must give it
// back (the {"$upload": field} placeholder at each slot). Computing the expectation from the
// model keeps it independent of the object-path code under test.

#include <rapidcheck.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upspec/request/json_field.hpp"

namespace upspec::properties {

using request::json;

// An object's member. A struct rather than std::pair: pair's constraints on a type that is not
// complete yet (value_node, inside its own definition) do not compile with clang over libstdc++.
struct value_member;

struct value_node {
  enum class kind { scalar, slot, object, array };
  kind k = kind::scalar;
  json scalar;                        // kind::scalar
  std::vector<value_member> members;  // kind::object, unique keys
  std::vector<value_node> items;      // kind::array
  // An object member left out of the sent operations: object-path creates it and the
  // containers on the way to its single slot. Only ever the last member of its object, so the
  // reference appends it exactly where the expectation has it.
  bool absent = false;
};

struct value_member {
  std::string key;
  value_node value;
};

struct operation_model {
  std::string query;
  std::optional<json> operation_name;  // a string or null when present
  value_node variables;                // an object
};

struct operations_model {
  bool batch = false;
  std::vector<operation_model> operations;  // exactly one unless batch
};

using object_path = std::vector<std::string>;

std::string join_path(const object_path& segments);

// Every slot's path, in document order.
std::vector<object_path> slot_paths(const operations_model& ops);

json render_sent(const operations_model& ops);

// `field_of_slot[i]` is the file field whose placeholder goes to the i-th slot of slot_paths;
// a slot no file is mapped to stays null.
json render_expected(const operations_model& ops,
                     const std::vector<std::optional<std::string>>& field_of_slot);

// Operations with at least `min_slots` slots.
rc::Gen<operations_model> gen_operations(std::size_t min_slots);

// What operations over the conformance schema (harness/schema.graphql) may contain.
struct schema_shape {
  std::size_t min_slots = 0;
  bool batches = true;  // arrays of operations
  bool absent = true;   // slots whose member is left out, for object-path to create
};

// Operations over the conformance schema whose slots are exactly where its fields take files:
// single, optional, multiple, both in one operation, and nested UploadTree inputs; batches of
// them. Every field that returns files selects filename, mimetype, size and sha256, so that the
// answer shows what arrived of each byte.
rc::Gen<operations_model> gen_schema_operations(schema_shape shape);

// Whether object-path reads this segment as an array index (digits, no leading zero).
bool is_index_segment(const std::string& segment);

}  // namespace upspec::properties
