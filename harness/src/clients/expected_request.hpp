#pragma once
// What follows from a scenario: the operations a correct request carries, each file once with
// the paths it goes to, and its bytes and digest.

#include <string>
#include <vector>

#include "clients/scenario.hpp"
#include "upspec/encoder/encoder.hpp"

namespace upspec::clients {

struct expected_file {
  const file_spec* spec = nullptr;
  std::string bytes;
  std::string sha256;              // lowercase hex
  std::vector<std::string> paths;  // object paths into operations, in the order they appear
};

struct expected_request {
  json operations;  // as the scenario gives them, files as {"$file": id}
  json with_nulls;  // what the operations field must hold: every file replaced with null
  std::vector<expected_file> files;  // each file once, in the order operations first use it

  const expected_file* file_at(const std::string& path) const;
  const expected_file* file_with(const std::string& id) const;
};

expected_request expect(const scenario& s);

// The request a correct client could send (the map keys 0, 1, ... in file order): what reports
// show as the scenario's request.
encoder::encoded_request canonical_request(const expected_request& e);

// "200: a.txt (20 bytes) at variables.file": how reports show what the reference must decode.
std::string expected_summary(const expected_request& e);

}  // namespace upspec::clients
