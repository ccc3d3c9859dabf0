// Small random point sets for the map tests, built in code with the core's seeded generator.
#pragma once

#include <string>
#include <vector>

#include "common/random.h"
#include "maps/point_matrix.h"
#include "vectors/vector_store.h"

namespace playground::testing {

// n Gaussian points in `dim` dimensions around `clusters` centres (spread 3 apart, unit noise).
inline std::vector<float> clustered_values(size_t n, size_t dim, size_t clusters, uint64_t seed) {
  Random rng(seed);
  std::vector<float> centres(clusters * dim);
  for (float& c : centres) c = float(3.0 * rng.normal());
  std::vector<float> values(n * dim);
  for (size_t i = 0; i < n; ++i) {
    for (size_t d = 0; d < dim; ++d) values[i * dim + d] = centres[(i % clusters) * dim + d] + float(rng.normal());
  }
  return values;
}

// A store of words "w0", "w1", ... holding the given values.
inline VectorStore store_of(const std::vector<float>& values, size_t dim) {
  std::vector<std::string> words(values.size() / dim);
  for (size_t i = 0; i < words.size(); ++i) words[i] = "w" + std::to_string(i);
  return VectorStore(words, uint32_t(dim), values);
}

// How many points have their nearest map neighbour in their own cluster (i % clusters).
template <typename T>
size_t same_cluster_neighbours(const std::vector<T>& y, size_t n, size_t dims, size_t clusters) {
  size_t same = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t best = i;
    double best_d = 1e300;
    for (size_t j = 0; j < n; ++j) {
      double d = 0;
      for (size_t k = 0; k < dims; ++k) d += (double(y[i * dims + k]) - y[j * dims + k]) * (double(y[i * dims + k]) - y[j * dims + k]);
      if (j != i && d < best_d) best = j, best_d = d;
    }
    same += best % clusters == i % clusters;
  }
  return same;
}

}  // namespace playground::testing
