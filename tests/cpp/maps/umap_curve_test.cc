#include "maps/umap_curve.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

TEST(UmapCurve, MatchesUmapLearnsFindAbParams) {
  // Oracle: umap.umap_.find_ab_params(spread, min_dist) of umap-learn 0.5.3 (Debian's
  // python3-umap-learn, scipy's curve_fit), printed with %.17g.
  struct Case {
    double spread, min_dist, a, b;
  };
  const Case cases[] = {
      {1, 0, 1.9328083975546724, 0.79049497340106811},
      {1, 0.001, 1.9290733952004866, 0.79150453295606771},
      {1, 0.1, 1.5769434601962196, 0.8950608779914887},
      {1, 0.25, 1.121436342691746, 1.0574998766588604},
      {1, 0.5, 0.58303002047946195, 1.3341669929263487},
      {1, 0.99, 0.11930530006447332, 1.9163904159174419},
      {2, 0.5, 0.25887874119038884, 1.057499699581397},
      {0.5, 0.1, 5.069309326898491, 1.0030054225782272},
  };
  for (const Case& c : cases) {
    const UmapCurve got = find_ab_params(c.spread, c.min_dist);
    // curve_fit stops at its own tolerance (~1.5e-8 relative in the cost), so on the flattest
    // case (min_dist 0.99) it stops 2.4e-6 away from the minimum, whose cost is lower here
    // (0.291605486676 against its 0.291605486683).
    EXPECT_NEAR(got.a, c.a, 5e-6 * c.a) << "spread " << c.spread << " min_dist " << c.min_dist;
    EXPECT_NEAR(got.b, c.b, 5e-6 * c.b) << "spread " << c.spread << " min_dist " << c.min_dist;
  }
}

}  // namespace
}  // namespace playground
