#include "maps/laplacian_eigenmap.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

#include "common/random.h"

namespace playground {

namespace {
constexpr size_t kDenseUpTo = 200;
constexpr size_t kMaxBasis = 64;
constexpr size_t kExtraKept = 10;       // Ritz vectors kept at a restart beyond the wanted ones
constexpr double kTolerance = 1e-4;     // as umap-learn's eigsh(tol=1e-4)
constexpr size_t kProductsPerVertex = 20;
constexpr size_t kMinProductCap = 2000;

double dot(const double* a, const double* b, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}
}  // namespace

LaplacianEigenmap::LaplacianEigenmap(const SparseGraph& graph, size_t dims)
    : graph_(graph), n_(graph.n), dims_(dims) {
  inv_sqrt_degree_.assign(n_, 0.0);
  top_.assign(n_, 0.0);
  double norm = 0;
  for (size_t i = 0; i < n_; ++i) {
    double d = 0;
    for (uint32_t e = graph.row_start[i]; e < graph.row_start[i + 1]; ++e) d += graph.values[e];
    inv_sqrt_degree_[i] = d > 0 ? 1.0 / std::sqrt(d) : 0.0;
    top_[i] = std::sqrt(d);
    norm += d;
  }
  norm = std::sqrt(norm);
  for (double& t : top_) t /= norm;
  if (n_ <= kDenseUpTo) {
    solve_dense();
    return;
  }
  max_basis_ = std::min(kMaxBasis, n_ - 1);
  basis_.assign(n_ * max_basis_, 0.0);
  h_.assign(max_basis_ * max_basis_, 0.0);
  // Start from the all-ones vector (umap-learn's v0) with the known eigenvector taken out; a
  // regular graph has top_ parallel to it, so then start from seeded noise instead.
  double* v = basis_.data();
  std::fill(v, v + n_, 1.0);
  for (int attempt = 0; attempt < 2; ++attempt) {
    const double along = dot(v, top_.data(), n_);
    for (size_t i = 0; i < n_; ++i) v[i] -= along * top_[i];
    const double len = std::sqrt(dot(v, v, n_));
    if (len > 1e-8 * std::sqrt(double(n_))) {
      for (size_t i = 0; i < n_; ++i) v[i] /= len;
      break;
    }
    Random rng(1);
    for (size_t i = 0; i < n_; ++i) v[i] = rng.normal();
  }
  size_ = 1;
}

void LaplacianEigenmap::multiply(const double* v, double* out) const {
  for (size_t i = 0; i < n_; ++i) {
    double s = 0;
    for (uint32_t e = graph_.row_start[i]; e < graph_.row_start[i + 1]; ++e) {
      const uint32_t j = graph_.cols[e];
      s += double(graph_.values[e]) * inv_sqrt_degree_[j] * v[j];
    }
    out[i] = inv_sqrt_degree_[i] * s;
  }
  const double along = dot(out, top_.data(), n_);
  for (size_t i = 0; i < n_; ++i) out[i] -= along * top_[i];
}

void LaplacianEigenmap::solve_dense() {
  const Eigen::Index n = Eigen::Index(n_);
  Eigen::MatrixXd l = Eigen::MatrixXd::Identity(n, n);
  for (size_t i = 0; i < n_; ++i) {
    for (uint32_t e = graph_.row_start[i]; e < graph_.row_start[i + 1]; ++e) {
      const uint32_t j = graph_.cols[e];
      l(Eigen::Index(i), Eigen::Index(j)) -= double(graph_.values[e]) * inv_sqrt_degree_[i] * inv_sqrt_degree_[j];
    }
  }
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(l);
  std::vector<double> values, vectors(n_ * dims_);
  for (size_t c = 0; c < dims_; ++c) {
    const Eigen::Index col = Eigen::Index(c + 1);  // ascending; column 0 is D^1/2 1
    values.push_back(1.0 - es.eigenvalues()[col]);
    for (size_t i = 0; i < n_; ++i) vectors[c * n_ + i] = es.eigenvectors()(Eigen::Index(i), col);
  }
  converged_ = true;
  finish(values, vectors);
}

// ritz_values: eigenvalues of M, largest first; ritz_vectors: dims_ columns of n_ values.
void LaplacianEigenmap::finish(const std::vector<double>& ritz_values, const std::vector<double>& ritz_vectors) {
  coords_.assign(n_ * dims_, 0.0);
  eigenvalues_.clear();
  for (size_t c = 0; c < dims_; ++c) {
    const double* y = ritz_vectors.data() + c * n_;
    const double len = std::sqrt(dot(y, y, n_));
    size_t largest = 0;
    for (size_t i = 1; i < n_; ++i) {
      if (std::fabs(y[i]) > std::fabs(y[largest])) largest = i;
    }
    const double scale = (y[largest] < 0 ? -1.0 : 1.0) / (len > 0 ? len : 1.0);
    for (size_t i = 0; i < n_; ++i) coords_[i * dims_ + c] = y[i] * scale;
    eigenvalues_.push_back(1.0 - ritz_values[c]);
  }
  std::vector<double>().swap(basis_);
  std::vector<double>().swap(h_);
  done_ = true;
}

bool LaplacianEigenmap::step(size_t products) {
  const size_t cap = std::max(kMinProductCap, kProductsPerVertex * n_);
  std::vector<double> w(n_), h(max_basis_);
  for (size_t t = 0; t < products && !done_; ++t) {
    const size_t j = size_ - 1;
    multiply(basis_.data() + j * n_, w.data());
    ++products_;
    // Full reorthogonalization against the whole basis, twice ("twice is enough").
    std::fill(h.begin(), h.end(), 0.0);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i <= j; ++i) {
        const double* v = basis_.data() + i * n_;
        const double c = dot(v, w.data(), n_);
        h[i] += c;
        for (size_t r = 0; r < n_; ++r) w[r] -= c * v[r];
      }
    }
    for (size_t i = 0; i <= j; ++i) h_[j * max_basis_ + i] = h_[i * max_basis_ + j] = h[i];
    const double beta = std::sqrt(dot(w.data(), w.data(), n_));
    const size_t m = size_;

