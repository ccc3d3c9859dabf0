// t-SNE maps of word vectors (van der Maaten & Hinton 2008, "Visualizing Data using t-SNE";
// Barnes-Hut: van der Maaten 2014, "Accelerating t-SNE using Tree-Based Algorithms"), run as
// scikit-learn 1.2's TSNE(method="barnes_hut") runs it, as an object stepped by the caller:
//
//   1. exact k nearest neighbours, k = min(n - 1, floor(3 * perplexity + 1)), by cosine on the
//      stored vectors (or Euclidean), in row blocks;
//   2. P: per-point perplexity calibration on the squared neighbour distances, symmetrized
//      and normalised (tsne_affinities.h), O(n * k) memory;
//   3. gradient descent: early exaggeration 12 with momentum 0.5 for 250 iterations, then
//      momentum 0.8; per-coordinate gains (+0.2 when the gradient changes sign against the
//      update, x0.8 otherwise, at least 0.01); learning rate "auto" = max(n / 12 / 4, 50);
//      gains and update reset between the two phases; every 50 iterations the cost is taken
//      and the phase ends after `iterations_without_progress` iterations without a new best
//      cost (250 in the first phase) or when the gain-scaled gradient's norm falls to
//      min_grad_norm (a stop in the first phase starts the second, as in scikit-learn).
//
// Initialisation "pca" is PCA of the stored vectors (pca.h, scikit-learn's signs) scaled so
// that the first coordinate has standard deviation 1e-4; "random" is N(0, 1e-4^2) from the
// seed. The Student-t has max(dims - 1, 1) degrees of freedom, as in scikit-learn. For 3-D
// maps the gradient is the true derivative of the cost (see tsne_gradient.h).
//
// The repulsion is always Barnes-Hut (space_tree.h, one tree walk per group of 16 points).
// An FFT-interpolated gradient (FIt-SNE, Linderman et al. 2019) was measured and not used:
// with FIt-SNE's grid (3 nodes per unit box, at least 50 boxes per side) a 10,015-word map
// ~170 wide needs 2-D FFTs of ~1,000 x 1,000 per iteration; Eigen's FFT (kissfft) takes
// 3.5 ms for one 300 x 300 transform and 21 ms for 720 x 720 here, against ~14 ms for a
// whole Barnes-Hut iteration. The grid pays off for hundreds of thousands of points, not 10k.
//
// Memory is O(n * k): nothing n x n is ever allocated. Dropping the object cancels the run
// and frees everything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "maps/knn.h"
#include "maps/space_tree.h"
#include "maps/sparse_graph.h"
#include "vectors/vector_store.h"

namespace playground {

enum class TsneInit { kPca, kRandom };

// How the repulsive part of the gradient is computed: Barnes-Hut with `theta`, or the exact
// O(n^2) sum (small maps and tests only).
enum class TsneGradientMethod { kBarnesHut, kExact };

struct TsneOptions {
  size_t dims = 2;                 // 2 or 3
  double perplexity = 30;          // > 0 and < the number of words
  Metric metric = Metric::kCosine;
  size_t iterations = 1000;        // total, early exaggeration included (scikit-learn's n_iter); >= 1
  double early_exaggeration = 12;  // >= 1
  size_t exaggeration_iterations = 250;
  double learning_rate = 0;        // <= 0 means "auto"
  double theta = 0.5;              // Barnes-Hut accuracy in [0, 1] (scikit-learn's angle)
  TsneInit init = TsneInit::kPca;
  uint64_t seed = 0;               // used by init kRandom
  double min_grad_norm = 1e-7;
  size_t iterations_without_progress = 300;
  TsneGradientMethod gradient = TsneGradientMethod::kBarnesHut;
};

class Tsne {
 public:
  enum class Stage { kNeighbours, kAffinities, kOptimizing, kDone };
  enum class StopReason { kNone, kIterations, kNoProgress, kSmallGradient };

  // Validates the options against the selection and takes what it needs from the store
  // (the rows are copied; the store may go away afterwards). Runs the PCA for the initial
  // map here (~20 ms for 10,000 words natively). Throws Error(kBadArgument) for fewer than
  // 4 words, repeated or invalid rows, dims not 2 or 3, a perplexity not in (0, n), a
  // non-positive iteration count, theta outside [0, 1] or exaggeration below 1.
  Tsne(const VectorStore& store, const std::vector<size_t>& rows, const TsneOptions& options);
  ~Tsne();
  Tsne(const Tsne&) = delete;
  Tsne& operator=(const Tsne&) = delete;

  // While setting up (neighbours, then P), does one bounded piece of that work (about 10-20 ms
  // natively for 10,000 words) and returns false; once optimizing, does up to `iterations`
  // gradient steps. Returns true when the run is over (all iterations done or a stop check
  // fired); later calls do nothing and return true.
  bool step(size_t iterations);

  Stage stage() const { return stage_; }
  bool done() const { return stage_ == Stage::kDone; }
  StopReason stop_reason() const { return stop_reason_; }
  // Share of the setup done, in [0, 1] (1 once optimizing).
  double setup_progress() const;
  // Gradient steps done so far (scikit-learn's n_iter_ + 1 at the end).
  size_t iteration() const { return iteration_; }
  size_t size() const { return n_; }
  size_t dims() const { return options_.dims; }
  const TsneOptions& options() const { return options_; }
  double learning_rate() const { return learning_rate_; }

  // The current map: size() * dims() values, row-major, in the order of the rows given.
  // Before the first iteration it is the initial map.
  const std::vector<double>& coords() const { return y_; }

  // KL(P || Q) of the current map, with Z from the Barnes-Hut tree (or exact), computed on
  // request and cached until the next iteration: costs about one iteration. Before P exists
  // (during setup) returns NaN. Always the cost with the true P, also while exaggerating.
  double kl();

  // The input probabilities (empty until the setup is done).
  const SparseGraph& affinities() const { return p_; }

 private:
  void setup_piece();
  void iterate();
  double gradient(double p_scale, std::vector<double>* grad);

  TsneOptions options_;
  size_t n_;
  size_t k_;
  double dof_;
  double learning_rate_;
  Stage stage_ = Stage::kNeighbours;
  StopReason stop_reason_ = StopReason::kNone;

  std::unique_ptr<ExactKnn> knn_search_;
  KnnGraph knn_;
  size_t affinity_rows_done_ = 0;
  std::vector<float> conditional_;
  SparseGraph p_;

  std::vector<double> y_, update_, gains_, grad_;
  SpaceTree tree_;
  size_t iteration_ = 0;
  size_t phase_end_ = 0;      // first iteration of the next phase (or the end)
  bool exaggerating_ = true;
  double best_error_ = 0;
  size_t best_iteration_ = 0;

  double kl_ = 0;
  size_t kl_iteration_ = SIZE_MAX;
};

}  // namespace playground
