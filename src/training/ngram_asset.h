// The n-gram table of a fastText-style vector set (format "EPNG" version 1, documented in
// assets/README.md): the settings that map a word to buckets (minn, maxn, buckets), the
// buckets that have a row (sorted), and those rows quantized to int8 with one float32 scale
// per row. Shipped beside an "EPWV" word-vector asset so that words outside its vocabulary
// get a vector too: the mean of their n-gram rows (subwords.h, mean_ngram_vector).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/asset_envelope.h"
#include "training/subwords.h"

namespace playground {

struct NgramTable {
  SubwordSettings settings;
  uint32_t dim = 0;
  std::vector<uint32_t> buckets;  // strictly increasing, each < settings.buckets
  std::vector<float> rows;        // buckets.size() × dim, row-major

  // The vector of `word` from its n-grams (mean_ngram_vector), or nullopt.
  std::optional<std::vector<float>> vector(std::string_view word) const {
    return mean_ngram_vector(word, settings, buckets, rows.data(), dim);
  }
};

// Encodes `table`, each row quantized as round(x / scale) with scale = max|x| / 127 (an
// all-zero row gets scale 1). Throws Error(kBadArgument) if the table is inconsistent.
std::vector<uint8_t> encode_ngram_asset(const NgramTable& table);

// Validates everything (magic, version, exact size, checksum, settings, sorted buckets,
// finite positive scales) and decodes to float32 rows (q * scale in float32). Throws
// Error(kBadAsset) naming the problem.
NgramTable decode_ngram_asset(const uint8_t* data, size_t size);

}  // namespace playground