    Eigen::MatrixXd hm(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m));
    for (size_t c = 0; c < m; ++c) {
      for (size_t r = 0; r < m; ++r) hm(Eigen::Index(r), Eigen::Index(c)) = h_[c * max_basis_ + r];
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(hm);
    // Wanted: the dims_ largest Ritz values (eigenvalues come ascending).
    const size_t wanted = std::min(dims_, m);
    bool all_small = wanted == dims_;
    for (size_t c = 0; c < wanted; ++c) {
      const Eigen::Index col = Eigen::Index(m - 1 - c);
      all_small &= beta * std::fabs(es.eigenvectors()(Eigen::Index(m - 1), col)) <= kTolerance;
    }
    const bool exhausted = beta <= 1e-12;
    if (all_small || (exhausted && wanted == dims_) || products_ >= cap) {
      converged_ = all_small || exhausted;
      std::vector<double> values(dims_, 0.0), vectors(dims_ * n_, 0.0);
      for (size_t c = 0; c < wanted; ++c) {
        const Eigen::Index col = Eigen::Index(m - 1 - c);
        values[c] = es.eigenvalues()[col];
        for (size_t l = 0; l < m; ++l) {
          const double s = es.eigenvectors()(Eigen::Index(l), col);
          const double* v = basis_.data() + l * n_;
          for (size_t r = 0; r < n_; ++r) vectors[c * n_ + r] += s * v[r];
        }
      }
      finish(values, vectors);
      break;
    }
    if (exhausted) {  // an invariant subspace smaller than wanted: continue from fresh noise
      Random rng(products_);
      for (double& x : w) x = rng.normal();
      for (size_t i = 0; i <= j; ++i) {
        const double* v = basis_.data() + i * n_;
        const double c = dot(v, w.data(), n_);
        for (size_t r = 0; r < n_; ++r) w[r] -= c * v[r];
      }
    }
    const double len = std::sqrt(dot(w.data(), w.data(), n_));
    if (m < max_basis_) {
      for (size_t r = 0; r < n_; ++r) basis_[m * n_ + r] = w[r] / len;
      ++size_;
      continue;
    }
    // Thick restart: keep the best Ritz vectors, then the residual direction.
    const size_t keep = std::min(m - 1, dims_ + kExtraKept);
    std::vector<double> kept(keep * n_, 0.0);
    for (size_t c = 0; c < keep; ++c) {
      const Eigen::Index col = Eigen::Index(m - 1 - c);
      for (size_t l = 0; l < m; ++l) {
        const double s = es.eigenvectors()(Eigen::Index(l), col);
        const double* v = basis_.data() + l * n_;
        for (size_t r = 0; r < n_; ++r) kept[c * n_ + r] += s * v[r];
      }
    }
    std::copy(kept.begin(), kept.end(), basis_.begin());
    for (size_t r = 0; r < n_; ++r) basis_[keep * n_ + r] = w[r] / len;
    std::fill(h_.begin(), h_.end(), 0.0);
    for (size_t c = 0; c < keep; ++c) h_[c * max_basis_ + c] = es.eigenvalues()[Eigen::Index(m - 1 - c)];
    size_ = keep + 1;
  }
  return done_;
}

}  // namespace playground
