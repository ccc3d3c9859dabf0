#include "vectors/vector_asset.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>

#include "common/crc32.h"
#include "common/error.h"
#include "common/little_endian.h"
#include "common/utf8.h"

namespace playground {
namespace {

[[noreturn]] void fail(const std::string& what) { fail_asset(AssetKind::kVectors, what); }

}  // namespace

DecodedVectors decode_vector_asset(const uint8_t* data, size_t size) {
  const AssetHeader header = read_asset_header(data, size, AssetKind::kVectors);
  check_asset_body(header, data, size);
  const uint32_t count = header.word_count;
  const uint32_t dim = header.dim;

  DecodedVectors out;
  out.dim = dim;
  out.words.reserve(count);
  std::string_view blob(reinterpret_cast<const char*>(data + header.header_size), header.words_bytes);
  std::unordered_set<std::string_view> seen;
  seen.reserve(count);
  size_t start = 0;
  while (start < blob.size()) {
    const size_t end = blob.find('\n', start);
    if (end == std::string_view::npos) fail("the word list does not end with a newline");
    if (out.words.size() == count) {
      fail("the word list holds more than the " + std::to_string(count) + " words its header promises");
    }
    const std::string_view word = blob.substr(start, end - start);
    if (word.empty()) fail("word " + std::to_string(out.words.size()) + " is empty");
    if (!is_valid_utf8(word)) fail("word " + std::to_string(out.words.size()) + " is not valid UTF-8");
    if (!seen.insert(word).second) fail("the word " + quote(word) + " appears twice");
    out.words.emplace_back(word);
    start = end + 1;
  }
  if (out.words.size() != count) {
    fail("the header promises " + std::to_string(count) + " words but the list holds " +
         std::to_string(out.words.size()));
  }

  const uint8_t* scales = data + header.header_size + (size_t(header.words_bytes) + 3) / 4 * 4;
  const uint8_t* components = scales + size_t(count) * 4;
  out.values.resize(size_t(count) * dim);
  for (size_t i = 0; i < count; ++i) {
    const float scale = read_f32_le(scales + i * 4);
    if (!std::isfinite(scale) || !(scale > 0.0f)) {
      fail("the scale of " + quote(out.words[i]) + " is not a positive finite number");
    }
    bool nonzero = false;
    float* row = out.values.data() + i * dim;
    for (size_t j = 0; j < dim; ++j) {
      const float value = float(read_i16_le(components + (i * dim + j) * 2)) * scale;
      if (!std::isfinite(value)) {
        fail("the vector of " + quote(out.words[i]) + " does not fit in float32 (its scale is too large)");
      }
      nonzero |= value != 0.0f;
      row[j] = value;
    }
    if (!nonzero) fail("the vector of " + quote(out.words[i]) + " is all zeros");
  }
  return out;
}

std::vector<uint8_t> encode_vector_asset(const std::vector<std::string>& words, uint32_t dim,
                                         const std::vector<float>& values) {
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
    append_f32_le(&body, scale);
    for (size_t j = 0; j < dim; ++j) {
      const double x = std::floor(double(values[i * dim + j]) / scale + 0.5);  // JS Math.round
      q[i * dim + j] = int16_t(std::clamp(x, -32767.0, 32767.0));
    }
  }
  for (int16_t v : q) append_i16_le(&body, v);
  std::vector<uint8_t> out = {'E', 'P', 'W', 'V'};
  append_u32_le(&out, kVectorAssetVersion);
  append_u32_le(&out, uint32_t(words.size()));
  append_u32_le(&out, dim);
  append_u32_le(&out, words_bytes);
  append_u32_le(&out, crc32(body.data(), body.size()));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

}  // namespace playground
