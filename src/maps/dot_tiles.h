// The one hot loop of the exact pair searches (knn.cc, map_quality.cc): dot products of 4
// query rows with 8 points at a time. The points are repacked into panels of 8 rows stored
// dimension-major, so that a 4 x 8 tile keeps 8 four-lane accumulators in registers and per
// dimension loads two vectors of the panel and broadcasts 4 query values (the inner kernel of
// a GEMM). Four-lane SIMD through the compiler's generic vector extension (SSE natively,
// simd128 in WebAssembly), plain loops on other compilers.
#pragma once

#include <cstddef>
#include <vector>

#include "maps/point_matrix.h"

namespace playground {

class DotPanels {
 public:
  static constexpr size_t kPanel = 8;    // points per panel
  static constexpr size_t kQueries = 4;  // query rows per tile

  explicit DotPanels(const PointMatrix& points);

  size_t panels() const { return panels_; }
  // out[(p - first_panel) * 32 + r * 8 + lane] = dot(query[r], point 8 p + lane) for every
  // panel p >= first_panel (lanes past the last point hold 0). `out` holds
  // (panels() - first_panel) * 32 floats.
  void dots(const float* const query[kQueries], size_t first_panel, float* out) const;

  // Frees the panels.
  void clear() { std::vector<float>().swap(values_); }

 private:
  size_t dim_;
  size_t panels_;
  std::vector<float> values_;
};

}  // namespace playground
