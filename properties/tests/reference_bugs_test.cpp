// Disagreements with the reference that the properties found, kept as regression tests with
// their minimal inputs once the reference was fixed.
#include <gtest/gtest.h>

#include "test_support.hpp"
#include "upspec/properties/oracle.hpp"

namespace upspec::properties {
namespace {

// RFC 9110 §5.5 (obs-fold unfolded per RFC 5322 §2.2.3): a field value holds no control
// characters but HTAB. The reference once checked a header's first line and not its
// continuation lines, so "X: a" CRLF SP %x01 was accepted with the value "a \x01".
// Found by OracleAgreement.StreamingParserAgreesWithTheWholeBufferOracle.
TEST(ReferenceBug, ControlCharacterInAFoldedHeaderLineIsRefused) {
  const std::string body = std::string("--b\r\nX: a\r\n \x01") + "\r\n\r\n\r\n--b--";
  multipart::parser p("b");
  upspec::testing::event_log log;
  const bool ok = p.feed(body, log) && p.finish(log);
  EXPECT_FALSE(ok);
  ASSERT_TRUE(p.error().has_value());
  EXPECT_EQ(p.error()->code, error_code::multipart_malformed);
  EXPECT_EQ(oracle_parse("b", body).code, error_code::multipart_malformed);
}

}  // namespace
}  // namespace upspec::properties
