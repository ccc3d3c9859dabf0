#include "maps/map_quality.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "common/error.h"

namespace playground {

namespace {

constexpr size_t kPanel = DotPanels::kPanel;
constexpr size_t kQueries = DotPanels::kQueries;

std::vector<double> checked_coords(const std::vector<size_t>& rows, const std::vector<double>& coords, size_t dims,
                                   size_t k) {
  const size_t n = rows.size();
  if (dims < 1 || coords.size() != n * dims) {
    throw Error(ErrorCode::kBadArgument, "Map quality needs " + std::to_string(n) + " x " + std::to_string(dims) +
                                             " coordinates, got " + std::to_string(coords.size()) + ".");
  }
  for (double v : coords) {
    if (!std::isfinite(v)) throw Error(ErrorCode::kBadArgument, "Map quality: the map has a coordinate that is not a finite number.");
  }
  if (k < 1 || 2 * k >= n) {
    throw Error(ErrorCode::kBadArgument, "Map quality: k must be at least 1 and below half the number of words (" +
                                             std::to_string(n) + " / 2), not " + std::to_string(k) + ".");
  }
  return coords;
}

}  // namespace

MapQuality::MapQuality(const VectorStore& store, const std::vector<size_t>& rows, const std::vector<double>& coords,
                       size_t dims, size_t k, Metric metric)
    : n_(rows.size()),
      dims_(dims),
      k_(k),
      metric_(metric),
      coords_((check_rows(store, rows, 3, "Map quality"), checked_coords(rows, coords, dims, k))),
      points_(PointMatrix::gather(store, rows, metric == Metric::kCosine)),
      panels_(points_) {
  if (metric_ == Metric::kEuclidean) {
    sq_norms_.resize(n_);
    for (size_t i = 0; i < n_; ++i) {
      float s = 0;
      for (size_t d = 0; d < points_.dim(); ++d) s += points_.row(i)[d] * points_.row(i)[d];
      sq_norms_[i] = s;
    }
  }
  map_knn_.resize(n_ * k_);
  recall_.assign(n_, 0.0f);
  scratch_.resize(kQueries * panels_.panels() * kPanel);
}

MapQuality::~MapQuality() = default;

double MapQuality::progress() const {
  // A map row costs ~n cheap distances, an input row ~n dot products of the vectors' length.
  return done() ? 1.0 : 0.1 * double(mapped_rows_) / double(n_) + 0.9 * double(ranked_rows_) / double(n_);
}

// The k nearest other points of `row` on the map, nearest first (ties: lower index).
void MapQuality::map_neighbours(size_t row) {
  std::vector<std::pair<double, uint32_t>> all;
  all.reserve(n_ - 1);
  const double* y = coords_.data() + row * dims_;
  for (size_t j = 0; j < n_; ++j) {
    if (j == row) continue;
    double d2 = 0;
    for (size_t d = 0; d < dims_; ++d) d2 += (y[d] - coords_[j * dims_ + d]) * (y[d] - coords_[j * dims_ + d]);
    all.emplace_back(d2, uint32_t(j));
  }
  std::nth_element(all.begin(), all.begin() + long(k_ - 1), all.end());
  std::sort(all.begin(), all.begin() + long(k_));
  for (size_t m = 0; m < k_; ++m) map_knn_[row * k_ + m] = all[m].second;
}

// Input-space ranks of each row's map neighbours, for 4 rows at a time.
void MapQuality::rank_block(size_t first_row) {
  const size_t rows = std::min(kQueries, n_ - first_row);
  const float* q[kQueries];
  for (size_t r = 0; r < kQueries; ++r) q[r] = points_.row(first_row + std::min(r, rows - 1));
  panels_.dots(q, 0, scratch_.data());
  std::vector<std::pair<float, uint32_t>> thresholds(k_);
  std::vector<uint32_t> below(k_ + 1);
  for (size_t r = 0; r < rows; ++r) {
    const size_t i = first_row + r;
    // key(l) orders the points by distance from i: -cos, or |l|^2 - 2 i.l for Euclidean.
    auto key = [&](size_t l) {
      const float dot = scratch_[(l / kPanel) * kQueries * kPanel + r * kPanel + l % kPanel];
      return metric_ == Metric::kCosine ? -dot : sq_norms_[l] - 2.0f * dot;
    };
    for (size_t m = 0; m < k_; ++m) {
      const uint32_t j = map_knn_[i * k_ + m];
      thresholds[m] = {key(j), j};
    }
    std::sort(thresholds.begin(), thresholds.end());
    // below[m] = how many points come before threshold m (in (key, index) order), by one
    // pass with a binary search per point.
    std::fill(below.begin(), below.end(), 0u);
    for (size_t l = 0; l < n_; ++l) {
      if (l == i) continue;
      const std::pair<float, uint32_t> p = {key(l), uint32_t(l)};
      const size_t slot = size_t(std::upper_bound(thresholds.begin(), thresholds.end(), p) - thresholds.begin());
      ++below[slot];
    }
    size_t before = 0, kept = 0;
    for (size_t m = 0; m < k_; ++m) {
      before += below[m];  // points strictly before threshold m (earlier thresholds included)
      const size_t rank = before + 1;
      if (rank > k_) penalty_ += double(rank - k_);
      else ++kept;
    }
    recall_[i] = float(double(kept) / double(k_));
  }
}

bool MapQuality::step(size_t pair_budget) {
  size_t cost = 0;
  while (mapped_rows_ < n_ && (cost == 0 || cost < pair_budget)) {
    map_neighbours(mapped_rows_++);
    cost += n_ / 8 + 1;  // a map distance is ~1/8 of a 100-d dot product
  }
  while (mapped_rows_ == n_ && ranked_rows_ < n_ && (cost == 0 || cost < pair_budget)) {
    rank_block(ranked_rows_);
    ranked_rows_ = std::min(n_, ranked_rows_ + kQueries);
    cost += kQueries * n_;
  }
  if (done()) panels_.clear();
  return done();
}

MapQualityResult MapQuality::result() const {
  if (!done()) throw Error(ErrorCode::kBadArgument, "Map quality: result() before the measure is done.");
  MapQualityResult out;
  out.k = k_;
  const double n = double(n_), k = double(k_);
  out.trustworthiness = 1.0 - penalty_ * (2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)));
  out.recall = recall_;
  return out;
}

MapQualityResult map_quality(const VectorStore& store, const std::vector<size_t>& rows,
                             const std::vector<double>& coords, size_t dims, size_t k, Metric metric) {
  MapQuality q(store, rows, coords, dims, k, metric);
  while (!q.step()) {
  }
  return q.result();
}

}  // namespace playground
