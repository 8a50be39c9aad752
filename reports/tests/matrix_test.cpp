#include <gtest/gtest.h>

#include "sample_index.hpp"
#include "upspec/reports/render.hpp"

namespace upspec::reports {
namespace {

using testing::sample_index;

TEST(Matrix, ARowPerTargetWithItsCountsLanguageAndLink) {
  auto index = sample_index();
  index["targets"][1]["language"] = "JavaScript";
  const std::string md = render_matrix({{"sample", index}}, "reports/results/");
  EXPECT_EQ(md.rfind("| target | language | implementation | version | PASS | NON-STRICT | FAIL | "
                     "INFO | UNSUPPORTED | ERROR | run on |\n",
                     0),
            0u);
  EXPECT_NE(md.find("| [graphql-upload](reports/results/sample/summary.md) | JavaScript | "
                    "graphql-upload (express) | 17.0.0 | 9 | 1 | 1 | 1 | 0 | 0 |"),
            std::string::npos)
      << md;
  // Names and implementations come from servers' descriptions: markup is escaped.
  EXPECT_NE(md.find("&lt;evil &amp; co&gt;"), std::string::npos);
  EXPECT_EQ(std::count(md.begin(), md.end(), '\n'), 2 + 3);
}

}  // namespace
}  // namespace upspec::reports
