#include "maps/tsne_gradient.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

namespace playground {

namespace {

inline double sq_dist(const double* a, const double* b, size_t dims) {
  double s = 0;
  for (size_t d = 0; d < dims; ++d) s += (a[d] - b[d]) * (a[d] - b[d]);
  return s;
}

inline double kernel_w(double d2, double dof) {
  return dof == 1.0 ? 1.0 / (1.0 + d2) : std::pow(dof / (dof + d2), (dof + 1) / 2);
}

}  // namespace

double tsne_kl_divergence(const SparseGraph& p, const double* y, size_t dims, double dof, double z) {
  double kl = 0;
  for (size_t i = 0; i < p.n; ++i) {
    for (uint32_t e = p.row_start[i]; e < p.row_start[i + 1]; ++e) {
      const double pij = p.values[e];
      if (pij <= 0) continue;
      const double q = kernel_w(sq_dist(y + i * dims, y + size_t(p.cols[e]) * dims, dims), dof) / z;
      kl += pij * std::log(std::max(pij, double(FLT_MIN)) / std::max(q, double(FLT_MIN)));
    }
  }
  return kl;
}

namespace {

// P is symmetric: each pair is computed once, from its upper entry (j > i), and applied to
// both ends, half the work of a pass over every entry. Row i's own sum stays in registers
// (written once per row), so that the loop carries no dependency through memory; D is a
// template parameter so that the loops over the axes unroll.
template <size_t D>
void attraction_impl(const SparseGraph& p, const double* y, double dof, double p_scale, double* attraction) {
  std::fill(attraction, attraction + p.n * D, 0.0);
  for (size_t i = 0; i < p.n; ++i) {
    double yi[D], acc[D] = {};
    for (size_t d = 0; d < D; ++d) yi[d] = y[i * D + d];
    const auto row_begin = p.cols.begin() + p.row_start[i], row_end = p.cols.begin() + p.row_start[i + 1];
    const size_t end = p.row_start[i + 1];
    const size_t upper = p.upper_start.empty() ? size_t(std::upper_bound(row_begin, row_end, uint32_t(i)) - p.cols.begin())
                                               : p.upper_start[i];
    for (size_t e = upper; e < end; ++e) {
      const size_t j = p.cols[e];
      double diff[D], d2 = 0;
      for (size_t d = 0; d < D; ++d) {
        diff[d] = yi[d] - y[j * D + d];
        d2 += diff[d] * diff[d];
      }
      const double m = p_scale * p.values[e] * (dof / (dof + d2));
      for (size_t d = 0; d < D; ++d) {
        acc[d] += m * diff[d];
        attraction[j * D + d] -= m * diff[d];
      }
    }
    for (size_t d = 0; d < D; ++d) attraction[i * D + d] += acc[d];
  }
}

}  // namespace

void tsne_attraction(const SparseGraph& p, const double* y, size_t dims, double dof, double p_scale,
                     double* attraction) {
  if (dims == 2) {
    attraction_impl<2>(p, y, dof, p_scale, attraction);
  } else {
    attraction_impl<3>(p, y, dof, p_scale, attraction);
  }
}

double tsne_exact_gradient(const SparseGraph& p, const double* y, size_t dims, double dof, double p_scale,
                           double* grad) {
  const size_t n = p.n;
  std::vector<double> repulsion(n * dims, 0.0);
  double z = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const double d2 = sq_dist(y + i * dims, y + j * dims, dims);
      const double w = kernel_w(d2, dof);
      const double f = dof / (dof + d2);
      z += w;
      for (size_t d = 0; d < dims; ++d) repulsion[i * dims + d] += w * f * (y[i * dims + d] - y[j * dims + d]);
    }
  }
  z = std::max(z, DBL_EPSILON);
  tsne_attraction(p, y, dims, dof, p_scale, grad);
  const double c = 2 * (dof + 1) / dof;
  for (size_t e = 0; e < n * dims; ++e) grad[e] = c * (grad[e] - repulsion[e] / z);
  return z;
}

double tsne_barnes_hut_gradient(const SparseGraph& p, const double* y, size_t dims, double dof, double p_scale,
                                double theta, SpaceTree* tree, double* grad) {
  const size_t n = p.n;
  tree->build(y, n);
  std::vector<double> repulsion(n * dims, 0.0);
  double z = tree->repulsion_all(y, theta, dof, repulsion.data());
  z = std::max(z, DBL_EPSILON);  // as scikit-learn, against a division by zero
  tsne_attraction(p, y, dims, dof, p_scale, grad);
  const double c = 2 * (dof + 1) / dof;
  for (size_t e = 0; e < n * dims; ++e) grad[e] = c * (grad[e] - repulsion[e] / z);
  return z;
}

}  // namespace playground
