// Exact k nearest neighbours of every point among all points: the neighbour graph t-SNE and
// UMAP start from. Brute force over all pairs (each unordered pair computed once), tiled so
// that one load of a point feeds several dot products (dot_tiles.h); the pairs are processed
// in row blocks so that a caller can spread the work over many short calls
// (ExactKnn::step) and report progress in between. For kEuclidean the candidates are ranked
// by |a|^2 + |b|^2 - 2 a.b in float, as scikit-learn computes Euclidean distances, so that
// points much closer together than their norms may be ordered by rounding; the distances
// reported are recomputed exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "maps/dot_tiles.h"
#include "maps/point_matrix.h"

namespace playground {

// Row i holds the k neighbours of point i, nearest first (ties: lower index first).
struct KnnGraph {
  size_t n = 0;
  size_t k = 0;
  std::vector<uint32_t> indices;  // n * k
  std::vector<float> distances;   // n * k: 1 - cos for kCosine, L2 distance for kEuclidean

  const uint32_t* neighbours(size_t i) const { return indices.data() + i * k; }
  const float* distances_of(size_t i) const { return distances.data() + i * k; }
};

class ExactKnn {
 public:
  // `points`: unit rows for kCosine (cosine is then a dot product), stored rows for
  // kEuclidean. With `include_self` each row starts with the point itself at distance 0
  // and holds k - 1 others (umap-learn's convention); without, k others (scikit-learn's
  // kneighbors()). Throws Error(kBadArgument) unless 1 <= k and the others fit in n - 1.
  ExactKnn(PointMatrix points, size_t k, Metric metric, bool include_self);

  // Does about `pair_budget` pair distances (at least one row block), then, once every pair
  // is done, sorts the rows and recomputes their distances in pieces of the same size; true
  // when all is done. 1e6 pairs of 100-d vectors take ~15 ms natively (see knn.cc).
  bool step(size_t pair_budget = kDefaultPairBudget);
  bool done() const { return finished_rows_ >= n_; }
  // Share of the pairs done so far, in [0, 1].
  double progress() const;
  // The graph; call once, after done(). Distances are recomputed in double precision for the
  // chosen neighbours, so they are exact to float rounding.
  KnnGraph take();

  static constexpr size_t kDefaultPairBudget = 1'000'000;

 private:
  void process_block(size_t first_row);
  void finish_row(size_t row);
  void push(size_t row, float distance, uint32_t other);
  void compact(size_t row);

  PointMatrix points_;
  size_t n_;
  size_t k_;             // neighbours per row in the result
  size_t k_others_;      // neighbours kept per row (k, or k - 1 with the point itself)
  size_t capacity_;      // candidates buffered per row before they are cut back to k_others_
  Metric metric_;
  bool include_self_;
  size_t next_row_ = 0;       // first row whose pairs are not done
  size_t finished_rows_ = 0;  // rows sorted into graph_
  bool taken_ = false;
  KnnGraph graph_;
  size_t pairs_done_ = 0;
  DotPanels panels_;
  std::vector<float> sq_norms_;    // squared norms for kEuclidean
  struct Candidate {
    float distance;
    uint32_t index;
  };
  std::vector<Candidate> candidates_;  // per row, capacity_ slots
  std::vector<uint32_t> counts_;       // candidates held per row
  std::vector<float> worst_;           // per row the k-th best after the last cut, +inf before
  std::vector<float> scratch_;
};

// The whole graph in one call (ExactKnn run to the end).
KnnGraph exact_knn(const PointMatrix& points, size_t k, Metric metric, bool include_self);

// Distance between two rows of `points` in double precision, as KnnGraph reports it (for
// kCosine the rows must be unit vectors, as gathered for it).
double point_distance(const PointMatrix& points, size_t a, size_t b, Metric metric);

}  // namespace playground
