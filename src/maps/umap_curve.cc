#include "maps/umap_curve.h"

#include <cmath>
#include <vector>

namespace playground {

namespace {

constexpr int kSamples = 300;
constexpr int kMaxIterations = 500;

// Sum of squared residuals at (a, b); optionally the normal equations J^T J and J^T r.
double cost(const std::vector<double>& x, const std::vector<double>& y, double a, double b, double jtj[3],
            double jtr[2]) {
  double sum = 0;
  if (jtj) jtj[0] = jtj[1] = jtj[2] = jtr[0] = jtr[1] = 0;
  for (size_t k = 0; k < x.size(); ++k) {
    const double u = x[k] > 0 ? std::pow(x[k], 2 * b) : 0.0;
    const double f = 1.0 / (1.0 + a * u);
    const double r = f - y[k];
    sum += r * r;
    if (jtj) {
      const double da = -u * f * f;
      const double db = x[k] > 0 ? -a * f * f * u * 2 * std::log(x[k]) : 0.0;
      jtj[0] += da * da;
      jtj[1] += da * db;
      jtj[2] += db * db;
      jtr[0] += da * r;
      jtr[1] += db * r;
    }
  }
  return sum;
}

}  // namespace

UmapCurve find_ab_params(double spread, double min_dist) {
  std::vector<double> x(kSamples), y(kSamples);
  for (int k = 0; k < kSamples; ++k) {
    x[k] = spread * 3 * k / (kSamples - 1);  // np.linspace(0, spread * 3, 300)
    y[k] = x[k] < min_dist ? 1.0 : std::exp(-(x[k] - min_dist) / spread);
  }
  double a = 1, b = 1, lambda = 1e-3;
  double jtj[3], jtr[2];
  double current = cost(x, y, a, b, jtj, jtr);
  for (int it = 0; it < kMaxIterations; ++it) {
    // Marquardt's damping: (J^T J + lambda diag(J^T J)) step = -J^T r.
    const double m00 = jtj[0] * (1 + lambda), m11 = jtj[2] * (1 + lambda), m01 = jtj[1];
    const double det = m00 * m11 - m01 * m01;
    if (!(det > 0)) break;
    const double step_a = -(m11 * jtr[0] - m01 * jtr[1]) / det;
    const double step_b = -(m00 * jtr[1] - m01 * jtr[0]) / det;
    const double trial = cost(x, y, a + step_a, b + step_b, nullptr, nullptr);
    if (std::isfinite(trial) && trial <= current) {
      a += step_a;
      b += step_b;
      const double improvement = current - trial;
      current = cost(x, y, a, b, jtj, jtr);
      lambda = std::max(lambda / 10, 1e-12);
      if (std::fabs(step_a) <= 1e-14 * std::fabs(a) && std::fabs(step_b) <= 1e-14 * std::fabs(b)) break;
      if (improvement <= 1e-18 * current) break;
    } else {
      lambda *= 10;
      if (lambda > 1e12) break;
    }
  }
  return {a, b};
}

}  // namespace playground
