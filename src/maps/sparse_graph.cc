#include "maps/sparse_graph.h"

#include <algorithm>
#include <numeric>

namespace playground {

float SparseGraph::at(size_t i, size_t j) const {
  const auto begin = cols.begin() + row_start[i], end = cols.begin() + row_start[i + 1];
  const auto it = std::lower_bound(begin, end, uint32_t(j));
  return it != end && *it == j ? values[size_t(it - cols.begin())] : 0.0f;
}

SparseGraph symmetrize(size_t n, size_t k, const uint32_t* indices, const float* weights, Symmetrization how) {
  // Forward rows sorted by column, and the transpose by counting sort (its rows come out
  // sorted by column because the source rows are visited in order).
  std::vector<uint32_t> order(k);
  std::vector<uint32_t> fwd_cols(n * k);
  std::vector<float> fwd_vals(n * k);
  for (size_t i = 0; i < n; ++i) {
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return indices[i * k + a] < indices[i * k + b]; });
    for (size_t m = 0; m < k; ++m) {
      fwd_cols[i * k + m] = indices[i * k + order[m]];
      fwd_vals[i * k + m] = weights[i * k + order[m]];
    }
  }
  std::vector<uint32_t> t_start(n + 1, 0);
  for (size_t e = 0; e < n * k; ++e) ++t_start[fwd_cols[e] + 1];
  for (size_t i = 0; i < n; ++i) t_start[i + 1] += t_start[i];
  std::vector<uint32_t> t_cols(n * k);
  std::vector<float> t_vals(n * k);
  std::vector<uint32_t> fill(t_start.begin(), t_start.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    for (size_t m = 0; m < k; ++m) {
      const uint32_t j = fwd_cols[i * k + m];
      t_cols[fill[j]] = uint32_t(i);
      t_vals[fill[j]] = fwd_vals[i * k + m];
      ++fill[j];
    }
  }

  SparseGraph g;
  g.n = n;
  g.row_start.assign(n + 1, 0);
  g.cols.reserve(n * k * 3 / 2);
  g.values.reserve(n * k * 3 / 2);
  for (size_t i = 0; i < n; ++i) {
    size_t a = i * k, a_end = a + k, b = t_start[i], b_end = t_start[i + 1];
    while (a < a_end || b < b_end) {
      uint32_t col;
      double w_ij = 0, w_ji = 0;
      if (b >= b_end || (a < a_end && fwd_cols[a] < t_cols[b])) {
        col = fwd_cols[a];
        w_ij = fwd_vals[a++];
      } else if (a >= a_end || t_cols[b] < fwd_cols[a]) {
        col = t_cols[b];
        w_ji = t_vals[b++];
      } else {
        col = fwd_cols[a];
        w_ij = fwd_vals[a++];
        w_ji = t_vals[b++];
      }
      const double w = how == Symmetrization::kSum ? w_ij + w_ji : w_ij + w_ji - w_ij * w_ji;
      if (col != i && w != 0.0) {
        g.cols.push_back(col);
        g.values.push_back(float(w));
      }
    }
    g.row_start[i + 1] = uint32_t(g.cols.size());
  }
  g.cols.shrink_to_fit();
  g.values.shrink_to_fit();
  return g;
}

}  // namespace playground
