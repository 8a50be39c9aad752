#pragma once
// The structure the structure-aware target mutates: a multipart request as the encoder builds
// it (properties' generators speak the same types), the limits, and how the body is chunked.
// Serialised to bytes for libFuzzer, and read back leniently: any bytes give some model, so
// the engine's own byte-level mutations and crossovers never produce an unusable input.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "upspec/encoder/encoder.hpp"
#include "upspec/request/limits.hpp"

namespace upspec::fuzz {

struct request_model {
  encoder::encoding encoding;
  std::vector<encoder::form_part> parts;
  request::limits limits;
  std::uint32_t chunk = 0;  // feed the body in chunks of this many bytes; 0: at once
};

std::string serialize(const request_model& model);
request_model deserialize(std::string_view bytes);

}  // namespace upspec::fuzz
