// Helpers for the tokenizer tests: the committed assets (found through PLAYGROUND_SOURCE_DIR,
// which CMake sets to the source tree; the WASM test build reads it through NODERAWFS), a
// SHA-256 to check them, and a seeded random text generator.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "tokenizers/tokenizer.h"

namespace playground::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(PLAYGROUND_SOURCE_DIR) + "/" + relative;
}

// The bytes of a file, or an empty vector if it cannot be read.
inline std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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

// Random text built from characters that stress the scanners and the merge loop: spaces and
// newlines, apostrophes and contraction letters, digits, punctuation, Latin, Turkish, marks,
// CJK, emoji, U+0085, U+FEFF, and (if `invalid_bytes`) stray bytes.
inline std::string random_text(std::mt19937* rng, size_t max_chars, bool invalid_bytes) {
  static const char32_t kPool[] = {
      ' ', ' ', ' ', '\n', '\r', '\t', '\'', '\'', 's', 'S', 't', 'r', 'e', 'v', 'm', 'l', 'd', 'L',
      'a', 'b', 'A', 'Z', '0', '1', '9', '.', ',', '!', '/', '-', '^', '<', '|', '>', 0x85, 0xA0,
      0xFEFF, 0x3000, 0x17F, 0x131, 0x130, 0xE7, 0xF6, 0x11F, 0x15F, 0x301, 0x308, 0x1C5, 0x2B0,
      0x5D0, 0x627, 0x915, 0x93F, 0x4E2D, 0x6587, 0x3042, 0x30A2, 0x0660, 0x2163, 0xBD, 0x1F44D,
      0x1F44B, 0x200D, 0x1F30D, 0x1F468, 0x2764, 0xFE0F};
  std::uniform_int_distribution<size_t> len_dist(0, max_chars);
  std::uniform_int_distribution<size_t> pick(0, sizeof kPool / sizeof kPool[0] - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  const size_t len = len_dist(*rng);
  std::string s;
  for (size_t i = 0; i < len; ++i) {
    if (invalid_bytes && byte(*rng) < 8) {
      s += char(0x80 + byte(*rng) % 0x80);
    } else {
      s += encode_utf8(kPool[pick(*rng)]);
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
