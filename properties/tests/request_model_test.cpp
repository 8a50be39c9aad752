// The request model the structured fuzz target and the live fuzzer mutate: its edits land where
// they say on the encoded body, and its serialised form reads back as the same model.
#include "upspec/properties/request_model.hpp"

#include <gtest/gtest.h>

#include "check.hpp"
#include "upspec/properties/model_mutations.hpp"
#include "upspec/properties/request.hpp"

namespace upspec::properties {
namespace {

request_model two_parts() {
  request_model m;
  m.encoding.boundary = "b";
  m.parts = {{"a", {}, {}, {}, "x", {}, false}, {"c", {}, {}, {}, "y", {}, false}};
  return m;
}

TEST(RequestModel, WithoutEditsTheBodyIsTheEncodersOwn) {
  const request_model m = two_parts();
  const encoder::encoded_request plain = encoder::encode_form(m.parts, m.encoding);
  const wire_request wire = encode(m);
  EXPECT_EQ(wire.body, plain.body);
  EXPECT_EQ(wire.content_type, plain.content_type);
}

TEST(RequestModel, EditsAreAnchoredAtTheDelimitersOfTheBodyAsEditedSoFar) {
  request_model m = two_parts();
  const std::string base = encode(m).body;
  const std::size_t second = base.find("--b\r\nContent-Disposition: form-data; name=\"c\"");
  const std::size_t close = base.rfind("--b--");
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(close, std::string::npos);

  // The second delimiter no longer matches after the first edit, so the second edit's
  // delimiter 1 is the close delimiter; delimiter 5 of two wraps round to 1.
  m.edits = {{1, 0, 3, "--B"}, {5, 3, 2, ""}, {0, -10, 1, "<"}};
  std::string expected = base;
  expected.replace(second, 3, "--B");
  expected.erase(close + 3, 2);
  expected.insert(0, "<").erase(1, 1);
  EXPECT_EQ(encode(m).body, expected);
}

TEST(RequestModel, AnEditPastTheEndAppendsAndErasesNothing) {
  request_model m = two_parts();
  const std::string base = encode(m).body;
  m.edits = {{2, 100000, 9, "tail"}};
  EXPECT_EQ(encode(m).body, base + "tail");
}

// A view into a longer buffer: a reader that ran past its input would read the model's own later
// fields there, not stop.
TEST(RequestModel, ATextCutShortTakesWhatIsLeftAndNothingAfterIt) {
  request_model m = two_parts();
  m.encoding.boundary = "boundary-xyz";
  const std::string whole = serialize(m);
  ASSERT_EQ(whole[0], 12);  // the boundary's length, then the boundary
  request_model expected = deserialize({});
  expected.encoding.boundary = "bound";
  EXPECT_EQ(deserialize(std::string_view(whole).substr(0, 6)), expected);
}

TEST(RequestModel, SerialisedModelsReadBackAsTheSameModel) {
  request_model m = two_parts();
  m.parts[0].filename = "f\"1";
  m.parts[1].extra_headers = {{"X-One", "1"}, {"X-Two", ""}};
  m.encoding.transport_padding = " \t";
  m.encoding.close_delimiter = false;
  m.chunk = 7;
  m.limits.max_files = 3;
  m.content_type = "multipart/form-data; boundary=b";
  m.edits = {{1, -2, 0, "ins"}, {0, 4, 1, ""}};
  const request_model back = deserialize(serialize(m));
  EXPECT_EQ(back, m);
  EXPECT_EQ(serialize(back), serialize(m));
  EXPECT_EQ(encode(back).body, encode(m).body);
}

// The structured fuzz target keeps the model it wrote instead of reading it back from its
// bytes: that is only sound if every model the mutators and the crossover make, once made
// serialisable, reads back as itself.
UPSPEC_PROPERTY(RequestModel, MutatedModelsMadeSerialisableReadBackAsThemselves, ()) {
  request_model m = model_of(*gen_request());
  const request_model other = model_of(*gen_request());
  random_source rng(*rc::gen::arbitrary<std::uint64_t>());
  const auto rounds = *rc::gen::inRange(1, 40);
  for (int r = 0; r < rounds; ++r) {
    if (rng() % 4 == 0) {
      const request_model b = rng() % 2 ? other : m;
      m = cross_over(std::move(m), b, rng);
    } else {
      mutate(m, rng);
    }
  }
  make_serialisable(m);
  const request_model back = deserialize(serialize(m));
  RC_ASSERT(back == m);
}

TEST(RequestModel, MakingSerialisableKeepsWhatTheReaderCarries) {
  request_model m = two_parts();
  m.parts.resize(70, m.parts[0]);
  m.parts[0].extra_headers.resize(9, {"X", "y"});
  m.edits.resize(17, {0, -2'000'000'000, 1, "e"});
  m.limits.max_field_size = 0;
  m.limits.parser.max_header_count = 3;
  m.encoding.line_end = "\r";
  make_serialisable(m);
  EXPECT_EQ(m.parts.size(), 64u);
  EXPECT_EQ(m.parts[0].extra_headers.size(), 8u);
  EXPECT_EQ(m.edits.size(), 16u);
  EXPECT_EQ(m.edits[0].offset, -(1 << 30) - 1);
  EXPECT_EQ(m.limits, request::limits{});
  EXPECT_EQ(m.encoding.line_end, "\r\n");
  EXPECT_EQ(deserialize(serialize(m)), m);
}

}  // namespace
}  // namespace upspec::properties
