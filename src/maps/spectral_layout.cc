#include "maps/spectral_layout.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>

namespace playground {

namespace {
constexpr size_t kMaxMetaComponents = 1000;

// scikit-learn's spectral_embedding(affinity, n_components=dims, drop_first=True,
// norm_laplacian=True) on a small dense affinity matrix: rows of the result are the points.
std::vector<double> dense_spectral_embedding(const Eigen::MatrixXd& affinity, size_t dims) {
  const Eigen::Index c = affinity.rows();
  Eigen::MatrixXd a = affinity;
  a.diagonal().setZero();  // scipy's laplacian ignores the diagonal
  Eigen::VectorXd dd = a.rowwise().sum().cwiseSqrt();
  for (Eigen::Index i = 0; i < c; ++i) {
    if (dd[i] == 0) dd[i] = 1;  // isolated: scipy sets its degree to 1
  }
  Eigen::MatrixXd l = -(dd.cwiseInverse().asDiagonal() * a * dd.cwiseInverse().asDiagonal());
  l.diagonal().setOnes();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(l);
  std::vector<double> out(size_t(c) * dims, 0.0);
  for (size_t k = 0; k < dims && Eigen::Index(k + 1) < c; ++k) {
    Eigen::VectorXd v = es.eigenvectors().col(Eigen::Index(k + 1)).cwiseQuotient(dd);
    Eigen::Index largest = 0;
    v.cwiseAbs().maxCoeff(&largest);
    if (v[largest] < 0) v = -v;
    for (Eigen::Index i = 0; i < c; ++i) out[size_t(i) * dims + k] = v[i];
  }
  return out;
}
}  // namespace

size_t connected_components(const SparseGraph& graph, std::vector<uint32_t>* labels) {
  const uint32_t none = std::numeric_limits<uint32_t>::max();
  labels->assign(graph.n, none);
  std::vector<uint32_t> queue;
  uint32_t count = 0;
  for (size_t start = 0; start < graph.n; ++start) {
    if ((*labels)[start] != none) continue;
    queue.assign(1, uint32_t(start));
    (*labels)[start] = count;
    for (size_t q = 0; q < queue.size(); ++q) {
      const uint32_t i = queue[q];
      for (uint32_t e = graph.row_start[i]; e < graph.row_start[i + 1]; ++e) {
        const uint32_t j = graph.cols[e];
        if ((*labels)[j] == none) {
          (*labels)[j] = count;
          queue.push_back(j);
        }
      }
    }
    ++count;
  }
  return count;
}

SpectralLayout::SpectralLayout(const SparseGraph& graph, const PointMatrix& points, Metric metric, size_t dims,
                               uint64_t seed)
    : graph_(graph), n_(graph.n), dims_(dims), rng_(seed) {
  coords_.assign(n_ * dims_, 0.0);
  components_ = connected_components(graph, &label_);
  if (components_ == 1) {
    eigenmap_ = std::make_unique<LaplacianEigenmap>(graph, dims);
    if (eigenmap_->done()) {
      coords_ = eigenmap_->coords();
      eigenmap_.reset();
      next_component_ = 1;
    }
    return;
  }
  members_.resize(components_);
  for (size_t i = 0; i < n_; ++i) members_[label_[i]].push_back(uint32_t(i));

  const size_t c = components_;
  meta_.assign(c * dims_, 0.0);
  if (c <= 2 * dims_) {
    const size_t k = (c + 1) / 2;
    for (size_t m = 0; m < c; ++m) meta_[m * dims_ + m % k] = m < k ? 1.0 : -1.0;
  } else if (c > kMaxMetaComponents) {
    for (double& v : meta_) v = 10.0 * rng_.uniform();
  } else {
    const size_t dim = points.dim();
    Eigen::MatrixXd centroids = Eigen::MatrixXd::Zero(Eigen::Index(c), Eigen::Index(dim));
    for (size_t m = 0; m < c; ++m) {
      for (uint32_t i : members_[m]) {
        for (size_t d = 0; d < dim; ++d) centroids(Eigen::Index(m), Eigen::Index(d)) += points.row(i)[d];
      }
      centroids.row(Eigen::Index(m)) /= double(members_[m].size());
    }
    const Eigen::Index cc = static_cast<Eigen::Index>(c);
    Eigen::MatrixXd affinity(cc, cc);
    for (Eigen::Index a = 0; a < Eigen::Index(c); ++a) {
      for (Eigen::Index b = 0; b < Eigen::Index(c); ++b) {
        double dist;
        if (metric == Metric::kCosine) {
          const double na = centroids.row(a).norm(), nb = centroids.row(b).norm();
          dist = na > 0 && nb > 0 ? 1.0 - centroids.row(a).dot(centroids.row(b)) / (na * nb) : 1.0;
          dist = std::min(2.0, std::max(0.0, dist));
        } else {
          dist = (centroids.row(a) - centroids.row(b)).norm();
        }
        affinity(a, b) = std::exp(-dist * dist);
      }
    }
    meta_ = dense_spectral_embedding(affinity, dims_);
    const double largest = *std::max_element(meta_.begin(), meta_.end());
    if (largest != 0) {
      for (double& v : meta_) v /= largest;
    }
  }
  start_component();
}

SpectralLayout::~SpectralLayout() = default;

void SpectralLayout::start_component() {
  while (next_component_ < components_) {
    const std::vector<uint32_t>& members = members_[next_component_];
    const size_t s = members.size();
    if (s < 2 * dims_ || s <= dims_ + 1) {
      finish_component({});
      continue;
    }
    std::vector<uint32_t> local(n_, 0);
    for (size_t m = 0; m < s; ++m) local[members[m]] = uint32_t(m);
    sub_ = SparseGraph();
    sub_.n = s;
    sub_.row_start.assign(s + 1, 0);
    for (size_t m = 0; m < s; ++m) {
      const uint32_t i = members[m];
      for (uint32_t e = graph_.row_start[i]; e < graph_.row_start[i + 1]; ++e) {
        sub_.cols.push_back(local[graph_.cols[e]]);  // same component: rows stay sorted
        sub_.values.push_back(graph_.values[e]);
      }
      sub_.row_start[m + 1] = uint32_t(sub_.cols.size());
    }
    eigenmap_ = std::make_unique<LaplacianEigenmap>(sub_, dims_);
    if (!eigenmap_->done()) return;
    const std::vector<double> coords = eigenmap_->coords();
    eigenmap_.reset();
    finish_component(coords);
  }
}

// Places component next_component_ around its meta position: `local` (its eigenmap, s * dims)
// scaled into the box, or uniform noise when empty. Then moves on to the next component.
void SpectralLayout::finish_component(const std::vector<double>& local) {
  const size_t c = next_component_;
  double nearest = std::numeric_limits<double>::infinity();
  for (size_t m = 0; m < components_; ++m) {
    double d2 = 0;
    for (size_t d = 0; d < dims_; ++d) d2 += (meta_[c * dims_ + d] - meta_[m * dims_ + d]) * (meta_[c * dims_ + d] - meta_[m * dims_ + d]);
    if (d2 > 0) nearest = std::min(nearest, std::sqrt(d2));
  }
  const double range = std::isfinite(nearest) ? nearest / 2 : 1.0;
  const std::vector<uint32_t>& members = members_[c];
  double scale = 0;
  for (double v : local) scale = std::max(scale, std::fabs(v));
  scale = scale > 0 ? range / scale : 0;
  for (size_t m = 0; m < members.size(); ++m) {
    for (size_t d = 0; d < dims_; ++d) {
      const double offset = local.empty() ? range * (2 * rng_.uniform() - 1) : local[m * dims_ + d] * scale;
      coords_[size_t(members[m]) * dims_ + d] = meta_[c * dims_ + d] + offset;
    }
  }
  ++next_component_;
}

bool SpectralLayout::step(size_t products) {
  while (!done() && eigenmap_) {
    if (!eigenmap_->step(products)) return false;
    const std::vector<double> coords = eigenmap_->coords();
    eigenmap_.reset();
    if (components_ == 1) {
      coords_ = coords;
      next_component_ = 1;
      break;
    }
    finish_component(coords);
    start_component();
  }
  return done();
}

}  // namespace playground
