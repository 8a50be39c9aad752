#pragma once
// The vector kernel of delimiter_search (delimiter_search_simd.cpp), dispatched at run time.

#include <cstddef>

namespace upspec::multipart::simd {

// Offset of the first whole occurrence of `delimiter` (m >= 5 bytes, CR only at its start) in
// `data`, or an offset before which it does not occur and from which fewer than a few vector
// blocks and m bytes remain, for the scalar search to finish.
std::size_t find_delimiter(const unsigned char* data, std::size_t n, const unsigned char* delimiter,
                           std::size_t m) noexcept;

const char* target_name() noexcept;

}  // namespace upspec::multipart::simd
