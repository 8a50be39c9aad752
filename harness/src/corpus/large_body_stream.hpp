#pragma once
// The bytes of a large body, produced chunk by chunk from its seed so that they are never
// stored: the same sequence at generation time (for the expectation) and at send time.

#include <functional>
#include <string_view>

#include "corpus/test_case.hpp"

namespace upspec::corpus {

// Calls `sink` with consecutive pieces (at most 64 KiB each) until the body is complete or
// `sink` returns false.
void stream_large_body(const large_body& b, const std::function<bool(std::string_view)>& sink);

}  // namespace upspec::corpus
