#include "upspec/properties/splits.hpp"

#include <algorithm>

namespace upspec::properties {
namespace {

// Feeding more chunks than this costs more time than it finds bugs.
constexpr std::size_t kMostChunks = 200'000;

}  // namespace

rc::Gen<split_plan> gen_split_plan(const std::string& body, const std::string& boundary) {
  const std::size_t size = body.size();
  std::vector<std::size_t> delimiters;
  for (std::size_t at = body.find("\r\n--"); at != std::string::npos && delimiters.size() < 512;
       at = body.find("\r\n--", at + 1))
    delimiters.push_back(at);
  return rc::gen::exec([size, delimiters, window = boundary.size() + 10] {
    split_plan plan;
    switch (*rc::gen::weightedElement<int>({{1, 0}, {3, 1}, {3, 2}, {4, 3}})) {
      case 0:
        break;  // the whole body at once
      case 1: {
        const std::size_t smallest = size / kMostChunks + 1;
        plan.every = *rc::gen::weightedOneOf<std::size_t>({
            {3, rc::gen::inRange<std::size_t>(smallest, smallest + 16)},
            {1, rc::gen::inRange<std::size_t>(smallest, std::max(smallest, size) + 1)},
        });
        break;
      }
      case 2: {
        const auto n = *rc::gen::inRange(1, 65);
        for (int i = 0; i < n; ++i)
          plan.cuts.push_back(*rc::gen::inRange<std::size_t>(0, size + 1));
        break;
      }
      default: {
        // Byte by byte across a few delimiters, whole runs elsewhere.
        if (delimiters.empty()) break;
        const auto n = *rc::gen::inRange(1, 5);
        for (int i = 0; i < n; ++i) {
          const std::size_t at = *rc::gen::elementOf(delimiters);
          const std::size_t from = at >= 2 ? at - 2 : 0;
          for (std::size_t c = from; c <= std::min(size, at + window); ++c) plan.cuts.push_back(c);
        }
      }
    }
    std::sort(plan.cuts.begin(), plan.cuts.end());
    return plan;
  });
}

std::vector<std::string_view> split(std::string_view body, const split_plan& plan) {
  std::vector<std::string_view> out;
  if (plan.every != 0) {
    for (std::size_t at = 0; at < body.size(); at += plan.every)
      out.push_back(body.substr(at, plan.every));
    return out;
  }
  std::size_t from = 0;
  for (std::size_t cut : plan.cuts) {
    cut = std::min(cut, body.size());
    out.push_back(body.substr(from, cut - from));
    from = cut;
  }
  out.push_back(body.substr(from));
  return out;
}

std::string describe(const split_plan& plan) {
  if (plan.every != 0) return "chunks of " + std::to_string(plan.every) + " bytes";
  std::string out = "cuts at";
  for (std::size_t c : plan.cuts) out += " " + std::to_string(c);
  return plan.cuts.empty() ? "the whole body at once" : out;
}

}  // namespace upspec::properties
