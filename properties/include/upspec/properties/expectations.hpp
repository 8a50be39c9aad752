#pragma once
// The outcome the reference must give, in the normalised form properties compare: error
// messages and citations are dropped (they are prose), codes and statuses stay.

#include <cstddef>
#include <string>

#include "upspec/properties/request.hpp"

namespace upspec::properties {

// Keeps only "code" in the request's error and in each failed upload's error.
json normalize(json outcome);

// Whether a normalised outcome is what was expected. An expectation without "ignored" (a
// rejection, where only the status and the code are decided) does not look at that list.
bool outcome_matches(const json& normalized, const json& expected);

// A valid request: status 200, the operations with placeholders, every upload complete.
json valid_outcome(const generated_request& g);

// The whole request rejected.
json rejection(const std::string& code, int status);

// The body could not be read past `offset` (cut there, or broken there): before the map, the
// request is rejected with `code` and 400; after it, the uploads whose parts had not ended
// fail with `code` and the others stand, as do the parts ignored so far.
json failed_at(const generated_request& g, std::size_t offset, const std::string& code);

// The parts the reference lists as ignored, given which parts' headers it has read.
json ignored_fields(const generated_request& g,
                    std::size_t read_up_to = static_cast<std::size_t>(-1));

json upload_error(const std::string& code);

}  // namespace upspec::properties
