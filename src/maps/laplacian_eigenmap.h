// Spectral embedding of a graph (Belkin & Niyogi 2003, "Laplacian Eigenmaps"): the
// eigenvectors of the normalized Laplacian L = I - D^-1/2 W D^-1/2 for the 2nd to
// (dims + 1)-th smallest eigenvalues, as umap-learn's spectral_layout takes them for its
// initial layout (there with ARPACK's eigsh, which="SM", tol=1e-4).
//
// Here: the same eigenvectors as the largest eigenvalues of M = D^-1/2 W D^-1/2 (L = I - M),
// with M's known top eigenvector D^1/2 1 projected out, by the Lanczos method with full
// reorthogonalization and thick restarts (Wu & Simon 2000), started from the all-ones vector
// as umap-learn does; converged when every wanted Ritz pair has a residual ||M y - theta y||
// <= 1e-4. Graphs of up to 200 vertices are solved densely (Eigen). Each eigenvector has unit
// length and its largest-magnitude entry positive (scikit-learn's deterministic sign).
//
// Memory: the Lanczos basis, n x (at most 64) doubles, plus a copy of the graph's degrees.
#pragma once

#include <cstddef>
#include <vector>

#include "maps/sparse_graph.h"

namespace playground {

class LaplacianEigenmap {
 public:
  // `graph` must stay alive and unchanged while the object is used; it must be connected,
  // with non-negative weights and n >= dims + 2 vertices (the caller checks).
  LaplacianEigenmap(const SparseGraph& graph, size_t dims);

  // Does up to `products` matrix-vector products; true when the eigenvectors are ready.
  bool step(size_t products);
  bool done() const { return done_; }
  // True when the residual test was met (false if stopped at the iteration cap of 20 n).
  bool converged() const { return converged_; }
  // n * dims values, row-major: row i holds vertex i's coordinates (the eigenvectors as columns).
  const std::vector<double>& coords() const { return coords_; }
  // The eigenvalues of L for the returned eigenvectors, ascending.
  const std::vector<double>& eigenvalues() const { return eigenvalues_; }

 private:
  void multiply(const double* v, double* out) const;  // M with the top eigenvector projected out
  void solve_dense();
  void finish(const std::vector<double>& ritz_values, const std::vector<double>& ritz_vectors);

  const SparseGraph& graph_;
  size_t n_;
  size_t dims_;
  size_t max_basis_;
  std::vector<double> inv_sqrt_degree_;
  std::vector<double> top_;     // D^1/2 1, normalized
  std::vector<double> basis_;   // column j at basis_[j * n_]
  std::vector<double> h_;       // projected matrix, max_basis_ x max_basis_, column-major
  size_t size_ = 0;             // vectors in the basis
  size_t products_ = 0;
  bool done_ = false;
  bool converged_ = false;
  std::vector<double> coords_;
  std::vector<double> eigenvalues_;
};

}  // namespace playground
