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

SparseGraph tsne_affinities(const KnnGraph& knn, double perplexity) {
  std::vector<float> sq(knn.distances.size());
  for (size_t e = 0; e < sq.size(); ++e) sq[e] = float(double(knn.distances[e]) * knn.distances[e]);
  std::vector<float> conditional(sq.size());
  binary_search_perplexity(sq.data(), knn.n, knn.k, perplexity, conditional.data(), nullptr);
  SparseGraph p = symmetrize(knn.n, knn.k, knn.indices.data(), conditional.data(), Symmetrization::kSum);
  double sum = 0;
  for (float v : p.values) sum += v;
  sum = std::max(sum, std::numeric_limits<double>::epsilon());
  for (float& v : p.values) v = float(v / sum);
  return p;
}

}  // namespace playground
