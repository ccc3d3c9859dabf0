#include "vectors/kernels.h"

#include <cstring>

namespace playground {

// Performance notes (nearest over 10,015 x 100 floats, see bench/):
// - Eigen 3.4 has no WebAssembly packet math, and its SSE path cannot be used with
//   Debian's Emscripten (clang's own <mmintrin.h> shadows Emscripten's SSE emulation), so
//   a gemv through Eigen runs scalar in WASM. The generic vector extension below compiles
//   to simd128 instructions and makes the scan several times faster than plain JS.
// - Two accumulators hide the add latency; loads use memcpy so rows need no alignment.
#if defined(__GNUC__) || defined(__clang__)
typedef float Float4 __attribute__((vector_size(16)));

static inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void dot_rows(const float* matrix, size_t rows, size_t dim, const float* query, float* out) {
  const size_t wide = dim / 8 * 8;
  for (size_t i = 0; i < rows; ++i) {
    const float* row = matrix + i * dim;
    Float4 a = {0, 0, 0, 0}, b = {0, 0, 0, 0};
    size_t j = 0;
    for (; j < wide; j += 8) {
      a += load4(row + j) * load4(query + j);
      b += load4(row + j + 4) * load4(query + j + 4);
    }
    if (j + 4 <= dim) {
      a += load4(row + j) * load4(query + j);
      j += 4;
    }
    a += b;
    float sum = (a[0] + a[1]) + (a[2] + a[3]);
    for (; j < dim; ++j) sum += row[j] * query[j];
    out[i] = sum;
  }
}
#else
void dot_rows(const float* matrix, size_t rows, size_t dim, const float* query, float* out) {
  dot_rows_reference(matrix, rows, dim, query, out);
}
#endif

void dot_rows_reference(const float* matrix, size_t rows, size_t dim, const float* query, float* out) {
  for (size_t i = 0; i < rows; ++i) {
    float sum = 0;
    for (size_t j = 0; j < dim; ++j) sum += matrix[i * dim + j] * query[j];
    out[i] = sum;
  }
}

}  // namespace playground
