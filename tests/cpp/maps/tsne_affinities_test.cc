#include "maps/tsne_affinities.h"

#include <gtest/gtest.h>

#include <cmath>

#include "maps/knn.h"

namespace playground {
namespace {

TEST(TsneAffinities, NeighbourCountIsScikitLearns) {
  EXPECT_EQ(tsne_neighbour_count(10015, 30), 91u);
  EXPECT_EQ(tsne_neighbour_count(50, 30), 49u);
  EXPECT_EQ(tsne_neighbour_count(1000, 5.5), 17u);
}

TEST(TsneAffinities, MatchScikitLearnOnCosineNeighbours) {
  // Oracle (scikit-learn 1.2.1): NearestNeighbors(n_neighbors=3, metric="cosine") on these
  // float32 points, kneighbors_graph(mode="distance") squared, then
  // sklearn.manifold._t_sne._joint_probabilities_nn(D, 2.0, 0).toarray().
  const std::vector<float> x = {1, 0, 0, 0.9f, 0.1f, 0,    0.8f, 0.3f, 0.1f, 0, 1, 0,
                                0.1f, 0.9f, 0.2f, 0, 0, 1, 0.2f, 0.1f, 0.9f, 0.5f, 0.5f, 0.5f};
  const double want[8][8] = {
      {0, 0.066766933, 0.0522472353, 0, 0, 0, 0, 3.50597889e-05},
      {0.066766933, 0, 0.0681500653, 0, 0, 0, 0, 6.30138163e-06},
      {0.0522472353, 0.0681500653, 0, 0.0026401092, 0.00106792622, 0, 0.000595871994, 0.0486013682},
      {0, 0, 0.0026401092, 0, 0.0885382479, 0, 0, 0.0138530374},
      {0, 0, 0.00106792622, 0.0885382479, 0, 0.00158866674, 0, 0.0259971978},
      {0, 0, 0, 0, 0.00158866674, 0, 0.084499064, 0.0168466767},
      {0, 0, 0.000595871994, 0, 0, 0.084499064, 0, 0.0285662391},
      {3.50597889e-05, 6.30138163e-06, 0.0486013682, 0.0138530374, 0.0259971978, 0.0168466767, 0.0285662391, 0},
  };
  std::vector<float> unit(x);
  for (size_t i = 0; i < 8; ++i) {
    double s = 0;
    for (size_t d = 0; d < 3; ++d) s += double(x[i * 3 + d]) * x[i * 3 + d];
    for (size_t d = 0; d < 3; ++d) unit[i * 3 + d] = float(x[i * 3 + d] / std::sqrt(s));
  }
  const KnnGraph knn = exact_knn(PointMatrix(unit, 8, 3), 3, Metric::kCosine, false);
  const SparseGraph p = tsne_affinities(knn, 2.0);
  double total = 0;
  for (size_t i = 0; i < 8; ++i) {
    for (size_t j = 0; j < 8; ++j) {
      EXPECT_NEAR(p.at(i, j), want[i][j], 2e-6 * want[i][j] + 1e-9) << i << "," << j;
      total += p.at(i, j);
    }
  }
  EXPECT_NEAR(total, 1.0, 1e-6);
}

}  // namespace
}  // namespace playground
