#include "training/ngram_asset.h"

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <set>
#include <string>

#include "common/error.h"

namespace playground {
namespace {

NgramTable small_table() {
  NgramTable t;
  t.settings = {3, 4, 50};
  t.dim = 3;
  // Rows for the two smallest of kedi's buckets (3..4-grams, 50 buckets) and for one bucket
  // kedi does not use.
  std::set<uint32_t> kedi;
  for (uint32_t b : ngram_buckets("kedi", t.settings)) kedi.insert(b);
  auto it = kedi.begin();
  t.buckets = {*it, *std::next(it)};
  uint32_t other = 49;
  while (kedi.count(other)) --other;
  t.buckets.push_back(other);
  std::sort(t.buckets.begin(), t.buckets.end());
  t.rows = {1.0f, -0.5f, 0.25f, 0.0f, 2.0f, -2.0f, 0.0f, 0.0f, 0.0f};
  return t;
}

TEST(NgramAsset, RoundTripsWithInt8Precision) {
  const NgramTable t = small_table();
  const std::vector<uint8_t> bytes = encode_ngram_asset(t);
  ASSERT_EQ(bytes.size(), kNgramAssetHeaderSize + 3 * (8 + 3));
  const NgramTable d = decode_ngram_asset(bytes.data(), bytes.size());
  EXPECT_EQ(d.buckets, t.buckets);
  EXPECT_EQ(d.dim, 3u);
  EXPECT_EQ(d.settings.minn, 3u);
  EXPECT_EQ(d.settings.maxn, 4u);
  EXPECT_EQ(d.settings.buckets, 50u);
  for (size_t i = 0; i < t.rows.size(); ++i) EXPECT_NEAR(d.rows[i], t.rows[i], 2.0 / 254 + 1e-7) << i;
  EXPECT_EQ(d.rows[0], 1.0f);  // the largest component of a row is exact
}

TEST(NgramAsset, UnknownWordIsTheMeanOfItsPresentNgramRows) {
  const NgramTable t = decode_ngram_asset(encode_ngram_asset(small_table()).data(),
                                          encode_ngram_asset(small_table()).size());
  const auto v = t.vector("kedi");
  ASSERT_TRUE(v.has_value());
  // Only the two rows of kedi's buckets are present; a bucket may repeat among its n-grams.
  std::vector<double> expected(3, 0.0);
  int found = 0;
  for (uint32_t b : ngram_buckets("kedi", t.settings)) {
    for (size_t r = 0; r < t.buckets.size(); ++r) {
      if (t.buckets[r] != b) continue;
      for (int i = 0; i < 3; ++i) expected[i] += t.rows[r * 3 + i];
      ++found;
    }
  }
  ASSERT_GE(found, 2);
  ASSERT_LT(found, int(ngram_buckets("kedi", t.settings).size()));
  for (int i = 0; i < 3; ++i) EXPECT_NEAR((*v)[i], expected[i] / found, 1e-6);
  NgramTable empty = t;
  empty.buckets.clear();
  empty.rows.clear();
  EXPECT_FALSE(empty.vector("kedi").has_value());
}

TEST(NgramAsset, RejectsDamagedFiles) {
  const std::vector<uint8_t> good = encode_ngram_asset(small_table());
  auto expect_bad = [](std::vector<uint8_t> bytes, const char* needle) {
    try {
      decode_ngram_asset(bytes.data(), bytes.size());
      ADD_FAILURE() << needle;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  expect_bad({good.begin(), good.begin() + 10}, "shorter");
  auto bad_magic = good;
  bad_magic[0] = 'X';
  expect_bad(bad_magic, "magic");
  auto truncated = good;
  truncated.pop_back();
  expect_bad(truncated, "truncated");
  auto corrupt = good;
  corrupt[kNgramAssetHeaderSize + 30] ^= 1;  // a quantized component (body: 12 + 12 + 9 bytes)
  expect_bad(corrupt, "checksum");
  auto bad_settings = good;
  bad_settings[16] = 9;  // minn 9 > maxn 4
  expect_bad(bad_settings, "settings");
  NgramTable unsorted = small_table();
  std::swap(unsorted.buckets[0], unsorted.buckets[2]);
  EXPECT_THROW(encode_ngram_asset(unsorted), Error);
}

}  // namespace
}  // namespace playground
