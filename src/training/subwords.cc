#include "training/subwords.h"

#include <algorithm>

namespace playground {

std::vector<std::string> char_ngrams(std::string_view word, uint32_t minn, uint32_t maxn) {
  std::string bytes;
  bytes.reserve(word.size() + 2);
  bytes.push_back('<');
  bytes.append(word);
  bytes.push_back('>');
  const size_t num_bytes = bytes.size();
  auto is_continuation = [&](size_t k) { return (uint8_t(bytes[k]) & 0xC0) == 0x80; };
  std::vector<std::string> out;
  for (size_t i = 0; i < num_bytes; ++i) {
    if (is_continuation(i)) continue;
    size_t j = i;
    for (uint32_t n = 1; j < num_bytes && n <= maxn; ++n) {
      ++j;
      while (j < num_bytes && is_continuation(j)) ++j;
      if (n >= minn && !(n == 1 && (i == 0 || j == num_bytes))) out.push_back(bytes.substr(i, j - i));
    }
  }
  return out;
}

uint32_t fasttext_hash(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (char b : bytes) {
    h ^= uint32_t(int32_t(int8_t(b)));
    h *= 16777619u;
  }
  return h;
}

std::vector<uint32_t> ngram_buckets(std::string_view word, const SubwordSettings& settings) {
  std::vector<uint32_t> out;
  if (settings.buckets == 0 || settings.maxn < settings.minn) return out;
  for (const std::string& ngram : char_ngrams(word, settings.minn, settings.maxn)) {
    out.push_back(fasttext_hash(ngram) % settings.buckets);
  }
  return out;
}

std::optional<std::vector<float>> mean_ngram_vector(std::string_view word, const SubwordSettings& settings,
                                                    const std::vector<uint32_t>& buckets, const float* rows,
                                                    uint32_t dim) {
  std::vector<float> out(dim, 0.0f);
  uint32_t found = 0;
  for (uint32_t bucket : ngram_buckets(word, settings)) {
    const auto it = std::lower_bound(buckets.begin(), buckets.end(), bucket);
    if (it == buckets.end() || *it != bucket) continue;
    const float* row = rows + size_t(it - buckets.begin()) * dim;
    for (uint32_t i = 0; i < dim; ++i) out[i] += row[i];
    ++found;
  }
  if (found == 0) return std::nullopt;
  for (float& x : out) x /= float(found);
  return out;
}

}  // namespace playground
