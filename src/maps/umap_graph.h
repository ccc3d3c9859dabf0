// UMAP's fuzzy simplicial set over the k nearest neighbours (McInnes, Healy & Melville 2018,
// section 3 and algorithm 3), as umap-learn 0.5's fuzzy_simplicial_set computes it with
// local_connectivity = 1, bandwidth = 1 and set_op_mix_ratio = 1:
//   rho_i   = distance to the nearest neighbour at a distance > 0;
//   sigma_i : sum_{j = 1..k-1} exp(-max(0, d_ij - rho_i) / sigma_i) = log2(k), by bisection
//             (64 steps, tolerance 1e-5, in float32 as umap-learn's smooth_knn_dist), then
//             at least 1e-3 times the mean neighbour distance (of the row when rho_i > 0,
//             else of all rows);
//   w_ij    = exp(-max(0, d_ij - rho_i) / sigma_i), 1 when d_ij <= rho_i, 0 for j = i;
//   W       = w + w^T - w o w^T (fuzzy union), zero entries dropped.
#pragma once

#include <vector>

#include "maps/knn.h"
#include "maps/sparse_graph.h"

namespace playground {

struct SmoothKnnDistances {
  std::vector<float> sigmas;
  std::vector<float> rhos;
};

// From a neighbour graph that includes each point first (ExactKnn with include_self = true);
// k = knn.k is umap-learn's n_neighbors.
SmoothKnnDistances smooth_knn_dist(const KnnGraph& knn);

// The symmetric membership graph. Neighbours at `disconnection_distance` or farther get no
// edge (umap-learn: 2 for cosine, where such points are opposite; infinity for Euclidean).
SparseGraph umap_fuzzy_graph(const KnnGraph& knn, float disconnection_distance);

}  // namespace playground
