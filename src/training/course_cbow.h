// The small CBOW model the course trains in PyTorch (../shared/course/README.md), reproduced
// exactly so a test can run PyTorch side by side (tests/parity/course_cbow_torch.py):
//   - corpus: four sentences, lower-cased and split on whitespace; vocabulary: the words in
//     order of first appearance, then "<PAD>" (a real, trained row);
//   - pairs: for every word, the words up to 2 positions left and right in its sentence (in
//     the order i−2, i−1, i+1, i+2), padded with <PAD> at the end to exactly 4 ids; target:
//     the word;
//   - model: embedding V × 50 (nn.Embedding), the mean of the 4 context rows, a linear layer
//     with bias to V (nn.Linear), cross-entropy over the full softmax, mean over the batch
//     (nn.CrossEntropyLoss);
//   - training: Adam (adam.h: lr 0.01, β 0.9/0.999, ε 1e-8), batches of 8 (the last one
//     smaller), 50 epochs, the pairs shuffled each epoch; the epoch's loss is the sum of its
//     batch losses, as the lesson prints it.
// float32 arithmetic like PyTorch; losses summed in double. This is a CBOW with a full
// softmax (Mikolov et al. 2013, "Efficient Estimation of Word Representations in Vector
// Space", §3.1), not word2vec's negative sampling.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/random.h"
#include "training/adam.h"
#include "vectors/vector_store.h"

namespace playground {

// The lesson's four sentences.
const std::vector<std::string>& course_sentences();

struct CoursePair {
  std::array<uint32_t, 4> context;
  uint32_t target;
};

struct CourseData {
  std::vector<std::string> vocabulary;  // first appearance order, "<PAD>" last
  std::vector<CoursePair> pairs;         // sentence by sentence, word by word
};

// Vocabulary and pairs of `sentences` (split on ASCII whitespace and lower-cased, ASCII
// only, as the lesson's str.lower().split() does for its sentences). Throws
// Error(kBadArgument) if there is no word.
CourseData course_data(const std::vector<std::string>& sentences);

// Weights, row-major like PyTorch: embedding V × dim (nn.Embedding.weight), linear V × dim
// (nn.Linear.weight), bias V.
struct CourseWeights {
  uint32_t vocabulary = 0;
  uint32_t dim = 0;
  std::vector<float> embedding, linear, bias;
};

// PyTorch's default initialisation from the core's generator: embedding N(0, 1), linear and
// bias uniform in ±1/sqrt(dim).
CourseWeights course_initial_weights(uint32_t vocabulary, uint32_t dim, uint64_t seed);

// The mean cross-entropy of `count` pairs and, when `gradients` is given, its gradients with
// respect to every weight (same shapes as `weights`), as autograd computes them.
double course_batch_loss(const CourseWeights& weights, const CoursePair* pairs, size_t count,
                         CourseWeights* gradients);

struct CourseSettings {
  uint32_t dim = 50;
  uint32_t epochs = 50;
  uint32_t batch_size = 8;
  AdamSettings adam;
  uint64_t seed = 0;
  std::optional<CourseWeights> initial_weights;         // else course_initial_weights(seed)
  std::optional<std::vector<std::vector<uint32_t>>> order;  // one permutation of the pairs per epoch
};

class CourseCbowTrainer {
 public:
  // Throws Error(kBadArgument) when the initial weights or the order do not fit the data.
  CourseCbowTrainer(CourseData data, CourseSettings settings);

  // Trains one epoch and returns its loss (the sum of its batch losses); no-op when done.
  double step_epoch();
  bool done() const { return losses_.size() == settings_.epochs; }
  uint32_t epoch() const { return uint32_t(losses_.size()); }
  const std::vector<double>& losses() const { return losses_; }
  const CourseData& data() const { return data_; }
  const CourseWeights& weights() const { return weights_; }
  // The embedding rows as a vector set (the "<PAD>" row included).
  VectorStore snapshot() const;

 private:
  CourseData data_;
  CourseSettings settings_;
  CourseWeights weights_, gradients_;
  Adam adam_embedding_, adam_linear_, adam_bias_;
  std::vector<uint32_t> shuffled_;
  Random random_;
  std::vector<double> losses_;
};

}  // namespace playground
