#pragma once
// The one model of a multipart request that every generator and mutator of upspec works on:
// the request as the encoder builds it (encoding and form parts), what the wire adds on top of
// the encoding (the request's Content-Type as sent, byte edits of the encoded body, chunking),
// and the server limits it is judged under. The properties' valid requests convert to it, the
// structure-aware libFuzzer target mutates it in place of bytes, and the live fuzzer sends it.
// Serialised to bytes for libFuzzer, and read back leniently: any bytes give some model, so an
// engine's own byte-level mutations and crossovers never produce an unusable input.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upspec/encoder/encoder.hpp"
#include "upspec/request/limits.hpp"

namespace upspec::properties {

struct generated_request;

// Bytes of the encoded body replaced: `erase` bytes give way to `insert`, `offset` bytes from
// the start of the body's `delimiter`-th "--boundary" (counted modulo their number; the body's
// start when it has none), clamped to the body. Anchored to a delimiter, an edit stays on the
// same line of the grammar while the parts around it grow or shrink.
struct body_edit {
  std::uint32_t delimiter = 0;
  std::int32_t offset = 0;
  std::uint32_t erase = 0;
  std::string insert;
  friend bool operator==(const body_edit&, const body_edit&) = default;
};

struct request_model {
  encoder::encoding encoding;
  std::vector<encoder::form_part> parts;
  request::limits limits;
  // The body in pieces of this many bytes (0: at once): chunked transfer coding on the wire,
  // chunk by chunk feeding in process.
  std::uint32_t chunk = 0;
  std::optional<std::string> content_type;  // as sent, when not the encoding's own
  std::vector<body_edit> edits;             // applied in order to the encoded body
  friend bool operator==(const request_model&, const request_model&) = default;
};

struct wire_request {
  std::string content_type;
  std::string body;
};

// The request's Content-Type and body: the encoding of the parts, then the edits.
wire_request encode(const request_model& model);

// A valid generated request as a model (its Content-Type spelling kept).
request_model model_of(const generated_request& g);

std::string serialize(const request_model& model);
request_model deserialize(std::string_view bytes);

// Brings `model` within what its serialised form carries (at most so many parts, headers and
// edits; offsets within range; line ends and limits as the reader gives them back), so that
// deserialize(serialize(model)) == model. deserialize's own models already are.
void make_serialisable(request_model& model);

}  // namespace upspec::properties
