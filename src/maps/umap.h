// UMAP maps of word vectors (McInnes, Healy & Melville 2018, "UMAP: Uniform Manifold
// Approximation and Projection for Dimension Reduction"), run as umap-learn 0.5's
// UMAP(...).fit does it, as an object stepped by the caller:
//
//   1. exact k nearest neighbours (each point its own first neighbour, k = n_neighbors), by
//      cosine on the stored vectors (or Euclidean), in row blocks; umap-learn is exact below
//      4,096 points and uses approximate NN-descent above;
//   2. the fuzzy simplicial set (umap_graph.h), edges below max / n_epochs dropped;
//   3. spectral initial layout (spectral_layout.h), scaled so that the largest |coordinate| is
//      10, plus N(0, 1e-4^2) noise, then each axis rescaled to [0, 10];
//   4. n_epochs of stochastic gradient descent on the fuzzy cross-entropy: every edge sampled
//      every max_w / w epochs, attracting both ends with gradient
//      -2ab d^(2(b-1)) / (1 + a d^2b) (y_i - y_j); per sample negative_sample_rate uniformly
//      drawn points repelled with 2 gamma b / ((0.001 + d^2)(1 + a d^2b)) (y_i - y_k); each
//      gradient coordinate clipped to [-4, 4]; learning rate falling linearly from 1 to 0.
//      a and b come from min_dist and spread (umap_curve.h). n_epochs defaults to 500 for at
//      most 10,000 points and 200 above, as umap-learn.
//
// One thread, deterministic for a seed: the random numbers (initial noise, negative samples)
// come from the core's generator (common/random.h), so the maps are not umap-learn's numbers
// but the same algorithm. Dropping the object cancels the run and frees everything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "common/random.h"
#include "maps/knn.h"
#include "maps/sparse_graph.h"
#include "maps/spectral_layout.h"
#include "maps/umap_curve.h"
#include "vectors/vector_store.h"

namespace playground {

enum class UmapInit { kSpectral, kRandom };

struct UmapOptions {
  size_t dims = 2;                  // 2 or 3
  size_t neighbors = 15;            // n_neighbors, the point itself included; 2 .. n - 1
  double min_dist = 0.1;            // 0 .. spread
  double spread = 1.0;              // > 0
  size_t epochs = 0;                // 0: 500 for n <= 10,000, else 200
  Metric metric = Metric::kCosine;
  uint64_t seed = 0;
  UmapInit init = UmapInit::kSpectral;
  double learning_rate = 1.0;       // initial alpha, > 0
  size_t negative_sample_rate = 5;
  double repulsion_strength = 1.0;  // gamma, >= 0
};

class Umap {
 public:
  enum class Stage { kNeighbours, kGraph, kLayout, kOptimizing, kDone };

  // Validates and copies the selected rows. Throws Error(kBadArgument) for fewer than 4
  // words, repeated or invalid rows, dims not 2 or 3, neighbors outside [2, n - 1], min_dist
  // outside [0, spread], spread, learning rate or repulsion not positive.
  Umap(const VectorStore& store, const std::vector<size_t>& rows, const UmapOptions& options);
  ~Umap();
  Umap(const Umap&) = delete;
  Umap& operator=(const Umap&) = delete;

  // While setting up (neighbours, graph, spectral layout) does one bounded piece of that work
  // (about 10-20 ms natively for 10,000 words) and returns false; then up to `epochs` epochs.
  // True when all epochs are done; later calls do nothing.
  bool step(size_t epochs);

  Stage stage() const { return stage_; }
  bool done() const { return stage_ == Stage::kDone; }
  double setup_progress() const;
  size_t epoch() const { return epoch_; }
  size_t epochs() const { return epochs_; }
  size_t size() const { return n_; }
  size_t dims() const { return options_.dims; }
  double a() const { return curve_.a; }
  double b() const { return curve_.b; }

  // The current map, size() * dims() values (zeros until the layout is done).
  const std::vector<float>& coords() const { return y_; }
  // The fuzzy graph after pruning (empty until built).
  const SparseGraph& graph() const { return graph_; }

 private:
  void build_graph();
  void start_layout();
  void begin_optimizing(const std::vector<double>& init);
  void run_epoch();

  UmapOptions options_;
  size_t n_;
  size_t epochs_;
  UmapCurve curve_;
  Stage stage_ = Stage::kNeighbours;
  std::unique_ptr<PointMatrix> points_;
  std::unique_ptr<ExactKnn> knn_search_;
  SparseGraph graph_;
  std::unique_ptr<SpectralLayout> layout_;
  Random rng_;

  std::vector<float> y_;
  std::vector<uint32_t> head_, tail_;
  std::vector<double> epochs_per_sample_, next_sample_, epochs_per_negative_, next_negative_;
  size_t epoch_ = 0;
  double alpha_ = 1.0;
};

}  // namespace playground
