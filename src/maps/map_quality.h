// How faithful a map is to the vector space it shows, per map and per point:
//
// - trustworthiness (Venna & Kaski 2001; van der Maaten 2009), exactly scikit-learn 1.2's
//   sklearn.manifold.trustworthiness(X, X_map, n_neighbors=k, metric=...):
//     T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in N_i^k} max(0, r(i, j) - k),
//   where N_i^k are i's k nearest points on the map (Euclidean) and r(i, j) is j's rank among
//   i's neighbours in the vector space (1 = nearest; cosine by default). 1 means no point has a
//   map neighbour that is not also near in the space; scikit-learn requires k < n / 2.
// - kNN recall of each point: the share of its k nearest neighbours in the vector space that
//   are also among its k nearest on the map (1 = the map keeps its neighbourhood).
//
// Exact in both spaces: the input ranks come from full rows of distances (dot_tiles.h, O(n^2 d)
// time, O(n) memory per row block), the map neighbours from a full scan per point. Ties are
// ordered by index (scikit-learn's argsort leaves their order to the sort). 10,015 words of
// 100-d GloVe: 3.5-5 s natively, 5-10 s in WebAssembly under Node, measured by bench/maps.mjs
// on the shared (loaded) 2-core build machine; step() keeps each call short.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "maps/dot_tiles.h"
#include "maps/point_matrix.h"
#include "vectors/vector_store.h"

namespace playground {

struct MapQualityResult {
  size_t k = 0;
  double trustworthiness = 0;
  std::vector<float> recall;  // per point, in the order of the rows, each in [0, 1]
};

class MapQuality {
 public:
  // `coords`: rows.size() * dims map coordinates (row-major, in the order of `rows`), copied.
  // Throws Error(kBadArgument) for fewer than 3 words, repeated or invalid rows, a coords size
  // that is not rows.size() * dims, non-finite coordinates, or k outside [1, n / 2).
  MapQuality(const VectorStore& store, const std::vector<size_t>& rows, const std::vector<double>& coords,
             size_t dims, size_t k, Metric metric);
  ~MapQuality();

  // Does about `pair_budget` pair distances; true when the result is ready.
  bool step(size_t pair_budget = 1'000'000);
  bool done() const { return ranked_rows_ >= n_; }
  double progress() const;
  // The result (call after done()).
  MapQualityResult result() const;

 private:
  void map_neighbours(size_t row);
  void rank_block(size_t first_row);

  size_t n_, dims_, k_;
  Metric metric_;
  std::vector<double> coords_;
  PointMatrix points_;
  DotPanels panels_;
  std::vector<float> sq_norms_;
  std::vector<uint32_t> map_knn_;   // n * k
  size_t mapped_rows_ = 0;
  size_t ranked_rows_ = 0;
  double penalty_ = 0;              // sum of max(0, r - k)
  std::vector<float> recall_;
  std::vector<float> scratch_;
};

// The whole measure in one call.
MapQualityResult map_quality(const VectorStore& store, const std::vector<size_t>& rows,
                             const std::vector<double>& coords, size_t dims, size_t k, Metric metric);

}  // namespace playground
