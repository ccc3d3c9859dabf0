// t-SNE's input similarities P from the k nearest neighbours (van der Maaten 2014, section
// 4.1), as scikit-learn 1.2's TSNE(method="barnes_hut") computes them: squared neighbour
// distances (for metric="cosine" scikit-learn squares the cosine distance 1 - cos, exactly as
// it squares the Euclidean one), per-point Gaussians calibrated to the perplexity, then
// P = (C + C^T) / sum(C + C^T) over the sparse union of the neighbour lists.
#pragma once

#include <cstddef>

#include "maps/knn.h"
#include "maps/sparse_graph.h"

namespace playground {

// scikit-learn's neighbour count for a perplexity: min(n - 1, floor(3 * perplexity + 1)).
size_t tsne_neighbour_count(size_t n, double perplexity);

// The joint probabilities from a neighbour graph without the points themselves (ExactKnn
// with include_self = false). Entries sum to 1. The caller checks 0 < perplexity <= knn.k.
// Same as tsne_conditional_rows over all rows, then tsne_joint_probabilities.
SparseGraph tsne_affinities(const KnnGraph& knn, double perplexity);

// The two halves, so that a caller can spread the calibration over several calls:
// conditional p_{j|i} of rows [first, first + count) into conditional[first * k ...].
void tsne_conditional_rows(const KnnGraph& knn, double perplexity, size_t first, size_t count,
                           float* conditional);
// P = (C + C^T) / sum from all n * k conditional probabilities.
SparseGraph tsne_joint_probabilities(const KnnGraph& knn, const float* conditional);

}  // namespace playground
