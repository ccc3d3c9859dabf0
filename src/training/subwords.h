// fastText's character n-grams (Bojanowski et al. 2017, "Enriching Word Vectors with Subword
// Information", §3.2) exactly as gensim 4.2 computes them: the n-grams of "<word>" from minn
// to maxn characters (UTF-8 aware: a character is a lead byte and its continuation bytes),
// leaving out the lone "<" and ">", and the whole "<word>" included when it is short enough
// (gensim.models.fasttext_inner.compute_ngrams_bytes); each hashed with fastText's 32-bit
// FNV-1a over the bytes taken as *signed* chars, as fastText's C++ and gensim's
// ft_hash_bytes do (bytes >= 0x80 are sign-extended before the xor), modulo `buckets`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

struct SubwordSettings {
  uint32_t minn = 3;
  uint32_t maxn = 6;
  uint32_t buckets = 2000000;
};

// The n-grams of `word` (UTF-8) as byte strings, in gensim's order (by start, then length).
std::vector<std::string> char_ngrams(std::string_view word, uint32_t minn, uint32_t maxn);

// fastText's hash of `bytes` (gensim ft_hash_bytes).
uint32_t fasttext_hash(std::string_view bytes);

// The bucket of every n-gram of `word`, in char_ngrams order, repeats kept (gensim
// ft_ngram_hashes). Empty when buckets == 0 or maxn < minn.
std::vector<uint32_t> ngram_buckets(std::string_view word, const SubwordSettings& settings);

// The vector of a word from n-gram rows alone: the mean of the rows of its n-grams' buckets
// that are present in `buckets` (sorted ascending; row r holds bucket buckets[r], `dim` floats
// per row in `rows`), repeats counted as gensim counts them. A bucket that no row holds is
// left out (gensim would add its never-trained random row). nullopt when none is present.
std::optional<std::vector<float>> mean_ngram_vector(std::string_view word, const SubwordSettings& settings,
                                                    const std::vector<uint32_t>& buckets, const float* rows,
                                                    uint32_t dim);

}  // namespace playground
