#pragma once
// Properties as GoogleTest tests. Like rapidcheck/gtest.h's RC_GTEST_PROP, with the same test
// ids (so RC_PARAMS="reproduce=..." works), but the number of cases that passed is printed
// too: the CI log is the record of how much each property checked.

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <iostream>
#include <sstream>
#include <string>
#include <utility>

namespace upspec::properties::testing {

template <typename Testable>
void check_property(Testable&& testable) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(test->test_suite_name()) + "/" + test->name();
  metadata.description = test->name();
  const auto result = rc::detail::checkTestable(std::forward<Testable>(testable), metadata);
  std::ostringstream message;
  rc::detail::printResultMessage(result, message);
  if (result.template is<rc::detail::SuccessResult>())
    std::cout << metadata.id << ": " << message.str() << std::endl;
  else
    FAIL() << message.str() << std::endl;
}

}  // namespace upspec::properties::testing

#define UPSPEC_PROPERTY(Suite, Name, ArgList)                                         \
  void upspec_property_##Suite##_##Name ArgList;                                      \
  TEST(Suite, Name) {                                                                 \
    ::upspec::properties::testing::check_property(&upspec_property_##Suite##_##Name); \
  }                                                                                   \
  void upspec_property_##Suite##_##Name ArgList
