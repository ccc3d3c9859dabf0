#include "maps/perplexity.h"

#include <cmath>
#include <limits>
#include <vector>

namespace playground {

namespace {
constexpr int kSteps = 100;
constexpr double kTolerance = 1e-5;  // nats
constexpr double kTinySum = 1e-8;    // scikit-learn's EPSILON_DBL for an all-zero row
}  // namespace

void binary_search_perplexity(const float* sq_distances, size_t n, size_t k, double perplexity, float* p,
                              double* betas) {
  const double desired_entropy = std::log(perplexity);
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> row(k);  // double while summing, as scikit-learn does
  for (size_t i = 0; i < n; ++i) {
    const float* d = sq_distances + i * k;
    double beta = 1.0, beta_min = -inf, beta_max = inf, beta_used = beta;
    for (int step = 0; step < kSteps; ++step) {
      beta_used = beta;
      double sum_p = 0;
      for (size_t j = 0; j < k; ++j) {
        row[j] = std::exp(-double(d[j]) * beta);
        sum_p += row[j];
      }
      if (sum_p == 0.0) sum_p = kTinySum;
      double sum_dist_p = 0;
      for (size_t j = 0; j < k; ++j) {
        row[j] /= sum_p;
        sum_dist_p += double(d[j]) * row[j];
      }
      const double entropy = std::log(sum_p) + beta * sum_dist_p;
      const double diff = entropy - desired_entropy;
      if (std::fabs(diff) <= kTolerance) break;
      if (diff > 0) {
        beta_min = beta;
        beta = beta_max == inf ? beta * 2 : (beta + beta_max) / 2;
      } else {
        beta_max = beta;
        beta = beta_min == -inf ? beta / 2 : (beta + beta_min) / 2;
      }
    }
    for (size_t j = 0; j < k; ++j) p[i * k + j] = float(row[j]);
    if (betas) betas[i] = beta_used;
  }
}

double row_entropy(const float* p, size_t k) {
  double h = 0;
  for (size_t j = 0; j < k; ++j) {
    if (p[j] > 0) h -= double(p[j]) * std::log(double(p[j]));
  }
  return h;
}

}  // namespace playground
