#include "vectors/vector_asset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using ::testing::HasSubstr;
using testing::encode_asset;

const std::vector<std::string> kWords = {"cat", "dog"};
const std::vector<float> kValues = {0.5f, -1.0f, 0.25f, 2.0f, 0.0f, -0.125f};

// Runs decode and returns the error message, or "" if it succeeded.
std::string decode_error(const std::vector<uint8_t>& bytes) {
  try {
    decode_vector_asset(bytes.data(), bytes.size());
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
    return e.what();
  }
  return "";
}

TEST(VectorAsset, RoundTripsWordsAndValues) {
  const std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  const DecodedVectors d = decode_vector_asset(bytes.data(), bytes.size());
  EXPECT_EQ(d.words, kWords);
  EXPECT_EQ(d.dim, 3u);
  ASSERT_EQ(d.values.size(), kValues.size());
  for (size_t i = 0; i < kValues.size(); ++i) EXPECT_NEAR(d.values[i], kValues[i], 1e-4) << i;
}

TEST(VectorAsset, RejectsTruncatedAsset) {
  std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  bytes.pop_back();
  EXPECT_THAT(decode_error(bytes), HasSubstr("truncated"));
  EXPECT_THAT(decode_error({'E', 'P'}), HasSubstr("shorter than the 24-byte header"));
  EXPECT_THAT(decode_error({}), HasSubstr("0 bytes"));
}

TEST(VectorAsset, RejectsTrailingData) {
  std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  bytes.push_back(0);
  EXPECT_THAT(decode_error(bytes), HasSubstr("trailing data"));
}

TEST(VectorAsset, RejectsWrongMagic) {
  std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  bytes[0] = '{';
  EXPECT_THAT(decode_error(bytes), HasSubstr("magic"));
}

TEST(VectorAsset, RejectsOtherVersion) {
  EXPECT_THAT(decode_error(encode_asset(kWords, 3, kValues, 2)), HasSubstr("version 2"));
}

TEST(VectorAsset, RejectsCorruptBody) {
  std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  bytes.back() ^= 0x40;
  EXPECT_THAT(decode_error(bytes), HasSubstr("checksum"));
}

TEST(VectorAsset, RejectsImpossibleSizes) {
  std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  bytes[12] = 0;  // dim = 0
  EXPECT_THAT(decode_error(bytes), HasSubstr("dimension 0"));
  bytes = encode_asset(kWords, 3, kValues);
  bytes[8] = 0;  // count = 0
  EXPECT_THAT(decode_error(bytes), HasSubstr("no words"));
  bytes = encode_asset(kWords, 3, kValues);
  bytes[19] = 0x7F;  // words_bytes huge: must not overflow or over-read
  EXPECT_THAT(decode_error(bytes), HasSubstr("header describes"));
}

TEST(VectorAsset, RejectsDuplicateAndInvalidWords) {
  EXPECT_THAT(decode_error(encode_asset({"cat", "cat"}, 3, kValues)), HasSubstr("appears twice"));
  EXPECT_THAT(decode_error(encode_asset({"cat", "\xC3"}, 3, kValues)), HasSubstr("UTF-8"));
  EXPECT_THAT(decode_error(encode_asset({"cat", ""}, 3, kValues)), HasSubstr("empty"));
}

TEST(VectorAsset, RejectsNonFiniteScaleAndZeroVectors) {
  std::vector<uint8_t> bytes = encode_asset(kWords, 3, kValues);
  // Scales start right after the padded word list "cat\ndog\n" (8 bytes).
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(bytes.data() + 24 + 8, &nan, 4);
  testing::reseal(&bytes);
  EXPECT_THAT(decode_error(bytes), HasSubstr("positive finite"));
  EXPECT_THAT(decode_error(encode_asset(kWords, 3, {1, 2, 3, 0, 0, 0})), HasSubstr("all zeros"));
}

}  // namespace
}  // namespace playground
