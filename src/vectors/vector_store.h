// An immutable set of word vectors: the words in their file order (GloVe's frequency
// order), a word -> index lookup, the vectors as stored and their unit-normalized copies.
// All queries (similarity, nearest, analogy, PCA) read it through const methods.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace playground {

class VectorStore {
 public:
  // Takes `words.size() * dim` values, row-major. Throws Error(kBadArgument) on empty,
  // duplicate or mismatched input, and on non-finite or all-zero vectors.
  VectorStore(std::vector<std::string> words, uint32_t dim, std::vector<float> values);

  // Decodes and validates an asset (see vector_asset.h); throws Error(kBadAsset).
  static VectorStore from_asset(const uint8_t* data, size_t size);

  size_t size() const { return words_.size(); }
  uint32_t dim() const { return dim_; }
  const std::vector<std::string>& words() const { return words_; }
  const std::string& word(size_t index) const { return words_[index]; }

  // The index of `word` (exact, case-sensitive as in gensim), or nullopt.
  std::optional<size_t> find(std::string_view word) const;
  // The index of `word`; throws Error(kUnknownWord) naming it, with suggestions.
  size_t index_of(std::string_view word) const;

  // Row `index` as stored (GloVe's own numbers), dim() floats.
  const float* raw(size_t index) const { return raw_.data() + index * dim_; }
  // Row `index` divided by its L2 norm, dim() floats.
  const float* unit(size_t index) const { return unit_.data() + index * dim_; }
  // All unit rows, size() * dim() floats, row-major.
  const float* unit_matrix() const { return unit_.data(); }
  float norm(size_t index) const { return norms_[index]; }

  // Up to `max_count` vocabulary words close to `word`: its ASCII lower-case form, then
  // words one edit away, then words it is a prefix of, then words two edits away (for
  // words of 4+ characters); more frequent words first within each group.
  std::vector<std::string> suggest(std::string_view word, size_t max_count = 5) const;

 private:
  std::vector<std::string> words_;
  uint32_t dim_;
  std::unordered_map<std::string_view, uint32_t> index_;  // views into words_
  std::vector<float> raw_;
  std::vector<float> unit_;
  std::vector<float> norms_;
  size_t longest_word_bytes_ = 0;
};

}  // namespace playground
