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

// The k best-scoring rows not in `excluded` as (index, score), best first; ties go to the more
// frequent word (the lower index); NaN scores are skipped.
template <typename Score>
std::vector<std::pair<size_t, Score>> top_k(const Score* scores, size_t count, size_t k,
                                            const std::vector<size_t>& excluded) {
  using Entry = std::pair<Score, size_t>;
  const auto better = [](const Entry& a, const Entry& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  // With `better` as its less-than, the heap keeps the worst of the best k on top: the entry a
  // new one must beat.
  std::priority_queue<Entry, std::vector<Entry>, decltype(better)> heap(better);
  for (size_t i = 0; i < count; ++i) {
    const Entry entry{scores[i], i};
    if (heap.size() == k && !better(entry, heap.top())) continue;
    if (std::find(excluded.begin(), excluded.end(), i) != excluded.end()) continue;
    if (std::isnan(entry.first)) continue;
    heap.push(entry);
    if (heap.size() > k) heap.pop();
  }
  std::vector<std::pair<size_t, Score>> out(heap.size());
  for (size_t i = out.size(); i-- > 0;) {
    out[i] = {heap.top().second, heap.top().first};
    heap.pop();
  }
  return out;
}

// top_k of float scores as words.
std::vector<ScoredWord> top_words(const VectorStore& store, const Eigen::VectorXf& scores, size_t k,
                                  const std::vector<size_t>& excluded) {
  std::vector<ScoredWord> out;
  for (const auto& [index, score] : top_k(scores.data(), store.size(), k, excluded)) {
    out.push_back({store.word(index), score});
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
  // The norm in double: squares of finite floats neither overflow nor underflow there, so a
  // vector scaled by 1e20 or 1e-25 points the same way as the one it was scaled from.
  double sum = 0;
  for (size_t j = 0; j < vector.size(); ++j) {
    if (!std::isfinite(vector[j])) {
      throw Error(ErrorCode::kBadArgument, "The vector's number " + std::to_string(j) +
                                               " is not finite (NaN or infinity).");
    }
    sum += double(vector[j]) * vector[j];
  }
  if (sum == 0) throw Error(ErrorCode::kBadArgument, "The vector is all zeros; it points nowhere to search.");
  const double norm = std::sqrt(sum);
  Eigen::VectorXf query(Eigen::Index(store.dim()));
  for (size_t j = 0; j < vector.size(); ++j) query[Eigen::Index(j)] = float(vector[j] / norm);
  return top_words(store, cosines(store, query), k, {});
}

std::vector<ScoredWord> analogy(const VectorStore& store, const std::vector<std::string>& positive,
                                const std::vector<std::string>& negative, size_t k,
                                AnalogyMethod method) {
  check_k(k);
  if (positive.empty()) {
    throw Error(ErrorCode::kBadArgument, "Give at least one positive word.");
  }
  if (positive.size() + negative.size() > kMaxTerms) {
    throw Error(ErrorCode::kBadArgument, "An analogy takes at most " + std::to_string(kMaxTerms) +
                                             " words; this one has " +
                                             std::to_string(positive.size() + negative.size()) + ".");
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
    return top_words(store, cosines(store, mean), k, excluded);
  }

  // 3CosMul as gensim's most_similar_cosmul: prod((1 + cos(w, p)) / 2) / (prod((1 + cos(w, n)) / 2)
  // + 1e-6), each cosine shifted to [0, 1] (Levy & Goldberg's footnote 7). Products of up to
  // kMaxTerms factors below 1 underflow in float32 (0.4^100 = 1.6e-40), after which every word
  // scores 0 and the ranking is noise; so the products are sums of logarithms in double, and the
  // words are ranked by the logarithm of their score. The score itself is returned in double
  // (within ~3e-7 of gensim's float32 arithmetic for the parity tests' three-word analogies, and
  // still above zero where float32 would have given 0).
  const size_t n = store.size();
  const auto add_logs = [&](const std::vector<size_t>& terms, std::vector<double>* sums) {
    for (size_t t : terms) {
      const Eigen::VectorXf cos = cosines(store, unit_row(store, t));
      for (size_t w = 0; w < n; ++w) {
        (*sums)[w] += std::log(std::max(0.0, (1.0 + double(cos[Eigen::Index(w)])) / 2.0));
      }
    }
  };
  std::vector<double> log_numerator(n, 0.0), log_denominator(n, 0.0), log_score(n);
  add_logs(pos, &log_numerator);
  add_logs(neg, &log_denominator);
  for (size_t w = 0; w < n; ++w) {
    log_score[w] = log_numerator[w] - std::log(std::exp(log_denominator[w]) + 1e-6);
  }
  std::vector<ScoredWord> out;
  for (const auto& [index, log_value] : top_k(log_score.data(), n, k, excluded)) {
    out.push_back({store.word(index), std::exp(log_value)});
  }
  return out;
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
