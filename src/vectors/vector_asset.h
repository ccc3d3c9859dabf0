// Reads the playground's word-vector asset (format "EPWV" version 1, documented in
// assets/README.md): words in UTF-8, one scale per word, int16 components.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace playground {

inline constexpr uint32_t kVectorAssetVersion = 1;
inline constexpr size_t kVectorAssetHeaderSize = 24;
inline constexpr uint32_t kMaxVectorDim = 4096;

// The decoded content of an asset: row i of `values` (dim floats) is words[i]'s vector,
// exactly q * scale in float32 as every reader of the format computes it.
struct DecodedVectors {
  std::vector<std::string> words;
  uint32_t dim = 0;
  std::vector<float> values;  // words.size() * dim, row-major
};

// Validates everything (magic, version, sizes, checksum, UTF-8, duplicate words, finite
// non-zero vectors) and decodes. Throws playground::Error(kBadAsset) naming the problem.
DecodedVectors decode_vector_asset(const uint8_t* data, size_t size);

}  // namespace playground
