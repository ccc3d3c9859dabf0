#include "maps/dot_tiles.h"

#include <gtest/gtest.h>

#include "map_test_util.h"

namespace playground {
namespace {

TEST(DotPanels, TilesHoldEveryDotProductFromTheFirstPanelOn) {
  // 21 points of 13 dimensions: ragged in both the panel (8) and the vector lanes (4).
  const size_t n = 21, dim = 13;
  const std::vector<float> v = testing::clustered_values(n, dim, 3, 81);
  const PointMatrix p(v, n, dim);
  const DotPanels panels(p);
  ASSERT_EQ(panels.panels(), 3u);
  const float* q[4] = {p.row(3), p.row(20), p.row(0), p.row(3)};
  for (size_t first = 0; first < 3; ++first) {
    std::vector<float> out((3 - first) * 32, -1.0f);
    panels.dots(q, first, out.data());
    for (size_t r = 0; r < 4; ++r) {
      for (size_t j = first * 8; j < 24; ++j) {
        double want = 0;
        if (j < n) {
          for (size_t d = 0; d < dim; ++d) want += double(q[r][d]) * p.row(j)[d];
        }
        const size_t at = (j / 8 - first) * 32 + r * 8 + j % 8;
        EXPECT_NEAR(out[at], want, 1e-4 * (1 + std::fabs(want))) << "query " << r << " point " << j;
      }
    }
  }
}

}  // namespace
}  // namespace playground
