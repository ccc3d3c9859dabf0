// Reads and writes the playground's word-vector asset (format "EPWV" version 1, documented in
// assets/README.md; the header is read by common/asset_envelope.h): words in UTF-8, one scale
// per word, int16 components.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/asset_envelope.h"

namespace playground {

// The decoded content of an asset: row i of `values` (dim floats) is words[i]'s vector,
// exactly q * scale in float32 as every reader of the format computes it.
struct DecodedVectors {
  std::vector<std::string> words;
  uint32_t dim = 0;
  std::vector<float> values;  // words.size() * dim, row-major
};

// Validates everything (magic, version, sizes, checksum, UTF-8, duplicate words, finite
// non-zero vectors whose values all fit in float32) and decodes. Throws
// playground::Error(kBadAsset) naming the problem.
DecodedVectors decode_vector_asset(const uint8_t* data, size_t size);

// The asset bytes of `words` (no '\n' inside) and their `dim`-float vectors, quantized as
// tools/vector-asset.mjs does (scale = max |x| / 32767 in float32, q = round half up of x / scale);
// an all-zero vector gets scale 1. For tests and tools that build assets in code; checks nothing.
std::vector<uint8_t> encode_vector_asset(const std::vector<std::string>& words, uint32_t dim,
                                         const std::vector<float>& values);

}  // namespace playground
