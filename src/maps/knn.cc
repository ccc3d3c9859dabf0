#include "maps/knn.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "common/error.h"

namespace playground {

// Performance notes (10,015 x 100-d GloVe, k = 90, one thread, measured with
// playground_map_cli --method knn on the shared 2-core build machine): the 4 x 8 tiles of
// dot_tiles.h; each unordered pair is computed once and offered to both rows.
// Selection rejects a candidate with one comparison against worst_, an array of n floats that
// stays in cache, and appends the others to the row's buffer of 2k; a full buffer is cut back
// to its k best with nth_element. Appending touches one cache line where a per-row heap's
// sift-down touched several: the heap version spent 36 % of the search in its pushes.
namespace {

constexpr size_t kPanel = DotPanels::kPanel;
constexpr size_t kQueries = DotPanels::kQueries;
constexpr size_t kMaxSortedRow = 256;  // rows up to this k are sorted on the stack


}  // namespace

double point_distance(const PointMatrix& points, size_t a, size_t b, Metric metric) {
  const float* x = points.row(a);
  const float* y = points.row(b);
  double s = 0;
  if (metric == Metric::kCosine) {  // the rows are unit vectors
    for (size_t d = 0; d < points.dim(); ++d) s += double(x[d]) * y[d];
    return std::min(2.0, std::max(0.0, 1.0 - s));
  }
  for (size_t d = 0; d < points.dim(); ++d) {
    const double t = double(x[d]) - y[d];
    s += t * t;
  }
  return std::sqrt(s);
}

ExactKnn::ExactKnn(PointMatrix points, size_t k, Metric metric, bool include_self)
    : points_(std::move(points)), n_(points_.size()), k_(k), metric_(metric), include_self_(include_self),
      panels_(points_) {
  const size_t available = include_self ? n_ : n_ - 1;
  if (k < 1 || n_ < 2 || k > available) {
    throw Error(ErrorCode::kBadArgument, "Nearest neighbours: k = " + std::to_string(k) + " needs between 1 and " +
                                             std::to_string(available) + " with " + std::to_string(n_) +
                                             " points.");
  }
  k_others_ = include_self ? k - 1 : k;
  const size_t dim = points_.dim();
  const size_t panels = panels_.panels();
  if (metric_ == Metric::kEuclidean) {
    sq_norms_.resize(n_);
    for (size_t i = 0; i < n_; ++i) {
      float s = 0;
      for (size_t d = 0; d < dim; ++d) s += points_.row(i)[d] * points_.row(i)[d];
      sq_norms_[i] = s;
    }
  }
  capacity_ = 2 * k_others_;
  candidates_.resize(n_ * capacity_);
  counts_.assign(n_, 0);
  worst_.assign(n_, k_others_ ? std::numeric_limits<float>::infinity() : -1.0f);
  scratch_.resize(kQueries * panels * kPanel);
}

double ExactKnn::progress() const {
  // The pairs are ~95 % of the work, the sorting of the rows the rest.
  const double total = double(n_) * double(n_ - 1) / 2;
  return done() ? 1.0 : 0.95 * std::min(1.0, double(pairs_done_) / total) + 0.05 * double(finished_rows_) / double(n_);
}

bool ExactKnn::step(size_t pair_budget) {
  size_t pairs = 0;
  while (next_row_ < n_ && (pairs == 0 || pairs < pair_budget)) {
    const size_t first = next_row_;
    process_block(first);
    next_row_ = std::min(n_, first + kQueries);
    for (size_t i = first; i < next_row_; ++i) pairs += n_ - 1 - i;
  }
  pairs_done_ += pairs;
  if (next_row_ < n_) return false;
  if (graph_.indices.empty()) {
    graph_.n = n_;
    graph_.k = k_;
    graph_.indices.resize(n_ * k_);
    graph_.distances.resize(n_ * k_);
  }
  // A finished row costs about as much as 4 * k tiled pair distances (random rows, sorting).
  size_t cost = pairs;
  while (finished_rows_ < n_ && (cost == 0 || cost < pair_budget)) {
    finish_row(finished_rows_++);
    cost += 4 * k_;
  }
  if (done()) {
    // The buffers and panels are no longer needed: free them now, not when the object dies.
    std::vector<Candidate>().swap(candidates_);
    panels_.clear();
    std::vector<float>().swap(scratch_);
  }
  return done();
}

void ExactKnn::push(size_t row, float distance, uint32_t other) {
  uint32_t& count = counts_[row];
  candidates_[row * capacity_ + count] = {distance, other};
  if (++count == capacity_) compact(row);
}

// Keeps the k_others_ best candidates of `row` in (distance, index) order, which makes the
// kept set the same whatever order the candidates came in.
void ExactKnn::compact(size_t row) {
  Candidate* c = candidates_.data() + row * capacity_;
  uint32_t& count = counts_[row];
  if (count <= k_others_) return;
  std::nth_element(c, c + (k_others_ - 1), c + count, [](const Candidate& a, const Candidate& b) {
    return a.distance < b.distance || (a.distance == b.distance && a.index < b.index);
  });
  count = uint32_t(k_others_);
  worst_[row] = c[k_others_ - 1].distance;
}

void ExactKnn::process_block(size_t first_row) {
  if (k_others_ == 0) return;
  const size_t rows = std::min(kQueries, n_ - first_row);
  const float* q[kQueries];
  for (size_t r = 0; r < kQueries; ++r) q[r] = points_.row(first_row + std::min(r, rows - 1));
  const size_t panels = panels_.panels();
  const size_t first_panel = first_row / kPanel;
  float* out = scratch_.data();
  panels_.dots(q, first_panel, out);
  const bool cosine = metric_ == Metric::kCosine;
  for (size_t r = 0; r < rows; ++r) {
    const size_t i = first_row + r;
    const float sq_i = cosine ? 0.0f : sq_norms_[i];
    for (size_t p = first_panel; p < panels; ++p) {
      const float* dots = out + (p - first_panel) * kQueries * kPanel + r * kPanel;
      const size_t base = p * kPanel;
      const size_t lane_begin = i + 1 > base ? i + 1 - base : 0;
      const size_t lane_end = std::min(kPanel, n_ - base);
      for (size_t lane = lane_begin; lane < lane_end; ++lane) {
        const size_t j = base + lane;
        // Selection by 1 - cos, or by the squared distance (same order as the distance).
        const float d = cosine ? 1.0f - dots[lane] : std::max(0.0f, sq_i + sq_norms_[j] - 2.0f * dots[lane]);
        if (d <= worst_[i]) push(i, d, uint32_t(j));
        if (d <= worst_[j]) push(j, d, uint32_t(i));
      }
    }
  }
}

void ExactKnn::finish_row(size_t i) {
  compact(i);
  const size_t count = counts_[i];
  std::pair<double, uint32_t> row[kMaxSortedRow];
  std::vector<std::pair<double, uint32_t>> long_row;
  std::pair<double, uint32_t>* entries = row;
  if (count > kMaxSortedRow) {
    long_row.resize(count);
    entries = long_row.data();
  }
  for (size_t m = 0; m < count; ++m) {
    const uint32_t j = candidates_[i * capacity_ + m].index;
    entries[m] = {point_distance(points_, i, j, metric_), j};
  }
  std::sort(entries, entries + count);
  size_t out = i * k_;
  if (include_self_) {
    graph_.indices[out] = uint32_t(i);
    graph_.distances[out] = 0.0f;
    ++out;
  }
  for (size_t m = 0; m < count; ++m, ++out) {
    graph_.indices[out] = entries[m].second;
    graph_.distances[out] = float(entries[m].first);
  }
}

KnnGraph ExactKnn::take() {
  if (!done() || taken_) {
    throw Error(ErrorCode::kBadArgument, "Nearest neighbours: take() needs a finished search and works once.");
  }
  taken_ = true;
  return std::move(graph_);
}

KnnGraph exact_knn(const PointMatrix& points, size_t k, Metric metric, bool include_self) {
  ExactKnn search(points, k, metric, include_self);
  while (!search.step()) {
  }
  return search.take();
}

}  // namespace playground
