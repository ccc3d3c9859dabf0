// word2vec (Mikolov et al. 2013, "Efficient Estimation of Word Representations in Vector
// Space" and "Distributed Representations of Words and Phrases and their
// Compositionality") with negative sampling, skip-gram or CBOW (mean of the context), and
// optionally fastText's subword vectors (Bojanowski et al. 2017, "Enriching Word Vectors with
// Subword Information"), trained on one thread in steps so that a caller can report
// progress, look at the vectors mid-training, pause (stop calling step) and cancel (destroy).
//
// It follows gensim 4.2's Word2Vec / FastText (and word2vec.c) in everything that shapes the
// result: the vocabulary (vocabulary.h), word2vec.c's LCG for sub-sampling and negative draws
// (negative_sampler.h: the cumulative table by bisection), skipping a negative that equals the
// target, the randomly shrunk window (uniform 1..window per word, from a separate generator as
// gensim draws it with numpy's), skip-gram's context word predicting the centre word, the CBOW
// error added whole to every context row, input rows initialised uniform in ±1/dim (gensim
// 4.2's prep_vectors; word2vec.c used ±0.5/dim) and output rows at zero, the learning rate
// falling linearly from alpha to min_alpha over all epochs, sentences longer than 10,000
// tokens cut (corpus.h). Deliberate differences:
//   - the sigmoid and the loss are exact (gensim uses a 1000-entry table and skips |f| >= 6);
//   - the learning rate is set per sentence by raw words done (gensim: per 10,000-word job,
//     by sentences done);
//   - the random streams are this class's own: same seed, same bytes, but not gensim's;
//   - positions without any context word are skipped (gensim's CBOW makes a no-op update);
//   - fastText skip-gram averages the word and n-gram rows over n + 1 as fastText does
//     (gensim divides their sum by n), composes the mean once per centre word (see
//     train_skipgram), and an n-gram bucket that no vocabulary word uses has no row (gensim
//     keeps a never-trained random row for it), so an unknown word's vector is the mean over
//     its n-grams that have rows.
// Measured on the State of the Union corpus, 8 seeds each: Google-analogy accuracy and
// WordSim353 within ~0.01 of gensim's on average (tests/parity/word2vec_quality.py checks
// one seed).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/random.h"
#include "training/corpus.h"
#include "training/negative_sampler.h"
#include "training/subwords.h"
#include "training/vocabulary.h"
#include "training/word2vec_kernels.h"
#include "vectors/vector_store.h"

namespace playground {

enum class Word2VecModel { kSkipGram, kCbow };

struct Word2VecSettings {
  Word2VecModel model = Word2VecModel::kSkipGram;
  uint32_t dim = 100;      // 1..4096
  uint32_t window = 5;     // 1..100
  uint32_t negative = 5;   // 1..100
  uint32_t epochs = 5;     // 1..10000
  double alpha = 0.025;    // (0, 1]
  double min_alpha = 0.0001;  // [0, alpha]
  uint64_t seed = 1;
  VocabularySettings vocabulary;  // min_count, max_final_vocab, sample, ns_exponent
  std::optional<SubwordSettings> subwords;  // fastText n-grams when set
};

struct TrainingProgress {
  uint32_t epoch = 0;          // the epoch being trained, 0-based; == epochs when done
  uint32_t epochs = 0;
  uint64_t words_done = 0;     // raw corpus tokens processed, all epochs
  uint64_t words_total = 0;    // corpus tokens × epochs
  double progress = 0;         // words_done / words_total
  uint64_t trained_words = 0;  // tokens trained on after dropping unknown and sub-sampled ones
  uint64_t examples = 0;       // predictions made (one per positive target), all epochs
  double seconds = 0;          // time spent inside step()
  double words_per_second = 0; // words_done / seconds
  double loss = 0;             // running loss: the sum over all examples so far
  double epoch_loss = 0;       // the sum over the current epoch's examples so far
  uint64_t epoch_examples = 0;
  double alpha = 0;            // learning rate of the last sentence trained
  bool done = false;
};

class Word2VecTrainer {
 public:
  // Builds the vocabulary and initialises the weights; the corpus is moved in. Throws
  // Error(kBadArgument) for a setting out of range (naming it and its range) or an empty
  // vocabulary.
  Word2VecTrainer(Corpus corpus, const Word2VecSettings& settings);

