// Fixtures shared by the C++ tests and the fuzz targets (tests/fuzz/): tiny vector sets and
// tokenizers built in code, asset bytes (written by the core's own encoders, so there is one
// writer per format), the committed assets (found through PLAYGROUND_SOURCE_DIR, which CMake
// sets to the source tree; the WASM test build reads it through NODERAWFS), and a seeded random
// text generator.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/asset_envelope.h"
#include "common/crc32.h"
#include "common/little_endian.h"
#include "common/random.h"
#include "common/utf8.h"
#include "tokenizers/byte_bpe.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/tokenizer_asset.h"
#include "vectors/vector_asset.h"
#include "vectors/vector_store.h"

namespace playground::testing {

// ---- vectors ------------------------------------------------------------------------------

inline const std::vector<std::string>& toy_words() {
  static const std::vector<std::string> words = {"king", "queen", "man",    "woman",  "cat",
                                                 "dog",  "kitten", "apple", "banana", "e-mail"};
  return words;
}

// A 3-d toy space: animals on one axis, royalty on another, fruit on the third, with a gender
// direction mixed in so that king - man + woman lands on queen. Rows in toy_words() order.
inline const std::vector<float>& toy_values() {
  static const std::vector<float> values = {
      1.0f,  0.9f,  0.1f,  // king
      1.0f,  -0.9f, 0.1f,  // queen
      0.1f,  0.9f,  0.0f,  // man
      0.1f,  -0.9f, 0.0f,  // woman
      0.0f,  0.1f,  1.0f,  // cat
      0.1f,  0.2f,  1.0f,  // dog
      0.0f,  0.0f,  1.0f,  // kitten
      -1.0f, 0.0f,  0.3f,  // apple
      -1.0f, 0.1f,  0.4f,  // banana
      0.5f,  0.5f,  0.5f,  // e-mail
  };
  return values;
}

inline VectorStore toy_store() { return VectorStore(toy_words(), 3, toy_values()); }

// ---- tokenizers ---------------------------------------------------------------------------

// A byte-level BPE model: ranks 0..255 are the bytes themselves, then a few merges
// (256 ab, 257 cd, 258 abcd, 259 aa, 260 aaaa, 261 xyz, 262 ba) and three specials, two of
// which share a prefix.
inline ByteBpeModel tiny_bpe_model() {
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, char(b));
  for (const char* t : {"ab", "cd", "abcd", "aa", "aaaa", "xyz", "ba"}) tokens.emplace_back(t);
  return ByteBpeModel(tokens, {{"<|end|>", 300}, {"<|end|>!", 301}, {"<|e", 302}});
}

// The content of a tiny tokenizer asset: the 256 bytes, an unused rank 256 that holds a special
// token (as p50k_base's 50256), "he" and "hello", and BOS/EOS.
inline DecodedTokenizer tiny_tokenizer_content() {
  DecodedTokenizer t;
  t.name = "tiny";
  t.pattern = "cl100k";
  for (int b = 0; b < 256; ++b) t.tokens.emplace_back(1, char(b));
  t.tokens.emplace_back("");  // unused rank 256
  t.tokens.emplace_back("he");
  t.tokens.emplace_back("hello");
  t.specials = {{"<|endoftext|>", 256}, {"<|bos|>", 300}};
  t.bos_id = 300;
  t.eos_id = 256;
  return t;
}

// ---- asset bytes --------------------------------------------------------------------------

// Rewrites the CRC-32 of either format's body after a test or a fuzzer has edited it on purpose,
// so that the checks behind the checksum are reached. Leaves a buffer without a known magic or
// shorter than its header alone.
inline void reseal(std::vector<uint8_t>* asset) {
  if (asset->size() < 4) return;
  size_t header_size;
  size_t checksum_offset = kAssetChecksumOffset;
  if (std::equal(asset->begin(), asset->begin() + 4, "EPWV")) {
    header_size = kVectorAssetHeaderSize;
  } else if (std::equal(asset->begin(), asset->begin() + 4, "EPTK")) {
    header_size = kTokenizerAssetHeaderSize;
  } else if (std::equal(asset->begin(), asset->begin() + 4, "EPNG")) {
    header_size = kNgramAssetHeaderSize;
    checksum_offset = kNgramAssetChecksumOffset;
  } else {
    return;
  }
  if (asset->size() < header_size) return;
  write_u32_le(asset->data() + checksum_offset,
               crc32(asset->data() + header_size, asset->size() - header_size));
}

