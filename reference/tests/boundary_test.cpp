#include "upspec/multipart/boundary.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace upspec::multipart {
namespace {

std::string boundary_of(std::string_view ct) {
  auto r = boundary_from_content_type(ct);
  if (r) return r.value();
  std::ostringstream out;  // (GCC 12 warns falsely on chained string + here)
  out << '<' << name(r.error().code) << ' ' << r.error().status << '>';
  return out.str();
}

TEST(Boundary, TokenAndQuotedForms) {
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(boundary_of("multipart/form-data;boundary=abc"), "abc");
  EXPECT_EQ(boundary_of("multipart/form-data; charset=utf-8; boundary=xyz"), "xyz");
}

TEST(Boundary, MediaTypeAndParameterNamesAreCaseInsensitive) {
  EXPECT_EQ(boundary_of("Multipart/Form-Data; BOUNDARY=AbC"), "AbC");  // the value keeps its case
  EXPECT_EQ(boundary_of("MULTIPART/FORM-DATA; Boundary=\"x\""), "x");
}

TEST(Boundary, LengthIsOneToSeventy) {
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=" + std::string(70, 'a')),
            std::string(70, 'a'));
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=" + std::string(71, 'a')),
            "<request.content_type 400>");
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=\"\""), "<request.content_type 400>");
}

TEST(Boundary, CharactersAreBchars) {
  EXPECT_TRUE(is_valid_boundary("'()+_,-./:=? x"));
  EXPECT_FALSE(is_valid_boundary("ends with space "));
  EXPECT_FALSE(is_valid_boundary("semi;colon"));
  EXPECT_FALSE(is_valid_boundary("quote\"d"));
  EXPECT_FALSE(is_valid_boundary(std::string("nul\0", 4)));
  EXPECT_FALSE(is_valid_boundary("cr\rlf"));
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=\"a@b\""), "<request.content_type 400>");
}

TEST(Boundary, MissingBoundaryIs400AndOtherMediaTypesAre415) {
  EXPECT_EQ(boundary_of("multipart/form-data"), "<request.content_type 400>");
  EXPECT_EQ(boundary_of("multipart/form-data; charset=utf-8"), "<request.content_type 400>");
  EXPECT_EQ(boundary_of("multipart/mixed; boundary=abc"), "<request.content_type 415>");
  EXPECT_EQ(boundary_of("application/json"), "<request.content_type 415>");
  EXPECT_EQ(boundary_of(""), "<request.content_type 415>");
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=\"unterminated"),
            "<request.content_type 400>");
}

TEST(Boundary, FirstOfDuplicateParametersWins) {
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=first; boundary=second"), "first");
}

}  // namespace
}  // namespace upspec::multipart
