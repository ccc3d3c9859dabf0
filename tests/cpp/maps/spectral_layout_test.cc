#include "maps/spectral_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/random.h"
#include "map_test_util.h"
#include "maps/knn.h"
#include "maps/umap_graph.h"

namespace playground {
namespace {

struct Fixture {
  PointMatrix points;
  SparseGraph graph;
};

// `clusters` tight cones around the axes of an 8-d space (cosine distance ~1 between cones,
// so that the centroids' affinities exp(-d^2) are ~0.37), one graph component each; point i
// belongs to cone i % clusters.
Fixture separated(size_t clusters, size_t per, uint64_t seed) {
  const size_t n = clusters * per, dim = 8;
  Random rng(seed);
  std::vector<float> v(n * dim);
  for (size_t i = 0; i < n; ++i) {
    double norm = 0;
    for (size_t d = 0; d < dim; ++d) {
      v[i * dim + d] = float((d == i % clusters ? 1.0 : 0.0) + 0.05 * rng.normal());
      norm += double(v[i * dim + d]) * v[i * dim + d];
    }
    for (size_t d = 0; d < dim; ++d) v[i * dim + d] = float(v[i * dim + d] / std::sqrt(norm));
  }
  PointMatrix p(v, n, dim);
  const KnnGraph knn = exact_knn(p, 8, Metric::kCosine, true);
  return {p, umap_fuzzy_graph(knn, 2.0f)};
}

// The spread of each component's points around their mean, and the distance between means.
void expect_components_apart(const SpectralLayout& layout, size_t clusters, size_t dims) {
  const std::vector<double>& y = layout.coords();
  const size_t n = y.size() / dims;
  std::vector<double> mean(clusters * dims, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t d = 0; d < dims; ++d) mean[(i % clusters) * dims + d] += y[i * dims + d] * clusters / double(n);
  }
  for (size_t a = 0; a < clusters; ++a) {
    for (size_t b = a + 1; b < clusters; ++b) {
      double d2 = 0;
      for (size_t d = 0; d < dims; ++d) d2 += (mean[a * dims + d] - mean[b * dims + d]) * (mean[a * dims + d] - mean[b * dims + d]);
      EXPECT_GT(std::sqrt(d2), 0.05) << a << " " << b;
    }
  }
  for (double v : y) EXPECT_TRUE(std::isfinite(v));
}

TEST(SpectralLayout, FewComponentsSitOnPlusMinusUnitVectors) {
  const Fixture f = separated(3, 40, 71);
  SpectralLayout layout(f.graph, f.points, Metric::kCosine, 2, 1);
  while (!layout.step(10)) {
  }
  EXPECT_EQ(layout.component_count(), 3u);
  expect_components_apart(layout, 3, 2);
  // Component 0 (points 0, 3, 6, ...) sits around (1, 0), within half the distance to the
  // nearest other position (component 2 at (-1, 0) is 2 away; component 1 at (0, 1) is sqrt 2).
  for (size_t i = 0; i < 120; i += 3) {
    EXPECT_LE(std::hypot(layout.coords()[i * 2] - 1.0, layout.coords()[i * 2 + 1]), std::sqrt(2.0) / 2 * std::sqrt(2.0) + 1e-9);
  }
}

TEST(SpectralLayout, ManyComponentsArePlacedBySpectralEmbeddingOfCentroids) {
  const Fixture f = separated(7, 30, 72);
  SpectralLayout layout(f.graph, f.points, Metric::kCosine, 2, 1);
  while (!layout.step(10)) {
  }
  EXPECT_EQ(layout.component_count(), 7u);
  expect_components_apart(layout, 7, 2);
}

TEST(SpectralLayout, ConnectedGraphGivesTheEigenmap) {
  const VectorStore s = testing::store_of(testing::clustered_values(250, 6, 1, 73), 6);
  const PointMatrix p = PointMatrix::gather(s, all_rows(s), false);
  const SparseGraph g = umap_fuzzy_graph(exact_knn(p, 10, Metric::kEuclidean, true), std::numeric_limits<float>::infinity());
  SpectralLayout layout(g, p, Metric::kEuclidean, 3, 1);
  LaplacianEigenmap eigenmap(g, 3);
  while (!layout.step(10) || !eigenmap.step(10)) {
  }
  EXPECT_EQ(layout.component_count(), 1u);
  EXPECT_EQ(layout.coords(), eigenmap.coords());
}

TEST(SpectralLayout, ConnectedComponentsAreLabelledInVertexOrder) {
  // Edges 0-2 and 1-3, vertex 4 alone.
  SparseGraph g;
  g.n = 5;
  g.row_start = {0, 1, 2, 3, 4, 4};
  g.cols = {2, 3, 0, 1};
  g.values = {1, 1, 1, 1};
  std::vector<uint32_t> labels;
  EXPECT_EQ(connected_components(g, &labels), 3u);
  EXPECT_EQ(labels, (std::vector<uint32_t>{0, 1, 0, 1, 2}));
}

}  // namespace
}  // namespace playground
