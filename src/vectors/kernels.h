// The one hot loop of the vector queries: dot products of every matrix row with a query.
#pragma once

#include <cstddef>

namespace playground {

// out[i] = dot(matrix row i, query) for `rows` rows of `dim` floats, row-major.
// Four-lane SIMD (SSE natively, simd128 in WebAssembly with -msimd128) through the
// compiler's generic vector extension; a scalar loop on other compilers.
void dot_rows(const float* matrix, size_t rows, size_t dim, const float* query, float* out);

// The plain reference the tests compare dot_rows against.
void dot_rows_reference(const float* matrix, size_t rows, size_t dim, const float* query, float* out);

}  // namespace playground
