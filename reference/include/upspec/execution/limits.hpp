#pragma once
// Resource bounds of the executor. A request that reaches one gets a GraphQL error instead of
// unbounded work; the figures sit far above anything the conformance cases send.

#include <cstddef>

namespace upspec::execution {

// graphql-js validate() maxErrors: past this many, validation stops with a final error.
inline constexpr std::size_t kMaxValidationErrors = 100;

// graphql-js getVariableValues() maxErrors, as execute() passes it.
inline constexpr std::size_t kMaxVariableErrors = 50;

// Validation follows fragment spreads (overlapping fields, variable usages, reachability); each
// field collected, fragment visited or pair of fields compared costs one unit. Without a bound
// a small document that spreads fragments many times over costs quadratic or worse time.
inline constexpr std::size_t kMaxValidationWork = 100'000;

// Fields resolved while executing one operation, list items included: a list argument may
// repeat one upload many times over, which multiplies the selection set.
inline constexpr std::size_t kMaxResolvedFields = 100'000;

// Nesting of a variable's value (an UploadTree's `child` chain, lists): JSON parsed by the
// request processor stops at 512 levels, this guards values built some other way.
inline constexpr std::size_t kMaxInputDepth = 1024;

}  // namespace upspec::execution
