#include "training/ngram_asset.h"

#include <cmath>
#include <cstring>
#include <string>

#include "common/asset_envelope.h"
#include "common/crc32.h"
#include "common/error.h"
#include "common/little_endian.h"

namespace playground {
namespace {

const char kMagic[5] = "EPNG";

}  // namespace

std::vector<uint8_t> encode_ngram_asset(const NgramTable& t) {
  const size_t n = t.buckets.size();
  if (t.dim == 0 || t.rows.size() != n * t.dim) throw Error(ErrorCode::kBadArgument, "n-gram table: rows × dim mismatch");
  for (size_t r = 0; r < n; ++r) {
    if ((r && t.buckets[r] <= t.buckets[r - 1]) || t.buckets[r] >= t.settings.buckets) {
      throw Error(ErrorCode::kBadArgument, "n-gram table: buckets must increase and stay below the bucket count");
    }
  }
  std::vector<uint8_t> body;
  body.reserve(n * (8 + t.dim));
  for (uint32_t b : t.buckets) append_u32_le(&body, b);
  std::vector<float> scales(n);
  for (size_t r = 0; r < n; ++r) {
    float max_abs = 0;
    for (uint32_t i = 0; i < t.dim; ++i) max_abs = std::fmax(max_abs, std::fabs(t.rows[r * t.dim + i]));
    if (!std::isfinite(max_abs)) throw Error(ErrorCode::kBadArgument, "n-gram table: non-finite value");
    scales[r] = max_abs > 0 ? max_abs / 127.0f : 1.0f;
    uint32_t bits;
    std::memcpy(&bits, &scales[r], 4);
    append_u32_le(&body, bits);
  }
  for (size_t r = 0; r < n; ++r) {
    for (uint32_t i = 0; i < t.dim; ++i) {
      const float q = std::round(t.rows[r * t.dim + i] / scales[r]);
      body.push_back(uint8_t(int8_t(std::fmax(-127.0f, std::fmin(127.0f, q)))));
    }
  }
  std::vector<uint8_t> out;
  out.insert(out.end(), kMagic, kMagic + 4);
  append_u32_le(&out, kNgramAssetVersion);
  append_u32_le(&out, uint32_t(n));
  append_u32_le(&out, t.dim);
  append_u32_le(&out, t.settings.minn);
  append_u32_le(&out, t.settings.maxn);
  append_u32_le(&out, t.settings.buckets);
  append_u32_le(&out, crc32(body.data(), body.size()));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

NgramTable decode_ngram_asset(const uint8_t* data, size_t size) {
  const AssetHeader h = read_asset_header(data, size, AssetKind::kNgrams);
  check_asset_body(h, data, size);
  NgramTable t;
  const uint32_t n = h.ngram_rows;
  t.dim = h.dim;
  t.settings = {h.minn, h.maxn, h.buckets};
  const uint8_t* body = data + h.header_size;
  t.buckets.resize(n);
  for (uint32_t r = 0; r < n; ++r) {
    t.buckets[r] = read_u32_le(body + 4 * size_t(r));
    if ((r && t.buckets[r] <= t.buckets[r - 1]) || t.buckets[r] >= t.settings.buckets) {
      fail_asset(AssetKind::kNgrams, "its buckets are not increasing below the bucket count (row " + std::to_string(r) + ")");
    }
  }
  const uint8_t* scale_bytes = body + 4 * size_t(n);
  const int8_t* q = reinterpret_cast<const int8_t*>(scale_bytes + 4 * size_t(n));
  t.rows.resize(size_t(n) * t.dim);
  for (uint32_t r = 0; r < n; ++r) {
    const uint32_t bits = read_u32_le(scale_bytes + 4 * size_t(r));
    float scale;
    std::memcpy(&scale, &bits, 4);
    if (!(std::isfinite(scale) && scale > 0)) fail_asset(AssetKind::kNgrams, "row " + std::to_string(r) + " has a bad scale");
    for (uint32_t i = 0; i < t.dim; ++i) t.rows[size_t(r) * t.dim + i] = float(q[size_t(r) * t.dim + i]) * scale;
  }
  return t;
}

}  // namespace playground
