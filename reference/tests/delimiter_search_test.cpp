#include "upspec/multipart/delimiter_search.hpp"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <random>
#include <string>
#include <vector>

namespace upspec::multipart {
namespace {

constexpr search_path kPaths[] = {search_path::scalar, search_path::vector, search_path::automatic};

// Boundaries of the shortest and longest lengths RFC 2046 allows and two in between, one that
// ends in a dash as the look-alikes do.
const std::vector<std::string> kBoundaries = {
    "x", "ab-cd-", "------------------------9f3c2b7a1d5e8064", std::string(69, 'q') + "Z"};

// Runs `check` once per instruction set this machine can run and the library was built for, so
// every compiled kernel (SSE2 to AVX-512 on x86) is held to the same answers, not just the best.
template <typename Check>
void for_each_vector_target(Check check) {
  for (const std::int64_t target : hwy::SupportedAndGeneratedTargets()) {
    hwy::SetSupportedTargetsForTest(target);
    SCOPED_TRACE(hwy::TargetName(target));
    ASSERT_STREQ(delimiter_search::vector_target(), hwy::TargetName(target));
    check();
  }
  hwy::SetSupportedTargetsForTest(0);
}

void expect_every_path_finds(const delimiter_search& search, const std::string& data) {
  const std::size_t expected = data.find(search.delimiter());
  for (const search_path path : kPaths)
    ASSERT_EQ(search.find(data, path), expected)
        << "path " << static_cast<int>(path) << ", " << data.size() << " bytes";
}

TEST(DelimiterSearch, FindsADelimiterAtEveryOffsetOfEveryLength) {
  for_each_vector_target([] {
    std::mt19937 rng(7);
    for (const std::string& boundary : kBoundaries) {
      const delimiter_search search("\r\n--" + boundary);
      const std::size_t m = search.delimiter().size();
      // Every length up to a few blocks, and each side of the lengths where the vector path
      // takes one more step of four blocks (16, 32 or 64 bytes each).
      std::vector<std::size_t> lengths;
      for (std::size_t n = 0; n < 80 + m; ++n) lengths.push_back(n);
      for (const std::size_t step : {64, 128, 256, 512})
        for (const std::size_t n : {step + m - 2, step + m - 1, step + m, 2 * step + m - 1})
          lengths.push_back(n);
      for (const std::size_t n : lengths) {
        std::string background(n, '\0');
        for (char& c : background) c = static_cast<char>('a' + rng() % 26);
        expect_every_path_finds(search, background);
        for (std::size_t at = 0; at + m <= n; ++at) {
          std::string data = background;
          data.replace(at, m, search.delimiter());
          expect_every_path_finds(search, data);
        }
      }
    }
  });
}

// Data made of the delimiter's own bytes, cut short, with one byte changed, or with a CR and the
// last byte m-1 apart: every kind of near miss the vector filter lets through to the comparison.
TEST(DelimiterSearch, AgreesWithAPlainFindOnLookAlikes) {
  for_each_vector_target([] {
    std::mt19937 rng(11);
    for (const std::string& boundary : kBoundaries) {
      const delimiter_search search("\r\n--" + boundary);
      const std::string d(search.delimiter());
      for (int round = 0; round < 200; ++round) {
        std::string data;
        const std::size_t size = rng() % 1200;
        while (data.size() < size) {
          switch (rng() % 5) {
            case 0:
              data += d.substr(0, rng() % d.size());
              break;
            case 1: {
              std::string near = d;
              near[rng() % near.size()] = static_cast<char>(rng());
              data += near;
              break;
            }
            case 2:
              data += '\r' + std::string(d.size() - 2, '-') + d.back();
              break;
            case 3:
              data += d;
              break;
            default:
              data += static_cast<char>(rng());
          }
        }
        expect_every_path_finds(search, data);
        // And every suffix, so matches fall at every alignment of the blocks.
        for (std::size_t from = 1; from < 70 && from < data.size(); ++from)
          expect_every_path_finds(search, data.substr(from));
      }
    }
  });
}

TEST(DelimiterSearch, NamesTheInstructionSetItRunsOn) {
  EXPECT_STRNE(delimiter_search::vector_target(), "");
}

}  // namespace
}  // namespace upspec::multipart
