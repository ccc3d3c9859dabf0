#include "vectors/vector_asset.h"

#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_set>

#include "common/asset_envelope.h"
#include "common/error.h"
#include "common/utf8.h"

namespace playground {
namespace {

constexpr const char* kKind = "vector";

[[noreturn]] void fail(const std::string& what) { fail_asset(kKind, what); }

float read_f32(const uint8_t* p) {
  uint32_t bits = read_u32_le(p);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

}  // namespace

DecodedVectors decode_vector_asset(const uint8_t* data, size_t size) {
  check_asset_start(kKind, data, size, kVectorAssetHeaderSize, "EPWV", kVectorAssetVersion);
  const uint32_t count = read_u32_le(data + 8);
  const uint32_t dim = read_u32_le(data + 12);
  const uint32_t words_bytes = read_u32_le(data + 16);
  const uint32_t checksum = read_u32_le(data + 20);
  if (count == 0) fail("it holds no words");
  if (dim == 0 || dim > kMaxVectorDim) {
    fail("its dimension " + std::to_string(dim) + " is outside 1.." + std::to_string(kMaxVectorDim));
  }
  const uint64_t words_padded = (uint64_t(words_bytes) + 3) / 4 * 4;
  const uint64_t expected = kVectorAssetHeaderSize + words_padded + uint64_t(count) * 4 +
                            uint64_t(count) * dim * 2;
  check_asset_size(kKind, size, expected);
  check_asset_checksum(kKind, data + kVectorAssetHeaderSize, size - kVectorAssetHeaderSize, checksum);

  DecodedVectors out;
  out.dim = dim;
  out.words.reserve(count);
  std::string_view blob(reinterpret_cast<const char*>(data + kVectorAssetHeaderSize), words_bytes);
  std::unordered_set<std::string_view> seen;
  seen.reserve(count);
  size_t start = 0;
  while (start < blob.size()) {
    const size_t end = blob.find('\n', start);
    if (end == std::string_view::npos) fail("the word list does not end with a newline");
    const std::string_view word = blob.substr(start, end - start);
    if (word.empty()) fail("word " + std::to_string(out.words.size()) + " is empty");
    if (!is_valid_utf8(word)) fail("word " + std::to_string(out.words.size()) + " is not valid UTF-8");
    if (!seen.insert(word).second) fail("the word \"" + std::string(word) + "\" appears twice");
    out.words.emplace_back(word);
    start = end + 1;
  }
  if (out.words.size() != count) {
    fail("the header promises " + std::to_string(count) + " words but the list holds " +
         std::to_string(out.words.size()));
  }

  const uint8_t* scales = data + kVectorAssetHeaderSize + words_padded;
  const uint8_t* components = scales + size_t(count) * 4;
  out.values.resize(size_t(count) * dim);
  for (size_t i = 0; i < count; ++i) {
    const float scale = read_f32(scales + i * 4);
    if (!std::isfinite(scale) || !(scale > 0.0f)) {
      fail("the scale of \"" + out.words[i] + "\" is not a positive finite number");
    }
    bool nonzero = false;
    for (size_t j = 0; j < dim; ++j) {
      const uint8_t* p = components + (i * dim + j) * 2;
      const int16_t q = int16_t(uint16_t(p[0] | p[1] << 8));
      nonzero |= q != 0;
      out.values[i * dim + j] = float(q) * scale;
    }
    if (!nonzero) fail("the vector of \"" + out.words[i] + "\" is all zeros");
  }
  return out;
}

}  // namespace playground
