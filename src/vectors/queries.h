// Queries over a VectorStore with gensim KeyedVectors semantics: similarity (cosine),
// most_similar (nearest / 3CosAdd analogy), most_similar_cosmul (3CosMul, Levy & Goldberg
// 2014, "Linguistic Regularities in Sparse and Explicit Word Representations") and
// doesnt_match. Cosines are float32 as gensim computes them; 3CosMul scores are computed in
// double (see analogy()), so they neither underflow nor lose their order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vectors/vector_store.h"

namespace playground {

struct ScoredWord {
  std::string word;
  double score;  // a float32 cosine widened exactly, or a 3CosMul score in double
};

enum class AnalogyMethod { kAdd, kMul };

// Largest k the queries accept; the page never needs more. The JS wrapper reads it from the core.
inline constexpr size_t kMaxNeighbours = 1000;

// Most words (positive and negative together) one analogy or expression takes: each costs a scan
// of the whole vocabulary, and no question a student asks needs more. The JS wrapper reads it
// from the core.
inline constexpr size_t kMaxTerms = 100;

// Cosine similarity of two vocabulary words; throws Error(kUnknownWord).
float similarity(const VectorStore& store, const std::string& a, const std::string& b);

// The k words most similar to `word`, excluding it (gensim most_similar(word, topn=k)).
std::vector<ScoredWord> nearest(const VectorStore& store, const std::string& word, size_t k);

// The k words most similar to an arbitrary vector of store.dim() floats; excludes nothing
// (gensim most_similar(positive=[vector])). Any finite, non-zero vector works, however large or
// small its numbers; throws Error(kBadArgument) on a wrong length, a NaN or infinity, or zeros.
std::vector<ScoredWord> nearest_to_vector(const VectorStore& store, const std::vector<float>& vector,
                                          size_t k);

// gensim most_similar(positive, negative, topn=k) for kAdd, most_similar_cosmul for kMul:
// every input word is excluded from the answer. Needs at least one positive word and at most
// kMaxTerms words in all (Error(kBadArgument)); an unknown word throws Error(kUnknownWord).
std::vector<ScoredWord> analogy(const VectorStore& store, const std::vector<std::string>& positive,
                                const std::vector<std::string>& negative, size_t k,
                                AnalogyMethod method);

// Each word's cosine with the unit mean of the group's unit vectors, in input order; the
// odd one out (gensim doesnt_match) is the word with the lowest score (first on a tie).
struct OddOneOut {
  std::string word;
  std::vector<ScoredWord> scores;
};
OddOneOut doesnt_match(const VectorStore& store, const std::vector<std::string>& words);

}  // namespace playground
