#include "vectors/pca.h"

#include <Eigen/Eigenvalues>
#include <string>

#include "common/error.h"

namespace playground {

PcaResult pca(const VectorStore& store, const std::vector<size_t>& rows, size_t components, bool unit) {
  const size_t n = rows.size();
  const size_t dim = store.dim();
  if (n < 2) throw Error(ErrorCode::kBadArgument, "PCA needs at least 2 words, got " + std::to_string(n) + ".");
  if (components < 1 || components > std::min(n, dim)) {
    throw Error(ErrorCode::kBadArgument, "PCA with " + std::to_string(n) + " words can give 1 to " +
                                             std::to_string(std::min(n, dim)) + " components, not " +
                                             std::to_string(components) + ".");
  }
  // Double precision throughout: the covariance route squares the condition number, and
  // doubles keep the result at scikit-learn's float64 SVD to ~1e-10.
  Eigen::MatrixXd x(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(dim));
  for (size_t r = 0; r < n; ++r) {
    const float* row = unit ? store.unit(rows[r]) : store.raw(rows[r]);
    for (size_t j = 0; j < dim; ++j) x(Eigen::Index(r), Eigen::Index(j)) = row[j];
  }
  x.rowwise() -= x.colwise().mean();
  // dim x dim covariance: cheaper than an SVD of n x dim when n is the whole vocabulary.
  Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(Eigen::Index(dim), Eigen::Index(dim));
  covariance.selfadjointView<Eigen::Lower>().rankUpdate(x.transpose());
  covariance = covariance.selfadjointView<Eigen::Lower>();
  covariance /= double(n - 1);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
  if (solver.info() != Eigen::Success) {
    throw Error(ErrorCode::kBadArgument, "PCA did not converge on these words.");
  }
  const double total = solver.eigenvalues().sum();

  PcaResult out;
  out.components = components;
  out.coords.assign(n * components, 0.0);
  for (size_t c = 0; c < components; ++c) {
    // Eigenvalues come in increasing order.
    const Eigen::Index k = Eigen::Index(dim - 1 - c);
    const double variance = std::max(0.0, solver.eigenvalues()[k]);
    const Eigen::VectorXd projected = x * solver.eigenvectors().col(k);
    Eigen::Index largest = 0;
    projected.cwiseAbs().maxCoeff(&largest);
    const double sign = projected[largest] < 0 ? -1.0 : 1.0;
    for (size_t r = 0; r < n; ++r) out.coords[r * components + c] = sign * projected[Eigen::Index(r)];
    out.explained_variance.push_back(variance);
    out.explained_variance_ratio.push_back(total > 0 ? variance / total : 0.0);
  }
  return out;
}

}  // namespace playground
