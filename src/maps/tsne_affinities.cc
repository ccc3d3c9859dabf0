#include "maps/tsne_affinities.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "maps/perplexity.h"

namespace playground {

size_t tsne_neighbour_count(size_t n, double perplexity) {
  const double k = std::floor(3.0 * perplexity + 1.0);
  return n == 0 ? 0 : std::min(n - 1, size_t(std::max(1.0, k)));
}

void tsne_conditional_rows(const KnnGraph& knn, double perplexity, size_t first, size_t count,
                           float* conditional) {
  const size_t k = knn.k;
  std::vector<float> sq(count * k);
  const float* d = knn.distances.data() + first * k;
  for (size_t e = 0; e < sq.size(); ++e) sq[e] = float(double(d[e]) * d[e]);
  binary_search_perplexity(sq.data(), count, k, perplexity, conditional + first * k, nullptr);
}

SparseGraph tsne_joint_probabilities(const KnnGraph& knn, const float* conditional) {
  SparseGraph p = symmetrize(knn.n, knn.k, knn.indices.data(), conditional, Symmetrization::kSum);
  double sum = 0;
  for (float v : p.values) sum += v;
  sum = std::max(sum, std::numeric_limits<double>::epsilon());
  for (float& v : p.values) v = float(v / sum);
  return p;
}

SparseGraph tsne_affinities(const KnnGraph& knn, double perplexity) {
  std::vector<float> conditional(knn.n * knn.k);
  tsne_conditional_rows(knn, perplexity, 0, knn.n, conditional.data());
  return tsne_joint_probabilities(knn, conditional.data());
}

}  // namespace playground