// Overwrites the u32 at `offset` of an asset's header (then reseal() if the body changed).
inline void set_u32(std::vector<uint8_t>* asset, size_t offset, uint32_t value) {
  write_u32_le(asset->data() + offset, value);
}

// ---- committed assets ---------------------------------------------------------------------

inline std::string source_path(const std::string& relative) {
  return std::string(PLAYGROUND_SOURCE_DIR) + "/" + relative;
}

// The bytes of a file, or an empty vector if it cannot be read.
inline std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The first `count` bytes of a file (fewer if it is shorter), and its size; empty and 0 if it
// cannot be read.
inline std::vector<uint8_t> read_file_head(const std::string& path, size_t count, size_t* file_size = nullptr) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in ? std::streamoff(in.tellg()) : 0;
  if (file_size) *file_size = size_t(size);
  std::vector<uint8_t> head(std::min<size_t>(count, size_t(size)));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(head.data()), std::streamsize(head.size()));
  return head;
}

// The committed tokenizer assets, by name.
inline const std::vector<std::string>& committed_tokenizer_names() {
  static const std::vector<std::string> names = {"gpt2", "p50k_base", "cl100k_base", "o200k_base", "llama3"};
  return names;
}

// The committed vector asset's path, relative to the source tree.
inline const char* committed_vectors_path() { return "assets/glove-6b-100d-10k.bin"; }

// The committed tokenizer asset `name` (e.g. "gpt2"), loaded once per test binary.
inline const Tokenizer& committed_tokenizer(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
  auto& slot = cache[name];
  if (!slot) {
    const std::vector<uint8_t> bytes = read_file(source_path("assets/tokenizers/" + name + ".bin"));
    slot = std::make_unique<Tokenizer>(Tokenizer::from_asset(bytes.data(), bytes.size()));
  }
  return *slot;
}

// FIPS 180-4 SHA-256, hex digest.
inline std::string sha256_hex(const std::vector<uint8_t>& data) {
  static const uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::vector<uint8_t> m = data;
  const uint64_t bits = uint64_t(data.size()) * 8;
  m.push_back(0x80);
  while (m.size() % 64 != 56) m.push_back(0);
  for (int i = 7; i >= 0; --i) m.push_back(uint8_t(bits >> (8 * i)));
  auto rotr = [](uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (size_t off = 0; off < m.size(); off += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = uint32_t(m[off + 4 * i]) << 24 | uint32_t(m[off + 4 * i + 1]) << 16 |
             uint32_t(m[off + 4 * i + 2]) << 8 | m[off + 4 * i + 3];
    }
    for (int i = 16; i < 64; ++i) {
      const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  char hex[65];
  for (int i = 0; i < 8; ++i) std::snprintf(hex + 8 * i, 9, "%08x", h[i]);
  return std::string(hex, 64);
}

// ---- random text --------------------------------------------------------------------------

// Random text built from characters that stress the scanners and the merge loop: spaces and
// newlines, apostrophes and contraction letters, digits, punctuation, Latin, Turkish, marks,
// CJK, emoji, U+0085, U+FEFF, and (if `invalid_bytes`) stray bytes. Up to `max_chars`
// characters; the same seed gives the same text natively and in WebAssembly.
inline std::string random_text(Random* rng, size_t max_chars, bool invalid_bytes) {
  static const char32_t kPool[] = {
      ' ', ' ', ' ', '\n', '\r', '\t', '\'', '\'', 's', 'S', 't', 'r', 'e', 'v', 'm', 'l', 'd', 'L',
      'a', 'b', 'A', 'Z', '0', '1', '9', '.', ',', '!', '/', '-', '^', '<', '|', '>', 0x85, 0xA0,
      0xFEFF, 0x3000, 0x17F, 0x131, 0x130, 0xE7, 0xF6, 0x11F, 0x15F, 0x301, 0x308, 0x1C5, 0x2B0,
      0x5D0, 0x627, 0x915, 0x93F, 0x4E2D, 0x6587, 0x3042, 0x30A2, 0x0660, 0x2163, 0xBD, 0x1F44D,
      0x1F44B, 0x200D, 0x1F30D, 0x1F468, 0x2764, 0xFE0F};
  const size_t len = rng->below(max_chars + 1);
  std::string s;
  for (size_t i = 0; i < len; ++i) {
    if (invalid_bytes && rng->below(256) < 8) {
      s += char(0x80 + rng->below(0x80));
    } else {
      s += encode_utf8(kPool[rng->below(sizeof kPool / sizeof kPool[0])]);
    }
  }
  return s;
}

// Seconds taken by `f()`.
template <typename F>
double seconds(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace playground::testing
