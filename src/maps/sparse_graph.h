// A symmetric sparse weighted graph over n points in compressed-row form: t-SNE's joint
// probabilities P and UMAP's fuzzy simplicial set are both built by symmetrizing per-point
// weights over each point's k nearest neighbours. Memory O(n * k), never n^2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace playground {

struct SparseGraph {
  size_t n = 0;
  std::vector<uint32_t> row_start;  // n + 1 offsets into cols / values
  std::vector<uint32_t> cols;       // ascending within each row
  std::vector<float> values;
  // Per row, the first entry with a column above the row (the upper triangle starts there);
  // filled by symmetrize(), empty in graphs built by hand.
  std::vector<uint32_t> upper_start;

  size_t nnz() const { return cols.size(); }
  // The weight of (i, j), or 0 when the edge is absent (binary search; for tests).
  float at(size_t i, size_t j) const;
};

enum class Symmetrization {
  kSum,         // w_ij + w_ji (t-SNE: P = C + C^T, scikit-learn's _joint_probabilities_nn)
  kFuzzyUnion,  // w_ij + w_ji - w_ij * w_ji (UMAP's fuzzy union, set_op_mix_ratio = 1)
};

// Symmetrizes n rows of k directed weights (row i: edges i -> indices[i * k + m] with weight
// weights[i * k + m]; a missing reverse edge has weight 0). Edges whose combined weight is 0
// and self-loops are dropped. indices must be < n and distinct within a row.
SparseGraph symmetrize(size_t n, size_t k, const uint32_t* indices, const float* weights, Symmetrization how);

}  // namespace playground
