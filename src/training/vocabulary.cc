#include "training/vocabulary.h"

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "training/numpy_argsort.h"

namespace playground {

Vocabulary::Vocabulary(const Corpus& corpus, const VocabularySettings& settings) {
  if (!(settings.sample >= 0) || !std::isfinite(settings.sample)) {
    throw Error(ErrorCode::kBadArgument, "sample must be a finite number >= 0 (1e-3 is usual; 0 turns sub-sampling off).");
  }
  if (!std::isfinite(settings.ns_exponent)) {
    throw Error(ErrorCode::kBadArgument, "The negative-sampling exponent must be finite (0.75 is usual).");
  }
  const std::vector<uint64_t>& raw = corpus.counts();
  // gensim: with max_final_vocab, min_count rises to one more than the count of the word in
  // place max_final_vocab of a stable descending sort.
  effective_min_count_ = settings.min_count;
  if (settings.max_final_vocab > 0 && settings.max_final_vocab < raw.size()) {
    std::vector<uint64_t> sorted = raw;
    std::nth_element(sorted.begin(), sorted.begin() + settings.max_final_vocab, sorted.end(),
                     std::greater<uint64_t>());
    effective_min_count_ = std::max(effective_min_count_, sorted[settings.max_final_vocab] + 1);
  }

  // Retained types in first-appearance order, then gensim's np.argsort(counts)[::-1].
  std::vector<uint32_t> retained;
  std::vector<int64_t> retained_counts;
  for (uint32_t t = 0; t < raw.size(); ++t) {
    if (raw[t] >= effective_min_count_) {
      retained.push_back(t);
      retained_counts.push_back(int64_t(raw[t]));
      retained_words_ += raw[t];
    }
  }
  if (retained.empty()) {
    throw Error(ErrorCode::kBadArgument,
                "No word occurs at least min_count = " + std::to_string(effective_min_count_) +
                    " times: lower min_count or give more text.");
  }
  if (retained.size() >= UINT32_MAX) throw Error(ErrorCode::kBadArgument, "The vocabulary is too large.");
  const std::vector<uint32_t> ascending = numpy_argsort(retained_counts);
  type_to_index_.assign(raw.size(), kNotInVocabulary);
  words_.reserve(retained.size());
  counts_.reserve(retained.size());
  for (size_t k = ascending.size(); k-- > 0;) {
    const uint32_t type = retained[ascending[k]];
    type_to_index_[type] = uint32_t(words_.size());
    words_.push_back(corpus.types()[type]);
    counts_.push_back(raw[type]);
  }
  for (uint32_t i = 0; i < words_.size(); ++i) index_.emplace(words_[i], i);

  // prepare_vocab: the sub-sampling thresholds.
  double threshold_count;
  if (settings.sample == 0) {
    threshold_count = double(retained_words_);
  } else if (settings.sample < 1.0) {
    threshold_count = settings.sample * double(retained_words_);
  } else {
    threshold_count = std::trunc(settings.sample * (3 + std::sqrt(5.0)) / 2);
  }
  sample_int_.resize(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    const double v = double(counts_[i]);
    double probability = (std::sqrt(v / threshold_count) + 1) * (threshold_count / v);
    if (!(probability < 1.0)) probability = 1.0;
    sample_int_[i] = uint32_t(probability * 4294967295.0);
  }

  // make_cum_table: round(cumulative / total * domain), Python's round (half to even).
  const double domain = 2147483647.0;
  double total = 0;
  for (uint64_t c : counts_) total += std::pow(double(c), settings.ns_exponent);
  cum_table_.resize(words_.size());
  double cumulative = 0;
  for (size_t i = 0; i < words_.size(); ++i) {
    cumulative += std::pow(double(counts_[i]), settings.ns_exponent);
    cum_table_[i] = uint32_t(std::nearbyint(cumulative / total * domain));
  }
}

std::optional<uint32_t> Vocabulary::find(std::string_view word) const {
  const auto it = index_.find(word);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace playground
