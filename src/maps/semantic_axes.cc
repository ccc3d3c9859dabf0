#include "maps/semantic_axes.h"

#include <cmath>
#include <string>

#include "common/error.h"
#include "maps/point_matrix.h"

namespace playground {

namespace {

void add_mean(const VectorStore& store, const std::vector<size_t>& group, double sign, const char* end,
              std::vector<double>* direction) {
  if (group.empty()) {
    throw Error(ErrorCode::kBadArgument, std::string("A semantic axis needs at least one word at its ") + end + " end.");
  }
  for (size_t r : group) {
    if (r >= store.size()) throw Error(ErrorCode::kBadArgument, "A semantic axis word is outside the vocabulary.");
    const float* u = store.unit(r);
    for (size_t d = 0; d < store.dim(); ++d) (*direction)[d] += sign * double(u[d]) / double(group.size());
  }
}

}  // namespace

std::vector<double> semantic_direction(const VectorStore& store, const SemanticAxis& axis) {
  std::vector<double> direction(store.dim(), 0.0);
  add_mean(store, axis.to, 1.0, "positive (\"to\")", &direction);
  add_mean(store, axis.from, -1.0, "negative (\"from\")", &direction);
  double norm = 0;
  for (double v : direction) norm += v * v;
  if (!(std::sqrt(norm) > 1e-6)) {
    throw Error(ErrorCode::kBadArgument,
                "The two ends of this semantic axis are the same point (the same words on both sides?); pick words "
                "that differ.");
  }
  return direction;
}

std::vector<double> semantic_axes(const VectorStore& store, const std::vector<size_t>& rows,
                                  const std::vector<SemanticAxis>& axes) {
  check_rows(store, rows, 1, "Semantic axes");
  if (axes.empty() || axes.size() > 3) {
    throw Error(ErrorCode::kBadArgument, "Semantic axes: give 1 to 3 axes, not " + std::to_string(axes.size()) + ".");
  }
  const size_t dim = store.dim(), count = axes.size();
  std::vector<std::vector<double>> unit_directions;
  for (const SemanticAxis& axis : axes) {
    std::vector<double> d = semantic_direction(store, axis);
    double norm = 0;
    for (double v : d) norm += v * v;
    norm = std::sqrt(norm);
    for (double& v : d) v /= norm;
    unit_directions.push_back(std::move(d));
  }
  std::vector<double> out(rows.size() * count);
  for (size_t i = 0; i < rows.size(); ++i) {
    const float* u = store.unit(rows[i]);  // cos(v, d) = unit(v) . unit(d)
    for (size_t a = 0; a < count; ++a) {
      double s = 0;
      for (size_t d = 0; d < dim; ++d) s += double(u[d]) * unit_directions[a][d];
      out[i * count + a] = s;
    }
  }
  return out;
}

}  // namespace playground
