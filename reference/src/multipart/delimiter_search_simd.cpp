// The vector path of delimiter_search: compiled once per instruction set by Highway's
// foreach_target, which includes this file again for each; the widest one the CPU supports is
// chosen on the first call.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "multipart/delimiter_search_simd.cpp"
#include "multipart/delimiter_search_simd.hpp"

#include <hwy/cache_control.h>
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>

#include <cstdint>
#include <cstring>

HWY_BEFORE_NAMESPACE();
namespace upspec::multipart::simd {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The first candidate of `candidates` (lanes of the block at `block`) where the whole delimiter
// is, or Lanes(d) when none. The filter compared the first and last bytes; memcmp compares the
// bytes between them.
template <class D, class M>
HWY_INLINE std::size_t first_match(D d, M candidates, const unsigned char* block,
                                   const unsigned char* delimiter, std::size_t m) {
  std::uint8_t bits[HWY_MAX_BYTES / 8 + 8] = {};
  const std::size_t bytes = hn::StoreMaskBits(d, candidates, bits);
  for (std::size_t b = 0; b < bytes; ++b) {
    for (unsigned v = bits[b]; v != 0; v &= v - 1) {
      const std::size_t k = b * 8 + static_cast<std::size_t>(__builtin_ctz(v));
      if (std::memcmp(block + k + 1, delimiter + 1, m - 2) == 0) return k;
    }
  }
  return hn::Lanes(d);
}

// How far ahead of the blocks being compared the next lines are requested. The hardware's own
// prefetcher stops at each 4 KiB page; asking one page ahead keeps lines arriving across it.
constexpr std::size_t kPrefetchAhead = 4096;
constexpr std::size_t kLine = 64;

// A position is a candidate when its byte is the delimiter's first (CR) and the byte m-1 later
// is the delimiter's last: loads whose addresses do not depend on what was read, four blocks per
// step, so the CPU keeps many in flight. On random data one position in 65,536 is a candidate;
// on any data at most one long comparison starts per CR, and CRs occur only at a delimiter's
// start, so the verification stays linear. Returns the first match, or where the steps ended
// with no match before (less than a step and a delimiter from the end): the rest is the scalar
// path's.
std::size_t FindDelimiter(const unsigned char* data, std::size_t n, const unsigned char* delimiter,
                          std::size_t m) {
  const hn::ScalableTag<std::uint8_t> d;
  const std::size_t lanes = hn::Lanes(d);
  const std::size_t step = 4 * lanes;
  const auto first = hn::Set(d, delimiter[0]);
  const auto last = hn::Set(d, delimiter[m - 1]);
  auto candidates = [&](std::size_t at) {
    return hn::And(hn::Eq(hn::LoadU(d, data + at), first),
                   hn::Eq(hn::LoadU(d, data + at + m - 1), last));
  };
  std::size_t at = 0;
  for (; at + step + m - 1 <= n; at += step) {
    if (at + step + kPrefetchAhead <= n)
      for (std::size_t line = 0; line < step; line += kLine)
        hwy::Prefetch(data + at + kPrefetchAhead + line);
    if (hn::AllFalse(d, hn::Or(hn::Or(candidates(at), candidates(at + lanes)),
                               hn::Or(candidates(at + 2 * lanes), candidates(at + 3 * lanes)))))
      continue;
    // Rare: the step's blocks are compared again, one at a time.
    for (std::size_t block = at; block < at + step; block += lanes) {
      const std::size_t k = first_match(d, candidates(block), data + block, delimiter, m);
      if (k < lanes) return block + k;
    }
  }
  return at;
}

std::int64_t Target() {
  return HWY_TARGET;
}

}  // namespace HWY_NAMESPACE
}  // namespace upspec::multipart::simd
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace upspec::multipart::simd {

HWY_EXPORT(FindDelimiter);
HWY_EXPORT(Target);

std::size_t find_delimiter(const unsigned char* data, std::size_t n, const unsigned char* delimiter,
                           std::size_t m) noexcept {
  return HWY_DYNAMIC_DISPATCH(FindDelimiter)(data, n, delimiter, m);
}

const char* target_name() noexcept {
  return hwy::TargetName(HWY_DYNAMIC_DISPATCH(Target)());
}

}  // namespace upspec::multipart::simd
#endif  // HWY_ONCE
