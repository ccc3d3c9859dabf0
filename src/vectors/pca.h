// Principal component analysis of word vectors, equal to scikit-learn's PCA (full SVD)
// up to the sign of each component: centre the rows, take the top eigenvectors of the
// covariance, project. Signs follow scikit-learn 1.2's svd_flip: in each component the
// coordinate of largest magnitude is positive.
#pragma once

#include <cstddef>
#include <vector>

#include "vectors/vector_store.h"

namespace playground {

struct PcaResult {
  size_t components = 0;
  std::vector<double> coords;                     // rows.size() * components, row-major
  std::vector<double> explained_variance;         // per component (ddof = 1, as sklearn)
  std::vector<double> explained_variance_ratio;   // per component, of the total variance
};

// PCA of the given rows. `unit` picks the unit-normalized vectors instead of the stored
// ones. Needs 1 <= components <= min(rows.size(), dim) and at least 2 rows; throws
// Error(kBadArgument) otherwise.
PcaResult pca(const VectorStore& store, const std::vector<size_t>& rows, size_t components, bool unit);

}  // namespace playground
