// numpy's default argsort (kind="quicksort": introsort with median-of-three partitioning,
// insertion sort below 16 elements and a heapsort fallback past depth 2*floor(log2 n)), as
// numpy 1.24 runs it for int64 keys (numpy/core/src/npysort/quicksort.cpp, aquicksort_;
// numpy has no SIMD dispatch for argsort of int64 in that version). It is not stable, and
// gensim 4.2 orders its vocabulary with it (KeyedVectors.sort_by_descending_frequency:
// np.argsort(counts)[::-1]), so equal counts come in the order this sort leaves them.
#pragma once

#include <cstdint>
#include <vector>

namespace playground {

// The permutation np.argsort(keys) returns (ascending keys, numpy's tie order).
std::vector<uint32_t> numpy_argsort(const std::vector<int64_t>& keys);

}  // namespace playground
