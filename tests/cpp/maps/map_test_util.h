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

}  // namespace playground::testing
