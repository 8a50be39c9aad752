#pragma once
// Mutations of the JSON fields (operations, map) that keep them JSON, aimed at what the
// processor and the executor decide on: object paths, Upload variables, GraphQL documents.

#include <random>
#include <string>

#include "upspec/request/json_field.hpp"

namespace upspec::fuzz {

using random_source = std::minstd_rand;

// Byte-level mutation of a string by libFuzzer's own mutator (when linked), growing it by at
// most `room` bytes.
void mutate_bytes(std::string& s, std::size_t room, random_source& rng);

// One mutation somewhere in an operations value (a request object or a batch).
void mutate_operations(request::json& operations, random_source& rng);

// One mutation of a map, with paths that lead into `operations` more often than not.
void mutate_map(request::json& map, const request::json& operations, random_source& rng);

// The object paths of every value in `operations`, as a map would name them.
std::vector<std::string> paths_into(const request::json& operations, std::size_t most = 64);

}  // namespace upspec::fuzz
