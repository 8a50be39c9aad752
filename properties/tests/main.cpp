// Sets how many cases each property runs unless RC_PARAMS already says (max_success=...):
// UPSPEC_PROPERTY_CASES, 1000 in Release builds and fewer under the sanitizers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#define UPSPEC_STR2(x) #x
#define UPSPEC_STR(x) UPSPEC_STR2(x)

int main(int argc, char** argv) {
  const char* given = std::getenv("RC_PARAMS");
  std::string params = given != nullptr ? given : "";
  if (params.find("max_success") == std::string::npos) {
    if (!params.empty()) params += " ";
    params += "max_success=" UPSPEC_STR(UPSPEC_PROPERTY_CASES);
    setenv("RC_PARAMS", params.c_str(), 1);
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
