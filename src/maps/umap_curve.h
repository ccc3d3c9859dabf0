// UMAP's low-dimensional similarity curve 1 / (1 + a d^(2b)) (McInnes, Healy & Melville 2018,
// section 4): a and b are fitted by least squares to the offset exponential
//   y(d) = 1 for d < min_dist, exp(-(d - min_dist) / spread) otherwise
// on 300 equally spaced d in [0, 3 spread], as umap-learn's find_ab_params does with scipy's
// curve_fit (MINPACK Levenberg-Marquardt from a = b = 1). Here: Levenberg-Marquardt with the
// analytic Jacobian, iterated to convergence, which lands on the same minimum.
#pragma once

namespace playground {

struct UmapCurve {
  double a = 0;
  double b = 0;
};

// Requires 0 <= min_dist <= spread and spread > 0 (the caller checks).
UmapCurve find_ab_params(double spread, double min_dist);

}  // namespace playground
