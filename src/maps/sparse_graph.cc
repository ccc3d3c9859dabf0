#include "maps/sparse_graph.h"

#include <algorithm>

namespace playground {

float SparseGraph::at(size_t i, size_t j) const {
  const auto begin = cols.begin() + row_start[i], end = cols.begin() + row_start[i + 1];
  const auto it = std::lower_bound(begin, end, uint32_t(j));
  return it != end && *it == j ? values[size_t(it - cols.begin())] : 0.0f;
}

SparseGraph symmetrize(size_t n, size_t k, const uint32_t* indices, const float* weights, Symmetrization how) {
  // Forward rows sorted by column, and the transpose by counting sort (its rows come out
  // sorted by column because the source rows are visited in order).
  // (Sorting packed 64-bit keys is ~4x faster than sorting an index array with a comparator
  // that reads `indices`; measured on 10,015 x 91 neighbours.)
  std::vector<uint64_t> keys(k);
  std::vector<uint32_t> fwd_cols(n * k);
  std::vector<float> fwd_vals(n * k);
  for (size_t i = 0; i < n; ++i) {
    for (size_t m = 0; m < k; ++m) keys[m] = uint64_t(indices[i * k + m]) << 32 | m;
    std::sort(keys.begin(), keys.end());
    for (size_t m = 0; m < k; ++m) {
      fwd_cols[i * k + m] = uint32_t(keys[m] >> 32);
      fwd_vals[i * k + m] = weights[i * k + (keys[m] & 0xffffffffu)];
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

  // Two passes over the merged rows: count, then fill arrays of the exact size.
  SparseGraph g;
  g.n = n;
  g.row_start.assign(n + 1, 0);
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      for (size_t i = 0; i < n; ++i) g.row_start[i + 1] += g.row_start[i];
      g.cols.resize(g.row_start[n]);
      g.values.resize(g.row_start[n]);
    }
    for (size_t i = 0; i < n; ++i) {
      size_t a = i * k, a_end = a + k, b = t_start[i], b_end = t_start[i + 1];
      size_t out = g.row_start[i];
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
        if (col == i || w == 0.0) continue;
        if (pass == 0) {
          ++g.row_start[i + 1];
        } else {
          g.cols[out] = col;
          g.values[out] = float(w);
          ++out;
        }
      }
    }
  }
  g.upper_start.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const auto begin = g.cols.begin() + g.row_start[i], end = g.cols.begin() + g.row_start[i + 1];
    g.upper_start[i] = uint32_t(std::upper_bound(begin, end, uint32_t(i)) - g.cols.begin());
  }
  return g;
}

}  // namespace playground
