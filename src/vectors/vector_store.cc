#include "vectors/vector_store.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "common/error.h"
#include "common/utf8.h"
#include "vectors/vector_asset.h"

namespace playground {
namespace {

// Optimal-string-alignment distance between code point sequences, or `limit + 1` as soon
// as it must exceed `limit` (keeps a scan over the vocabulary cheap).
size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

VectorStore::VectorStore(std::vector<std::string> words, uint32_t dim, std::vector<float> values)
    : words_(std::move(words)), dim_(dim), raw_(std::move(values)) {
  if (words_.empty()) throw Error(ErrorCode::kBadArgument, "A vector set needs at least one word.");
  if (dim_ == 0) throw Error(ErrorCode::kBadArgument, "A vector set needs a dimension of at least 1.");
  if (raw_.size() != words_.size() * size_t(dim_)) {
    throw Error(ErrorCode::kBadArgument, "Expected " + std::to_string(words_.size() * dim_) +
                                             " values for " + std::to_string(words_.size()) +
                                             " words, got " + std::to_string(raw_.size()) + ".");
  }
  index_.reserve(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    longest_word_bytes_ = std::max(longest_word_bytes_, words_[i].size());
    if (!index_.emplace(words_[i], uint32_t(i)).second) {
      throw Error(ErrorCode::kBadArgument, "The word " + quote(words_[i]) + " appears twice.");
    }
  }
  unit_.resize(raw_.size());
  norms_.resize(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    const float* row = raw(i);
    float* unit = unit_.data() + i * dim_;
    double sum = 0;  // a double cannot overflow or underflow on squares of finite floats
    for (size_t j = 0; j < dim_; ++j) {
      if (!std::isfinite(row[j])) {
        throw Error(ErrorCode::kBadArgument, "The vector of " + quote(words_[i]) + " is not finite.");
      }
      sum += double(row[j]) * row[j];
    }
    if (sum == 0) throw Error(ErrorCode::kBadArgument, "The vector of " + quote(words_[i]) + " is all zeros.");
    const double norm = std::sqrt(sum);
    norms_[i] = float(norm);
    if (std::isnormal(norms_[i])) {
      // As gensim: the norm in the vectors' own precision, then a float32 division.
      for (size_t j = 0; j < dim_; ++j) unit[j] = row[j] / norms_[i];
    } else {
      // A norm beyond float32's normal range (values near 1e38 or 1e-38): divide in double, so
      // the unit vector is still one.
      for (size_t j = 0; j < dim_; ++j) unit[j] = float(row[j] / norm);
    }
  }
}

VectorStore VectorStore::from_asset(const uint8_t* data, size_t size) {
  DecodedVectors decoded = decode_vector_asset(data, size);
  try {
    return VectorStore(std::move(decoded.words), decoded.dim, std::move(decoded.values));
  } catch (const Error& e) {
    // The decoder checks what the constructor does; this keeps any bad asset a kBadAsset.
    throw Error(ErrorCode::kBadAsset, std::string("Invalid vector file: ") + e.what());
  }
}

std::optional<size_t> VectorStore::find(std::string_view word) const {
  const auto it = index_.find(word);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

size_t VectorStore::index_of(std::string_view word) const {
  if (const auto found = find(word)) return *found;
  std::vector<std::string> suggestions = suggest(word);
  std::string message = quote(word) + " is not in the vocabulary";
  if (!suggestions.empty()) {
    message += "; did you mean";
    for (size_t i = 0; i < suggestions.size(); ++i) message += (i == 0 ? " " : ", ") + quote(suggestions[i]);
    message += "?";
  } else {
    message += " of " + std::to_string(size()) + " words.";
  }
  throw Error(ErrorCode::kUnknownWord, message, word, std::move(suggestions));
}

std::vector<std::string> VectorStore::suggest(std::string_view word, size_t max_count) const {
  if (word.empty() || max_count == 0) return {};
  // Nothing is within two edits (of up to 4 bytes each) of a word this long, nor extends it: a
  // pasted megabyte costs no more than a short word.
  if (word.size() > longest_word_bytes_ + 8) return {};
  const std::string lower = ascii_lower(word);
  const std::vector<char32_t> query = decode_utf8(lower);
  // Edits on one- or two-character queries reach unrelated words (an emoji is one edit from
  // ","), so those get only their lower-case form.
  const size_t limit = query.size() < 3 ? 0 : query.size() == 3 ? 1 : 2;
  // (rank class, distance, frequency index): lower sorts first.
  std::vector<std::tuple<int, size_t, size_t>> found;
  for (size_t i = 0; i < words_.size(); ++i) {
    const std::string& candidate = words_[i];
    if (candidate == word) continue;
    if (candidate == lower) {
      found.emplace_back(0, 0, i);
      continue;
    }
    const std::vector<char32_t> cand = decode_utf8(candidate);
    const size_t distance = edit_distance(query, cand, limit);
    const bool extends = query.size() >= 3 && candidate.size() > lower.size() &&
                         candidate.compare(0, lower.size(), lower) == 0;
    // One typo beats a completion, which beats two typos ("bana": banana before man).
    if (distance == 1 && limit >= 1) {
      found.emplace_back(1, distance, i);
    } else if (extends) {
      found.emplace_back(2, 0, i);
    } else if (distance <= limit && limit >= 2) {
      found.emplace_back(3, distance, i);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < found.size() && out.size() < max_count; ++i) {
    out.push_back(words_[std::get<2>(found[i])]);
  }
  return out;
}

}  // namespace playground
