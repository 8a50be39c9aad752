// Agreement with the oracle: the streaming parser and the whole-buffer oracle report the same
// events and the same verdict on every generated body, valid or not.
#include "check.hpp"
#include "support.hpp"
#include "upspec/properties/noise.hpp"
#include "upspec/properties/oracle.hpp"

namespace upspec::properties {
namespace {

std::string verdict(bool ok, std::optional<error_code> code) {
  return ok ? "ok" : code ? std::string(name(*code)) : "failed without a code";
}

UPSPEC_PROPERTY(OracleAgreement, StreamingParserAgreesWithTheWholeBufferOracle, ()) {
  const parser_case c = *gen_parser_case();
  const split_plan plan = *gen_split_plan(c.body, c.boundary);
  RC_TAG(c.origin.substr(0, c.origin.find(' ')));

  const auto streamed = testing::run_parser(c.boundary, c.body, plan, c.limits);
  const std::optional<error_code> streamed_code =
      streamed.error ? std::optional<error_code>(streamed.error->code) : std::nullopt;
  const oracle_result oracle = oracle_parse(c.boundary, c.body, c.limits);
  RC_LOG() << "parser: " << verdict(streamed.ok, streamed_code)
           << ", oracle: " << verdict(oracle.ok, oracle.code)
           << "\nfirst difference (parser vs oracle): "
           << testing::first_difference(streamed.events, oracle.events) << "\n";
  RC_ASSERT(streamed.ok == oracle.ok);
  RC_ASSERT(streamed_code == oracle.code);
  RC_ASSERT(streamed.events == oracle.events);
}

}  // namespace
}  // namespace upspec::properties
