// UMAP's spectral initial layout (umap-learn 0.5, spectral.py), stepped: a connected graph
// gets the Laplacian eigenmap (laplacian_eigenmap.h); a graph of several connected
// components is laid out as umap-learn's multi_component_layout does:
//   - component positions ("meta"): for at most 2 * dims components, +-unit vectors
//     (e_1, e_2, ..., -e_1, -e_2, ...); otherwise a spectral embedding of the components'
//     centroids with affinity exp(-distance^2) (scikit-learn's spectral_embedding: normalized
//     Laplacian, eigenvectors divided by sqrt(degree), deterministic signs, first dropped),
//     divided by its largest value; more than 1,000 components get uniform [0, 10) positions
//     instead (umap-learn's fallback without data), so that the dense solver stays small;
//   - each component: its own eigenmap scaled to half the distance to the nearest other
//     component's position, or, with fewer than 2 * dims points (or at most dims + 1),
//     uniform noise in that box, around its meta position.
// The centroids are those of the points as given (unit vectors for the cosine metric, where
// umap-learn averages the raw vectors before its cosine distance).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/random.h"
#include "maps/laplacian_eigenmap.h"
#include "maps/point_matrix.h"
#include "maps/sparse_graph.h"

namespace playground {

class SpectralLayout {
 public:
  // `graph` and `points` must stay alive while stepping. Needs graph.n >= dims + 2.
  SpectralLayout(const SparseGraph& graph, const PointMatrix& points, Metric metric, size_t dims, uint64_t seed);
  ~SpectralLayout();

  // Up to `products` matrix-vector products of the eigen-solvers; true when the layout is ready.
  bool step(size_t products);
  bool done() const { return next_component_ >= components_; }
  size_t component_count() const { return components_; }
  // n * dims, row-major (valid once done()).
  const std::vector<double>& coords() const { return coords_; }

 private:
  void start_component();
  void finish_component(const std::vector<double>& local);

  const SparseGraph& graph_;
  size_t n_, dims_;
  size_t components_ = 0;
  std::vector<uint32_t> label_;               // component of each vertex
  std::vector<std::vector<uint32_t>> members_;
  std::vector<double> meta_;                   // components_ * dims
  size_t next_component_ = 0;
  SparseGraph sub_;                            // the component being solved
  std::unique_ptr<LaplacianEigenmap> eigenmap_;
  std::vector<double> coords_;
  Random rng_;
};

// Labels of the connected components (0, 1, ... in order of each component's lowest vertex);
// returns their number.
size_t connected_components(const SparseGraph& graph, std::vector<uint32_t>* labels);

}  // namespace playground
