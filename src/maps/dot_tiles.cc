#include "maps/dot_tiles.h"

#include <cstring>

namespace playground {

namespace {

constexpr size_t kPanel = DotPanels::kPanel;
constexpr size_t kQueries = DotPanels::kQueries;

#if defined(__GNUC__) || defined(__clang__)
typedef float Float4 __attribute__((vector_size(16)));

inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }

void tile_4x8(const float* const q[kQueries], const float* panel, size_t dim, float* out) {
  Float4 a0 = {0, 0, 0, 0}, a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
  for (size_t d = 0; d < dim; ++d) {
    const Float4 lo = load4(panel + d * kPanel);
    const Float4 hi = load4(panel + d * kPanel + 4);
    const float x0 = q[0][d], x1 = q[1][d], x2 = q[2][d], x3 = q[3][d];
    const Float4 v0 = {x0, x0, x0, x0}, v1 = {x1, x1, x1, x1}, v2 = {x2, x2, x2, x2}, v3 = {x3, x3, x3, x3};
    a0 += v0 * lo;
    a1 += v0 * hi;
    b0 += v1 * lo;
    b1 += v1 * hi;
    c0 += v2 * lo;
    c1 += v2 * hi;
    d0 += v3 * lo;
    d1 += v3 * hi;
  }
  store4(out + 0, a0);
  store4(out + 4, a1);
  store4(out + 8, b0);
  store4(out + 12, b1);
  store4(out + 16, c0);
  store4(out + 20, c1);
  store4(out + 24, d0);
  store4(out + 28, d1);
}
#else
void tile_4x8(const float* const q[kQueries], const float* panel, size_t dim, float* out) {
  for (size_t r = 0; r < kQueries; ++r) {
    for (size_t lane = 0; lane < kPanel; ++lane) {
      float sum = 0;
      for (size_t d = 0; d < dim; ++d) sum += q[r][d] * panel[d * kPanel + lane];
      out[r * kPanel + lane] = sum;
    }
  }
}
#endif

}  // namespace

DotPanels::DotPanels(const PointMatrix& points)
    : dim_(points.dim()), panels_((points.size() + kPanel - 1) / kPanel), values_(panels_ * kPanel * dim_, 0.0f) {
  for (size_t i = 0; i < points.size(); ++i) {
    const float* row = points.row(i);
    float* panel = values_.data() + (i / kPanel) * kPanel * dim_;
    for (size_t d = 0; d < dim_; ++d) panel[d * kPanel + i % kPanel] = row[d];
  }
}

void DotPanels::dots(const float* const query[kQueries], size_t first_panel, float* out) const {
  for (size_t p = first_panel; p < panels_; ++p) {
    tile_4x8(query, values_.data() + p * kPanel * dim_, dim_, out + (p - first_panel) * kQueries * kPanel);
  }
}

}  // namespace playground
