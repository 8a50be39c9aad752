#pragma once
// Where the reference's answer to a generated request rests on a choice the catalog grades
// below MUST. The reference must answer every request one way, but for some constructs the
// specification or the RFCs leave receivers a choice, and the catalog's case for that construct
// says so with its level (a part without a filename taken as a file is SHOULD, a duplicated
// Content-Disposition header MAY). A generated request built with such a construct is judged at
// that level, so that a server that chose otherwise is NON-STRICT or INFO there, as in the
// corpus, and not a new FAIL. Server failures (5xx, hangs, crashes) stay FAILs at any level.

#include <string>
#include <vector>

#include "corpus/test_case.hpp"
#include "upspec/properties/request_model.hpp"

namespace upspec::fuzz {

struct latitude {
  corpus::level level;
  std::string case_id;  // the catalog case that grades the construct
};

// The constructs of `model` (sent as `wire`) whose handling the catalog grades SHOULD or MAY;
// `outcome` is the reference's outcome for those bytes (request::reference_outcome).
std::vector<latitude> latitudes_of(const properties::request_model& model,
                                   const properties::wire_request& wire,
                                   const corpus::json& outcome);

// Lowers the case's level to the weakest latitude and says why in its rule.
void apply_latitudes(corpus::test_case& c, const std::vector<latitude>& found);

// When the reference runs the operation although an upload failed (a file that never arrived,
// a part cut short), a server that reads the whole body first may refuse the request instead:
// NON-STRICT, as the catalog's files.missing and multipart-syntax.truncated-in-file say.
void accept_whole_body_refusal(corpus::test_case& c, const corpus::json& outcome);

}  // namespace upspec::fuzz
