#include "vectors/queries.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <queue>
#include <unordered_set>

#include "common/error.h"
#include "vectors/kernels.h"

namespace playground {
namespace {

using ConstVectorMap = Eigen::Map<const Eigen::VectorXf>;

void check_k(size_t k) {
  if (k == 0 || k > kMaxNeighbours) {
    throw Error(ErrorCode::kBadArgument,
                "The number of results must be between 1 and " + std::to_string(kMaxNeighbours) +
                    ", got " + std::to_string(k) + ".");
  }
}

// Cosine of every unit row with `query` (itself unit length).
Eigen::VectorXf cosines(const VectorStore& store, const Eigen::VectorXf& query) {
  Eigen::VectorXf out(Eigen::Index(store.size()));
  dot_rows(store.unit_matrix(), store.size(), store.dim(), query.data(), out.data());
  return out;
}

// The k best-scoring rows not in `excluded`, best first; ties go to the more frequent word.
std::vector<ScoredWord> top_k(const VectorStore& store, const Eigen::VectorXf& scores, size_t k,
                              const std::vector<size_t>& excluded) {
  // A min-heap of the best k seen so far: `worse(a, b)` orders a before b if a ranks lower.
  using Entry = std::pair<float, size_t>;
  const auto better = [](const Entry& a, const Entry& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  std::priority_queue<Entry, std::vector<Entry>, decltype(better)> heap(better);
  for (size_t i = 0; i < store.size(); ++i) {
    const Entry entry{scores[Eigen::Index(i)], i};
    if (heap.size() == k && !better(entry, heap.top())) continue;
    if (std::find(excluded.begin(), excluded.end(), i) != excluded.end()) continue;
    if (std::isnan(entry.first)) continue;
    heap.push(entry);
    if (heap.size() > k) heap.pop();
  }
  std::vector<ScoredWord> out(heap.size());
  for (size_t i = out.size(); i-- > 0;) {
    out[i] = {store.word(heap.top().second), heap.top().first};
    heap.pop();
  }
  return out;
}

Eigen::VectorXf unit_row(const VectorStore& store, size_t index) {
  return ConstVectorMap(store.unit(index), store.dim());
}

std::vector<size_t> indices_of(const VectorStore& store, const std::vector<std::string>& words) {
  std::vector<size_t> out;
  out.reserve(words.size());
  for (const std::string& word : words) out.push_back(store.index_of(word));
  return out;
}

}  // namespace

float similarity(const VectorStore& store, const std::string& a, const std::string& b) {
  const size_t ia = store.index_of(a), ib = store.index_of(b);
  return unit_row(store, ia).dot(unit_row(store, ib));
}

std::vector<ScoredWord> nearest(const VectorStore& store, const std::string& word, size_t k) {
  return analogy(store, {word}, {}, k, AnalogyMethod::kAdd);
}

std::vector<ScoredWord> nearest_to_vector(const VectorStore& store, const std::vector<float>& vector,
                                          size_t k) {
  check_k(k);
  if (vector.size() != store.dim()) {
    throw Error(ErrorCode::kBadArgument, "The vector has " + std::to_string(vector.size()) +
                                             " numbers; this set needs " +
                                             std::to_string(store.dim()) + ".");
  }
  Eigen::VectorXf query = ConstVectorMap(vector.data(), store.dim());
  const float norm = query.norm();
  if (!(norm > 0) || !std::isfinite(norm)) {
    throw Error(ErrorCode::kBadArgument, "The vector must be finite and not all zeros.");
  }
  query /= norm;
  return top_k(store, cosines(store, query), k, {});
}

std::vector<ScoredWord> analogy(const VectorStore& store, const std::vector<std::string>& positive,
                                const std::vector<std::string>& negative, size_t k,
                                AnalogyMethod method) {
  check_k(k);
  if (positive.empty()) {
    throw Error(ErrorCode::kBadArgument, "Give at least one positive word.");
  }
  const std::vector<size_t> pos = indices_of(store, positive);
  const std::vector<size_t> neg = indices_of(store, negative);
  std::vector<size_t> excluded = pos;
  excluded.insert(excluded.end(), neg.begin(), neg.end());

  if (method == AnalogyMethod::kAdd) {
    // gensim get_mean_vector(pre_normalize=True, post_normalize=True): the weighted mean of
    // unit vectors (+1 positive, -1 negative), scaled to unit length.
    Eigen::VectorXf mean = Eigen::VectorXf::Zero(store.dim());
    for (size_t i : pos) mean += unit_row(store, i);
    for (size_t i : neg) mean -= unit_row(store, i);
    mean /= float(pos.size() + neg.size());
    const float norm = mean.norm();
    if (!(norm > 0)) {
      throw Error(ErrorCode::kBadArgument,
                  "The positive and negative words cancel out exactly; there is no direction left "
                  "to search.");
    }
    mean /= norm;
    return top_k(store, cosines(store, mean), k, excluded);
  }

  // 3CosMul: prod((1 + cos(w, p)) / 2) / (prod((1 + cos(w, n)) / 2) + 1e-6), as gensim.
  Eigen::ArrayXf numerator = Eigen::ArrayXf::Ones(Eigen::Index(store.size()));
  Eigen::ArrayXf denominator = Eigen::ArrayXf::Ones(Eigen::Index(store.size()));
  for (size_t i : pos) numerator *= (1.0f + cosines(store, unit_row(store, i)).array()) / 2.0f;
  for (size_t i : neg) denominator *= (1.0f + cosines(store, unit_row(store, i)).array()) / 2.0f;
  const Eigen::VectorXf scores = (numerator / (denominator + 1e-6f)).matrix();
  return top_k(store, scores, k, excluded);
}

OddOneOut doesnt_match(const VectorStore& store, const std::vector<std::string>& words) {
  if (words.size() < 2) {
    throw Error(ErrorCode::kBadArgument, "Give at least two words to find the odd one out.");
  }
  const std::vector<size_t> rows = indices_of(store, words);
  Eigen::VectorXf mean = Eigen::VectorXf::Zero(store.dim());
  for (size_t i : rows) mean += unit_row(store, i);
  mean /= float(rows.size());
  const float norm = mean.norm();
  if (!(norm > 0)) throw Error(ErrorCode::kBadArgument, "The words' vectors cancel out exactly.");
  mean /= norm;
  OddOneOut out;
  size_t worst = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const float score = unit_row(store, rows[i]).dot(mean);
    out.scores.push_back({words[i], score});
    if (score < out.scores[worst].score) worst = i;
  }
  out.word = out.scores[worst].word;
  return out;
}

}  // namespace playground
