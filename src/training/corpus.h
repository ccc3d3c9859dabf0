// A training corpus held compactly: the distinct words ("types") in order of first
// appearance with their counts, and every sentence as a run of type ids. Built token by
// token from raw text (text_tokenizer.h), from pre-tokenised sentences, or from the shipped
// corpus files (one sentence per line, words separated by spaces).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace playground {

// gensim's MAX_WORDS_IN_BATCH: a longer sentence is cut into pieces of this many tokens, as
// gensim's LineSentence and word2vec.c do (gensim's Cython would drop the rest instead).
inline constexpr size_t kMaxSentenceTokens = 10000;

class Corpus {
 public:
  Corpus() = default;

  // Distinct words in order of first appearance (Python dict order in gensim's scan_vocab).
  const std::vector<std::string>& types() const { return types_; }
  // How often each type occurs.
  const std::vector<uint64_t>& counts() const { return counts_; }
  size_t sentence_count() const { return offsets_.size() - 1; }
  uint64_t token_count() const { return tokens_.size(); }
  // The type ids of sentence `s` (never empty): [sentence_begin(s), sentence_end(s)).
  const uint32_t* sentence_begin(size_t s) const { return tokens_.data() + offsets_[s]; }
  const uint32_t* sentence_end(size_t s) const { return tokens_.data() + offsets_[s + 1]; }
  size_t sentence_size(size_t s) const { return offsets_[s + 1] - offsets_[s]; }

 private:
  friend class CorpusBuilder;
  std::vector<std::string> types_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> tokens_;
  std::vector<uint64_t> offsets_{0};
};

// Collects tokens sentence by sentence. Empty tokens and empty sentences are skipped.
class CorpusBuilder {
 public:
  // Appends `token` (UTF-8, as is) to the current sentence; a sentence that reaches
  // kMaxSentenceTokens is closed and the next token starts a new one.
  void add_token(std::string_view token);
  // Closes the current sentence (nothing happens if it is empty).
  void end_sentence();
  // Closes the last sentence and hands over the corpus; the builder is empty afterwards.
  Corpus finish();

 private:
  Corpus corpus_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// A corpus of pre-tokenised sentences, each token taken as it is.
Corpus corpus_from_sentences(const std::vector<std::vector<std::string>>& sentences);

// A corpus from the shipped format: one sentence per line ("\n" or "\r\n"), tokens separated
// by spaces or tabs, taken as they are (no lower-casing).
Corpus corpus_from_lines(std::string_view text);

}  // namespace playground
