#include "maps/umap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/error.h"
#include "maps/arguments.h"
#include "maps/umap_graph.h"

namespace playground {

namespace {

constexpr size_t kProductsPerPiece = 10;  // eigen-solver products per setup piece (~1.5 ms each at 10k)

inline double clip(double v) { return v > 4.0 ? 4.0 : (v < -4.0 ? -4.0 : v); }

}  // namespace

Umap::Umap(const VectorStore& store, const std::vector<size_t>& rows, const UmapOptions& options)
    : options_(options), n_(rows.size()), rng_(options.seed) {
  check_rows(store, rows, std::max<size_t>(4, options.dims + 2), "UMAP");
  if (options.dims != 2 && options.dims != 3) bad_argument("UMAP maps have 2 or 3 dimensions, not " + std::to_string(options.dims) + ".");
  if (options.neighbors < 2 || options.neighbors > n_ - 1) {
    bad_argument("UMAP neighbours must be between 2 and " + std::to_string(n_ - 1) + " (one less than the " +
        std::to_string(n_) + " words), not " + std::to_string(options.neighbors) + ".");
  }
  if (!(options.spread > 0)) bad_argument("UMAP spread must be positive, not " + format_number(options.spread) + ".");
  if (!(options.min_dist >= 0 && options.min_dist <= options.spread)) {
    bad_argument("UMAP min_dist must be between 0 and the spread (" + format_number(options.spread) + "), not " + format_number(options.min_dist) + ".");
  }
  if (!(options.learning_rate > 0)) bad_argument("UMAP learning rate must be positive.");
  if (!(options.repulsion_strength >= 0)) bad_argument("UMAP repulsion strength must not be negative.");

  curve_ = find_ab_params(options.spread, options.min_dist);
  epochs_ = options.epochs > 0 ? options.epochs : (n_ <= 10000 ? 500 : 200);
  points_ = std::make_unique<PointMatrix>(PointMatrix::gather(store, rows, options.metric == Metric::kCosine));
  knn_search_ = std::make_unique<ExactKnn>(*points_, options.neighbors, options.metric, true);
}

Umap::~Umap() = default;

double Umap::setup_progress() const {
  switch (stage_) {
    case Stage::kNeighbours: return 0.8 * knn_search_->progress();
    case Stage::kGraph: return 0.8;
    case Stage::kLayout: return 0.85;
    default: return 1.0;
  }
}

void Umap::build_graph() {
  const KnnGraph knn = knn_search_->take();
  knn_search_.reset();
  const float disconnection = options_.metric == Metric::kCosine ? 2.0f : std::numeric_limits<float>::infinity();
  SparseGraph full = umap_fuzzy_graph(knn, disconnection);
  // umap-learn's simplicial_set_embedding: drop edges too weak to be sampled in n_epochs.
  float w_max = 0;
  for (float w : full.values) w_max = std::max(w_max, w);
  const size_t default_epochs = n_ <= 10000 ? 500 : 200;
  const float threshold = w_max / float(epochs_ > 10 ? epochs_ : default_epochs);
  graph_.n = n_;
  graph_.row_start.assign(n_ + 1, 0);
  for (size_t i = 0; i < n_; ++i) {
    for (uint32_t e = full.row_start[i]; e < full.row_start[i + 1]; ++e) {
      if (full.values[e] < threshold) continue;
      graph_.cols.push_back(full.cols[e]);
      graph_.values.push_back(full.values[e]);
    }
    graph_.row_start[i + 1] = uint32_t(graph_.cols.size());
  }
  // The edges to sample, both directions, in row order; make_epochs_per_sample in float32.
  head_.resize(graph_.nnz());
  tail_.resize(graph_.nnz());
  epochs_per_sample_.resize(graph_.nnz());
  for (size_t i = 0; i < n_; ++i) {
    for (uint32_t e = graph_.row_start[i]; e < graph_.row_start[i + 1]; ++e) {
      head_[e] = uint32_t(i);
      tail_[e] = graph_.cols[e];
      const float samples = float(epochs_) * (graph_.values[e] / w_max);
      epochs_per_sample_[e] = samples > 0 ? double(epochs_) / double(samples) : -1.0;
    }
  }
}

void Umap::begin_optimizing(const std::vector<double>& init) {
  const size_t dims = options_.dims;
  y_.assign(n_ * dims, 0.0f);
  if (options_.init == UmapInit::kSpectral) {
    double largest = 0;
    for (double v : init) largest = std::max(largest, std::fabs(v));
    const double expansion = largest > 0 ? 10.0 / largest : 1.0;
    for (size_t e = 0; e < y_.size(); ++e) y_[e] = float(init[e] * expansion) + float(1e-4 * rng_.normal());
  } else {
    for (float& v : y_) v = float(20 * rng_.uniform() - 10);
  }
  for (size_t d = 0; d < dims; ++d) {  // each axis to [0, 10]
    float lo = y_[d], hi = y_[d];
    for (size_t i = 0; i < n_; ++i) {
      lo = std::min(lo, y_[i * dims + d]);
      hi = std::max(hi, y_[i * dims + d]);
    }
    const float range = hi - lo;
    for (size_t i = 0; i < n_; ++i) y_[i * dims + d] = range > 0 ? 10.0f * (y_[i * dims + d] - lo) / range : 0.0f;
  }
  const double rate = double(options_.negative_sample_rate);
  next_sample_ = epochs_per_sample_;
  epochs_per_negative_.resize(epochs_per_sample_.size());
  for (size_t e = 0; e < epochs_per_sample_.size(); ++e) epochs_per_negative_[e] = epochs_per_sample_[e] / rate;
  next_negative_ = epochs_per_negative_;
  alpha_ = options_.learning_rate;
  layout_.reset();
  points_.reset();
  stage_ = Stage::kOptimizing;
}

void Umap::run_epoch() {
  const size_t dims = options_.dims;
  const double a = curve_.a, b = curve_.b, gamma = options_.repulsion_strength;
  const float b_float = float(b);
  const double n = double(epoch_);
  const bool negatives = options_.negative_sample_rate > 0;
  for (size_t e = 0; e < head_.size(); ++e) {
    if (!(next_sample_[e] <= n)) continue;
    const uint32_t j = head_[e];
    float* current = y_.data() + size_t(j) * dims;
    float* other = y_.data() + size_t(tail_[e]) * dims;
    float dist_sq = 0;
    for (size_t d = 0; d < dims; ++d) dist_sq += (current[d] - other[d]) * (current[d] - other[d]);
    double coeff = 0;
    if (dist_sq > 0) {
      // d^(2(b-1)) = d^2b / d^2: one pow instead of umap-learn's two. pow dominates an epoch,
      // and in float (the precision of the map's coordinates) it takes ~half the time.
      const double pow_b = std::pow(dist_sq, b_float);
      coeff = -2.0 * a * b * (pow_b / dist_sq) / (a * pow_b + 1.0);
    }
    for (size_t d = 0; d < dims; ++d) {
      const double g = clip(coeff * (current[d] - other[d]));
      current[d] = float(current[d] + g * alpha_);
      other[d] = float(other[d] - g * alpha_);
    }
    next_sample_[e] += epochs_per_sample_[e];
    if (!negatives) continue;
    const int64_t count = int64_t((n - next_negative_[e]) / epochs_per_negative_[e]);
    for (int64_t p = 0; p < count; ++p) {
      const uint32_t k = uint32_t(rng_.below(n_));
      other = y_.data() + size_t(k) * dims;
      dist_sq = 0;
      for (size_t d = 0; d < dims; ++d) dist_sq += (current[d] - other[d]) * (current[d] - other[d]);
      if (dist_sq > 0) {
        coeff = 2.0 * gamma * b / ((0.001 + dist_sq) * (a * std::pow(dist_sq, b_float) + 1.0));
      } else if (j == k) {
        continue;
      } else {
        coeff = 0;
      }
      for (size_t d = 0; d < dims; ++d) {
        const double g = coeff > 0 ? clip(coeff * (current[d] - other[d])) : 4.0;
        current[d] = float(current[d] + g * alpha_);
      }
    }
    next_negative_[e] += double(count) * epochs_per_negative_[e];
  }
  alpha_ = options_.learning_rate * (1.0 - n / double(epochs_));
  ++epoch_;
  if (epoch_ >= epochs_) stage_ = Stage::kDone;
}

bool Umap::step(size_t epochs) {
  switch (stage_) {
    case Stage::kNeighbours:
      if (knn_search_->step()) stage_ = Stage::kGraph;
      return false;
    case Stage::kGraph:
      build_graph();
      if (options_.init == UmapInit::kSpectral) {
        layout_ = std::make_unique<SpectralLayout>(graph_, *points_, options_.metric, options_.dims, options_.seed);
        stage_ = Stage::kLayout;
      } else {
        begin_optimizing({});
      }
      return false;
    case Stage::kLayout:
      if (layout_->step(kProductsPerPiece)) {
        const std::vector<double> init = layout_->coords();
        begin_optimizing(init);
      }
      return false;
    case Stage::kOptimizing:
      for (size_t t = 0; t < epochs && stage_ == Stage::kOptimizing; ++t) run_epoch();
      return done();
    case Stage::kDone:
      return true;
  }
  return done();
}

}  // namespace playground
