// Tiny vector sets and asset bytes built in code for the tests.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "common/crc32.h"
#include "vectors/vector_store.h"

namespace playground::testing {

// A 3-d toy space: animals on one axis, royalty on another, fruit on the third, with a
// gender direction mixed in so that king - man + woman lands on queen.
inline VectorStore toy_store() {
  return VectorStore(
      {"king", "queen", "man", "woman", "cat", "dog", "kitten", "apple", "banana", "e-mail"}, 3,
      {
          1.0f, 0.9f, 0.1f,   // king
          1.0f, -0.9f, 0.1f,  // queen
          0.1f, 0.9f, 0.0f,   // man
          0.1f, -0.9f, 0.0f,  // woman
          0.0f, 0.1f, 1.0f,   // cat
          0.1f, 0.2f, 1.0f,   // dog
          0.0f, 0.0f, 1.0f,   // kitten
          -1.0f, 0.0f, 0.3f,  // apple
          -1.0f, 0.1f, 0.4f,  // banana
          0.5f, 0.5f, 0.5f,   // e-mail
      });
}

inline void put_u32(std::vector<uint8_t>* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(uint8_t(v >> (8 * i)));
}

// Encodes an asset exactly as tools/build-vectors.mjs does (format in assets/README.md).
inline std::vector<uint8_t> encode_asset(const std::vector<std::string>& words, uint32_t dim,
                                         const std::vector<float>& values, uint32_t version = 1) {
  std::vector<uint8_t> body;
  for (const std::string& w : words) {
    body.insert(body.end(), w.begin(), w.end());
    body.push_back('\n');
  }
  const uint32_t words_bytes = uint32_t(body.size());
  while (body.size() % 4) body.push_back(0);
  std::vector<int16_t> q(values.size());
  for (size_t i = 0; i < words.size(); ++i) {
    float max_abs = 0;
    for (size_t j = 0; j < dim; ++j) max_abs = std::max(max_abs, std::fabs(values[i * dim + j]));
    const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
    uint32_t bits;
    std::memcpy(&bits, &scale, 4);
    put_u32(&body, bits);
    for (size_t j = 0; j < dim; ++j) q[i * dim + j] = int16_t(std::lround(values[i * dim + j] / scale));
  }
  for (int16_t v : q) {
    body.push_back(uint8_t(uint16_t(v) & 0xFF));
    body.push_back(uint8_t(uint16_t(v) >> 8));
  }
  std::vector<uint8_t> out = {'E', 'P', 'W', 'V'};
  put_u32(&out, version);
  put_u32(&out, uint32_t(words.size()));
  put_u32(&out, dim);
  put_u32(&out, words_bytes);
  put_u32(&out, crc32(body.data(), body.size()));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

// Rewrites the checksum after a test has edited the body on purpose.
inline void reseal(std::vector<uint8_t>* asset) {
  const uint32_t c = crc32(asset->data() + 24, asset->size() - 24);
  for (int i = 0; i < 4; ++i) (*asset)[20 + i] = uint8_t(c >> (8 * i));
}

}  // namespace playground::testing
