#include "training/ngram_asset.h"

#include <cmath>
#include <cstring>
#include <string>

#include "common/asset_envelope.h"
#include "common/crc32.h"
#include "common/error.h"

namespace playground {
namespace {

const char kKind[] = "n-gram";
const char kMagic[5] = "EPNG";

void put_u32(std::vector<uint8_t>* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(uint8_t(v >> (8 * i)));
}

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
  for (uint32_t b : t.buckets) put_u32(&body, b);
  std::vector<float> scales(n);
  for (size_t r = 0; r < n; ++r) {
    float max_abs = 0;
    for (uint32_t i = 0; i < t.dim; ++i) max_abs = std::fmax(max_abs, std::fabs(t.rows[r * t.dim + i]));
    if (!std::isfinite(max_abs)) throw Error(ErrorCode::kBadArgument, "n-gram table: non-finite value");
    scales[r] = max_abs > 0 ? max_abs / 127.0f : 1.0f;
    uint32_t bits;
    std::memcpy(&bits, &scales[r], 4);
    put_u32(&body, bits);
  }
  for (size_t r = 0; r < n; ++r) {
    for (uint32_t i = 0; i < t.dim; ++i) {
      const float q = std::round(t.rows[r * t.dim + i] / scales[r]);
      body.push_back(uint8_t(int8_t(std::fmax(-127.0f, std::fmin(127.0f, q)))));
    }
  }
  std::vector<uint8_t> out;
  out.insert(out.end(), kMagic, kMagic + 4);
  put_u32(&out, kNgramAssetVersion);
  put_u32(&out, uint32_t(n));
  put_u32(&out, t.dim);
  put_u32(&out, t.settings.minn);
  put_u32(&out, t.settings.maxn);
  put_u32(&out, t.settings.buckets);
  put_u32(&out, crc32(body.data(), body.size()));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

NgramTable decode_ngram_asset(const uint8_t* data, size_t size) {
  check_asset_start(kKind, data, size, kNgramAssetHeaderSize, kMagic, kNgramAssetVersion);
  NgramTable t;
  const uint32_t n = read_u32_le(data + 8);
  t.dim = read_u32_le(data + 12);
  t.settings = {read_u32_le(data + 16), read_u32_le(data + 20), read_u32_le(data + 24)};
  if (t.dim == 0 || t.dim > 4096) fail_asset(kKind, "its dimension " + std::to_string(t.dim) + " is not in 1..4096");
  if (t.settings.minn == 0 || t.settings.maxn < t.settings.minn || t.settings.maxn > 100 || t.settings.buckets == 0) {
    fail_asset(kKind, "its n-gram settings (minn " + std::to_string(t.settings.minn) + ", maxn " +
                          std::to_string(t.settings.maxn) + ", buckets " + std::to_string(t.settings.buckets) +
                          ") are not usable");
  }
  check_asset_size(kKind, size, kNgramAssetHeaderSize + uint64_t(n) * (8 + uint64_t(t.dim)));
  const uint8_t* body = data + kNgramAssetHeaderSize;
  check_asset_checksum(kKind, body, size - kNgramAssetHeaderSize, read_u32_le(data + 28));
  t.buckets.resize(n);
  for (uint32_t r = 0; r < n; ++r) {
    t.buckets[r] = read_u32_le(body + 4 * size_t(r));
    if ((r && t.buckets[r] <= t.buckets[r - 1]) || t.buckets[r] >= t.settings.buckets) {
      fail_asset(kKind, "its buckets are not increasing below the bucket count (row " + std::to_string(r) + ")");
    }
  }
  const uint8_t* scale_bytes = body + 4 * size_t(n);
  const int8_t* q = reinterpret_cast<const int8_t*>(scale_bytes + 4 * size_t(n));
  t.rows.resize(size_t(n) * t.dim);
  for (uint32_t r = 0; r < n; ++r) {
    const uint32_t bits = read_u32_le(scale_bytes + 4 * size_t(r));
    float scale;
    std::memcpy(&scale, &bits, 4);
    if (!(std::isfinite(scale) && scale > 0)) fail_asset(kKind, "row " + std::to_string(r) + " has a bad scale");
    for (uint32_t i = 0; i < t.dim; ++i) t.rows[size_t(r) * t.dim + i] = float(q[size_t(r) * t.dim + i]) * scale;
  }
  return t;
}

}  // namespace playground
