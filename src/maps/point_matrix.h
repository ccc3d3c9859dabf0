// The points a map is made of: the selected rows of a VectorStore, copied once into one
// row-major float matrix, so that a long map job owns its input and does not depend on the
// store staying alive. Also the checks every map shares on a selection of rows.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vectors/vector_store.h"

namespace playground {

// How distances between input vectors are measured. Cosine is 1 - cos(a, b) (scikit-learn's
// cosine_distances); Euclidean is the plain L2 distance between the stored vectors.
enum class Metric { kCosine, kEuclidean };

class PointMatrix {
 public:
  // Takes `n * dim` values, row-major. Throws Error(kBadArgument) when the sizes disagree.
  PointMatrix(std::vector<float> values, size_t n, size_t dim);

  // The selected rows of `store`: unit-normalized rows when `unit`, else the stored ones.
  // The rows must be valid and distinct (see check_rows).
  static PointMatrix gather(const VectorStore& store, const std::vector<size_t>& rows, bool unit);

  size_t size() const { return n_; }
  size_t dim() const { return dim_; }
  const float* row(size_t i) const { return values_.data() + i * dim_; }
  const float* data() const { return values_.data(); }

 private:
  std::vector<float> values_;
  size_t n_;
  size_t dim_;
};

// Every row of the store, in its order (the whole vocabulary).
std::vector<size_t> all_rows(const VectorStore& store);

// The rows of the given words, in their order. An unknown word throws Error(kUnknownWord)
// naming it, with suggestions (VectorStore::index_of), as every other query of the core does.
std::vector<size_t> rows_for_words(const VectorStore& store, const std::vector<std::string>& words);

// Throws Error(kBadArgument) naming `what` (e.g. "t-SNE") unless `rows` holds at least
// `min_points` distinct indices below store.size().
void check_rows(const VectorStore& store, const std::vector<size_t>& rows, size_t min_points, const char* what);

}  // namespace playground
