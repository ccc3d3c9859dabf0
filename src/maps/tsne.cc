#include "maps/tsne.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/error.h"
#include "maps/arguments.h"
#include "common/random.h"
#include "maps/point_matrix.h"
#include "maps/tsne_affinities.h"
#include "maps/tsne_gradient.h"
#include "vectors/pca.h"

namespace playground {

namespace {

constexpr size_t kCheckEvery = 50;              // scikit-learn's _N_ITER_CHECK
constexpr size_t kExplorationPatience = 250;    // n_iter_without_progress in the first phase
constexpr double kMinGain = 0.01;
constexpr size_t kAffinityBudget = 60'000;      // rows x k per setup piece

}  // namespace

Tsne::Tsne(const VectorStore& store, const std::vector<size_t>& rows, const TsneOptions& options)
    : options_(options), n_(rows.size()), tree_(options.dims == 3 ? 3 : 2) {
  check_rows(store, rows, 4, "t-SNE");
  if (options.dims != 2 && options.dims != 3) bad_argument("t-SNE maps have 2 or 3 dimensions, not " + std::to_string(options.dims) + ".");
  if (!(options.perplexity > 0) || !(options.perplexity < double(n_))) {
    bad_argument("t-SNE perplexity must be above 0 and below the number of words (" + std::to_string(n_) + "), not " +
        format_number(options.perplexity) + "; try " + format_number(std::max(1.0, std::min(30.0, std::floor((n_ - 1) / 3.0)))) + ".");
  }
  if (options.iterations < 1) bad_argument("t-SNE needs at least 1 iteration.");
  if (!(options.theta >= 0 && options.theta <= 1)) bad_argument("t-SNE theta (angle) must be between 0 and 1, not " + format_number(options.theta) + ".");
  if (!(options.early_exaggeration >= 1)) bad_argument("t-SNE early exaggeration must be at least 1, not " + format_number(options.early_exaggeration) + ".");
  if (!(options.min_grad_norm >= 0)) bad_argument("t-SNE min_grad_norm must not be negative.");
  if (std::isnan(options.learning_rate)) bad_argument("t-SNE learning rate must be a number or \"auto\" (0).");

  k_ = tsne_neighbour_count(n_, options.perplexity);
  dof_ = std::max(double(options.dims) - 1.0, 1.0);
  learning_rate_ = options.learning_rate > 0 ? options.learning_rate
                                             : std::max(double(n_) / options.early_exaggeration / 4.0, 50.0);

  const size_t dims = options.dims;
  y_.assign(n_ * dims, 0.0);
  if (options.init == TsneInit::kPca) {
    const PcaResult init = pca(store, rows, dims, false);
    double mean = 0, var = 0;
    for (size_t i = 0; i < n_; ++i) mean += init.coords[i * dims];
    mean /= double(n_);
    for (size_t i = 0; i < n_; ++i) var += (init.coords[i * dims] - mean) * (init.coords[i * dims] - mean);
    const double sd = std::sqrt(var / double(n_));  // np.std: ddof = 0
    const double scale = sd > 0 ? 1e-4 / sd : 1.0;
    for (size_t e = 0; e < y_.size(); ++e) y_[e] = init.coords[e] * scale;
  } else {
    Random rng(options.seed);
    for (double& v : y_) v = 1e-4 * rng.normal();
  }
  update_.assign(y_.size(), 0.0);
  gains_.assign(y_.size(), 1.0);
  grad_.assign(y_.size(), 0.0);
  phase_end_ = std::min(options.exaggeration_iterations, options.iterations);
  exaggerating_ = phase_end_ > 0;
  if (!exaggerating_) phase_end_ = options.iterations;
  best_error_ = std::numeric_limits<double>::max();
  best_iteration_ = 0;

  const bool cosine = options.metric == Metric::kCosine;
  knn_search_ = std::make_unique<ExactKnn>(PointMatrix::gather(store, rows, cosine), k_, options.metric, false);
}

Tsne::~Tsne() = default;

double Tsne::setup_progress() const {
  switch (stage_) {
    case Stage::kNeighbours: return 0.8 * knn_search_->progress();
    case Stage::kAffinities: return 0.8 + 0.2 * double(affinity_rows_done_) / double(n_);
    default: return 1.0;
  }
}

void Tsne::setup_piece() {
  if (stage_ == Stage::kNeighbours) {
    if (knn_search_->step()) {
      knn_ = knn_search_->take();
      knn_search_.reset();
      conditional_.assign(n_ * k_, 0.0f);
      stage_ = Stage::kAffinities;
    }
    return;
  }
  const size_t rows = std::min(n_ - affinity_rows_done_, std::max<size_t>(1, kAffinityBudget / k_));
  tsne_conditional_rows(knn_, options_.perplexity, affinity_rows_done_, rows, conditional_.data());
  affinity_rows_done_ += rows;
  if (affinity_rows_done_ == n_) {
    p_ = tsne_joint_probabilities(knn_, conditional_.data());
    knn_ = KnnGraph();
    std::vector<float>().swap(conditional_);
    stage_ = Stage::kOptimizing;
  }
}

double Tsne::gradient(double p_scale, std::vector<double>* grad) {
  if (options_.gradient == TsneGradientMethod::kExact) {
    return tsne_exact_gradient(p_, y_.data(), options_.dims, dof_, p_scale, grad->data());
  }
  return tsne_barnes_hut_gradient(p_, y_.data(), options_.dims, dof_, p_scale, options_.theta, &tree_, grad->data());
}

void Tsne::iterate() {
  const size_t i = iteration_;
  const bool check = (i + 1) % kCheckEvery == 0;
  const double z = gradient(exaggerating_ ? options_.early_exaggeration : 1.0, &grad_);
  // The cost before this update, as scikit-learn's "error". In the first phase scikit-learn
  // takes it with the exaggerated P, which is a*KL + b with a > 0: the same best-so-far order.
  const double error = check ? tsne_kl_divergence(p_, y_.data(), options_.dims, dof_, z) : 0.0;
  const double momentum = exaggerating_ ? 0.5 : 0.8;
  double grad_norm_sq = 0;
  for (size_t e = 0; e < y_.size(); ++e) {
    double& gain = gains_[e];
    gain = update_[e] * grad_[e] < 0.0 ? gain + 0.2 : gain * 0.8;
    if (gain < kMinGain) gain = kMinGain;
    const double g = grad_[e] * gain;
    grad_norm_sq += g * g;
    update_[e] = momentum * update_[e] - learning_rate_ * g;
    y_[e] += update_[e];
  }
  ++iteration_;

  bool phase_over = iteration_ == phase_end_;
  if (check) {
    const size_t patience = exaggerating_ ? kExplorationPatience : options_.iterations_without_progress;
    if (error < best_error_) {
      best_error_ = error;
      best_iteration_ = i;
    } else if (i - best_iteration_ > patience) {
      phase_over = true;
      stop_reason_ = StopReason::kNoProgress;
    }
    if (std::sqrt(grad_norm_sq) <= options_.min_grad_norm) {
      phase_over = true;
      stop_reason_ = StopReason::kSmallGradient;
    }
  }
  if (!phase_over) return;
  if (exaggerating_ && iteration_ < options_.iterations) {
    // Second phase: true P, momentum 0.8, fresh gains and update, a new best-cost record.
    exaggerating_ = false;
    stop_reason_ = StopReason::kNone;
    phase_end_ = options_.iterations;
    std::fill(update_.begin(), update_.end(), 0.0);
    std::fill(gains_.begin(), gains_.end(), 1.0);
    best_error_ = std::numeric_limits<double>::max();
    best_iteration_ = iteration_;
    return;
  }
  if (stop_reason_ == StopReason::kNone) stop_reason_ = StopReason::kIterations;
  stage_ = Stage::kDone;
}

bool Tsne::step(size_t iterations) {
  if (stage_ == Stage::kNeighbours || stage_ == Stage::kAffinities) {
    setup_piece();
    return false;
  }
  for (size_t t = 0; t < iterations && stage_ == Stage::kOptimizing; ++t) iterate();
  return done();
}

double Tsne::kl() {
  if (p_.n == 0) return std::numeric_limits<double>::quiet_NaN();
  if (kl_iteration_ != iteration_) {
    std::vector<double> scratch(y_.size());
    const double z = gradient(1.0, &scratch);
    kl_ = tsne_kl_divergence(p_, y_.data(), options_.dims, dof_, z);
    kl_iteration_ = iteration_;
  }
  return kl_;
}

}  // namespace playground
