#include "maps/point_matrix.h"

#include <string>

#include "common/error.h"

namespace playground {

PointMatrix::PointMatrix(std::vector<float> values, size_t n, size_t dim)
    : values_(std::move(values)), n_(n), dim_(dim) {
  if (dim == 0 || values_.size() != n * dim) {
    throw Error(ErrorCode::kBadArgument, "A point matrix needs n * dim values (got " +
                                             std::to_string(values_.size()) + " for " + std::to_string(n) +
                                             " x " + std::to_string(dim) + ").");
  }
}

PointMatrix PointMatrix::gather(const VectorStore& store, const std::vector<size_t>& rows, bool unit) {
  check_rows(store, rows, 1, "A map");
  const size_t dim = store.dim();
  std::vector<float> values(rows.size() * dim);
  for (size_t i = 0; i < rows.size(); ++i) {
    const float* src = unit ? store.unit(rows[i]) : store.raw(rows[i]);
    std::copy(src, src + dim, values.begin() + i * dim);
  }
  return PointMatrix(std::move(values), rows.size(), dim);
}

std::vector<size_t> all_rows(const VectorStore& store) {
  std::vector<size_t> rows(store.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return rows;
}

std::vector<size_t> rows_for_words(const VectorStore& store, const std::vector<std::string>& words) {
  std::vector<size_t> rows;
  rows.reserve(words.size());
  for (const std::string& w : words) rows.push_back(store.index_of(w));
  return rows;
}

void check_rows(const VectorStore& store, const std::vector<size_t>& rows, size_t min_points, const char* what) {
  if (rows.size() < min_points) {
    throw Error(ErrorCode::kBadArgument, std::string(what) + " needs at least " + std::to_string(min_points) +
                                             " words, got " + std::to_string(rows.size()) + ".");
  }
  std::vector<bool> seen(store.size(), false);
  for (size_t r : rows) {
    if (r >= store.size()) {
      throw Error(ErrorCode::kBadArgument, std::string(what) + ": row " + std::to_string(r) +
                                               " is outside the vocabulary of " + std::to_string(store.size()) +
                                               " words.");
    }
    if (seen[r]) {
      throw Error(ErrorCode::kBadArgument, std::string(what) + ": the word \"" + store.word(r).substr(0, 40) +
                                               "\" is selected twice; give each word once.");
    }
    seen[r] = true;
  }
}

}  // namespace playground