  // Trains on whole sentences until at least `words` more raw tokens are done (at least one
  // sentence when words > 0) or training ends; returns the progress. After done, no-op.
  TrainingProgress step(uint64_t words);
  // Trains to the end.
  TrainingProgress train();
  const TrainingProgress& progress() const { return progress_; }
  bool done() const { return progress_.done; }

  const Word2VecSettings& settings() const { return settings_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }
  const Corpus& corpus() const { return corpus_; }
  // Summed loss of each completed epoch (exact, in double).
  const std::vector<double>& epoch_losses() const { return epoch_losses_; }

  // The word vectors as gensim's model.wv.vectors (vocabulary order, row-major): the input
  // rows, or with subwords each word's row and n-gram rows averaged.
  std::vector<float> word_vectors() const;
  // The current vectors as an immutable set for the query functions (queries.h). Throws
  // Error(kBadArgument) if training diverged (non-finite values: lower alpha).
  VectorStore snapshot() const;
  // The vector of any word: a vocabulary word's row (as word_vectors), or with subwords the
  // mean of an unknown word's n-gram rows; nullopt without one.
  std::optional<std::vector<float>> vector(std::string_view word) const;

  // Raw weights, for tests: input rows (vocabulary × dim), output rows (vocabulary × dim),
  // n-gram rows (ngram_rows() × dim).
  const std::vector<float>& input_weights() const { return input_; }
  const std::vector<float>& output_weights() const { return output_; }
  const std::vector<float>& ngram_weights() const { return ngrams_; }
  size_t ngram_rows() const { return ngram_buckets_.size(); }
  // The bucket of each n-gram row (sorted ascending).
  const std::vector<uint32_t>& ngram_row_buckets() const { return ngram_buckets_; }

 private:
  void train_sentence(size_t sentence);
  void train_skipgram(float alpha);
  void train_cbow(float alpha);
  // Fills hidden_ with word w's input vector (with subwords: mean of its rows).
  void compose_input(uint32_t w, float* hidden) const;
  void add_to_input(uint32_t w, const float* delta);
  // Draws `negative` words for target `target` into targets_[1..]; returns the count incl. target.
  uint32_t draw_targets(uint32_t target);
  void finish_epoch();
  // The randomly shrunk window around sentence position i: positions [first, second).
  std::pair<int64_t, int64_t> window_around(int64_t i) const;
  void count_examples(double loss, uint64_t examples);

  Word2VecSettings settings_;
  Corpus corpus_;
  Vocabulary vocabulary_;
  NegativeSampler sampler_;
  // With subwords: the sorted distinct buckets used by the vocabulary (row r is bucket
  // ngram_buckets_[r]) and each word's n-gram rows.
  std::vector<uint32_t> ngram_buckets_;
  std::vector<uint32_t> word_ngram_offsets_;
  std::vector<uint32_t> word_ngram_rows_;
  std::vector<float> input_;   // vocabulary × dim (gensim wv.vectors / vectors_vocab)
  std::vector<float> output_;  // vocabulary × dim (gensim syn1neg)
  std::vector<float> ngrams_;  // ngram rows × dim (gensim vectors_ngrams, compacted)
  Word2VecRandom random_;  // sub-sampling and negative draws, as gensim
  Random window_random_;    // the shrunk windows (gensim: numpy's generator)
  // Scratch for one sentence.
  std::vector<uint32_t> words_;
  std::vector<uint32_t> reduced_;
  std::vector<uint32_t> targets_;
  std::vector<float> hidden_, grad_, delta_;
  // Position.
  size_t next_sentence_ = 0;
  std::vector<double> epoch_losses_;
  TrainingProgress progress_;
};

}  // namespace playground
