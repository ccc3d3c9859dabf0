// The training vocabulary of word2vec / fastText, built from a corpus exactly as gensim 4.2
// builds it (Word2Vec.build_vocab -> scan_vocab, prepare_vocab, make_cum_table):
//   - words occurring at least min_count times (with max_final_vocab, gensim's effective
//     min_count: one more than the count of the (max_final_vocab+1)-th most frequent word);
//   - ordered by descending count, ties in the order numpy's unstable argsort leaves them
//     (gensim: np.argsort(counts)[::-1] over the words in order of first appearance);
//   - per word the sub-sampling threshold sample_int (Mikolov et al. 2013, "Distributed
//     Representations of Words and Phrases", §2.3, in word2vec.c's form): a word is dropped
//     when sample_int < a 32-bit random number;
//   - the cumulative table for drawing negative samples from count^ns_exponent (0.75).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "training/corpus.h"

namespace playground {

struct VocabularySettings {
  uint64_t min_count = 5;
  uint64_t max_final_vocab = 0;  // 0: no limit
  double sample = 1e-3;          // 0: no sub-sampling; >= 1: gensim's count shorthand
  double ns_exponent = 0.75;
};

class Vocabulary {
 public:
  // Throws Error(kBadArgument) when no word is left (the message says to lower min_count or
  // give more text) or a setting is out of range (negative sample, non-finite exponent).
  Vocabulary(const Corpus& corpus, const VocabularySettings& settings);
  // Movable, not copyable: the word index holds views into words_.
  Vocabulary(Vocabulary&&) = default;
  Vocabulary& operator=(Vocabulary&&) = default;
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  size_t size() const { return words_.size(); }
  const std::vector<std::string>& words() const { return words_; }
  const std::string& word(size_t index) const { return words_[index]; }
  uint64_t count(size_t index) const { return counts_[index]; }
  // The vocabulary index of `word`, or nullopt.
  std::optional<uint32_t> find(std::string_view word) const;
  // Vocabulary index of corpus type `type`, or kNotInVocabulary.
  static constexpr uint32_t kNotInVocabulary = UINT32_MAX;
  uint32_t index_of_type(uint32_t type) const { return type_to_index_[type]; }

  // gensim's sample_int: keep probability * (2^32 - 1), truncated.
  uint32_t sample_int(size_t index) const { return sample_int_[index]; }
  // gensim's cum_table (domain 2^31 - 1; the last entry equals the domain).
  const std::vector<uint32_t>& cum_table() const { return cum_table_; }

  uint64_t retained_words() const { return retained_words_; }  // corpus tokens in the vocabulary
  uint64_t effective_min_count() const { return effective_min_count_; }

 private:
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> type_to_index_;
  std::unordered_map<std::string_view, uint32_t> index_;  // views into words_
  std::vector<uint32_t> sample_int_;
  std::vector<uint32_t> cum_table_;
  uint64_t retained_words_ = 0;
  uint64_t effective_min_count_ = 0;
};

}  // namespace playground
