#include "maps/umap_graph.h"

#include <cmath>
#include <limits>

namespace playground {

namespace {
constexpr int kIterations = 64;
constexpr float kTolerance = 1e-5f;       // umap-learn's SMOOTH_K_TOLERANCE
constexpr double kMinScale = 1e-3;        // MIN_K_DIST_SCALE
}  // namespace

SmoothKnnDistances smooth_knn_dist(const KnnGraph& knn) {
  const size_t n = knn.n, k = knn.k;
  SmoothKnnDistances out;
  out.sigmas.assign(n, 0.0f);
  out.rhos.assign(n, 0.0f);
  const float target = float(std::log2(double(k)));
  double mean_all = 0;
  for (float d : knn.distances) mean_all += d;
  mean_all /= double(knn.distances.size());
  for (size_t i = 0; i < n; ++i) {
    const float* d = knn.distances_of(i);
    float rho = 0;
    for (size_t j = 0; j < k; ++j) {
      if (d[j] > 0) {  // rows are sorted: the first positive distance is the smallest
        rho = d[j];
        break;
      }
    }
    float lo = 0, hi = std::numeric_limits<float>::infinity(), mid = 1;
    for (int it = 0; it < kIterations; ++it) {
      float psum = 0;
      for (size_t j = 1; j < k; ++j) {
        const float t = d[j] - rho;
        psum += t > 0 ? std::exp(-(t / mid)) : 1.0f;
      }
      if (std::fabs(psum - target) < kTolerance) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = std::isinf(hi) ? mid * 2 : (lo + hi) / 2;
      }
    }
    double mean_row = 0;
    for (size_t j = 0; j < k; ++j) mean_row += d[j];
    mean_row /= double(k);
    const double floor = kMinScale * (rho > 0 ? mean_row : mean_all);
    out.sigmas[i] = mid < floor ? float(floor) : mid;
    out.rhos[i] = rho;
  }
  return out;
}

SparseGraph umap_fuzzy_graph(const KnnGraph& knn, float disconnection_distance) {
  const SmoothKnnDistances s = smooth_knn_dist(knn);
  const size_t n = knn.n, k = knn.k;
  std::vector<float> weights(n * k);
  for (size_t i = 0; i < n; ++i) {
    for (size_t m = 0; m < k; ++m) {
      const uint32_t j = knn.neighbours(i)[m];
      const float d = knn.distances_of(i)[m];
      float w;
      if (j == i || d >= disconnection_distance) {
        w = 0.0f;
      } else if (d - s.rhos[i] <= 0.0f || s.sigmas[i] == 0.0f) {
        w = 1.0f;
      } else {
        w = std::exp(-((d - s.rhos[i]) / s.sigmas[i]));
      }
      weights[i * k + m] = w;
    }
  }
  return symmetrize(n, k, knn.indices.data(), weights.data(), Symmetrization::kFuzzyUnion);
}

}  // namespace playground
