#include "vectors/vector_asset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "common/error.h"
#include "test_fixtures.h"
#include "vectors/vector_store.h"

namespace playground {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> kWords = {"cat", "dog"};
const std::vector<float> kValues = {0.5f, -1.0f, 0.25f, 2.0f, 0.0f, -0.125f};

std::vector<uint8_t> with_version(uint32_t version) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  testing::set_u32(&bytes, 4, version);
  return bytes;
}

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
  const std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  const DecodedVectors d = decode_vector_asset(bytes.data(), bytes.size());
  EXPECT_EQ(d.words, kWords);
  EXPECT_EQ(d.dim, 3u);
  ASSERT_EQ(d.values.size(), kValues.size());
  for (size_t i = 0; i < kValues.size(); ++i) EXPECT_NEAR(d.values[i], kValues[i], 1e-4) << i;
}

TEST(VectorAsset, RejectsTruncatedAsset) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  bytes.pop_back();
  EXPECT_THAT(decode_error(bytes), HasSubstr("truncated"));
  EXPECT_THAT(decode_error({'E', 'P'}), HasSubstr("shorter than the 24-byte header"));
  EXPECT_THAT(decode_error({}), HasSubstr("0 bytes"));
}

TEST(VectorAsset, RejectsTrailingData) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  bytes.push_back(0);
  EXPECT_THAT(decode_error(bytes), HasSubstr("trailing data"));
}

TEST(VectorAsset, RejectsWrongMagic) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  bytes[0] = '{';
  EXPECT_THAT(decode_error(bytes), HasSubstr("magic"));
}

TEST(VectorAsset, RejectsOtherVersion) {
  EXPECT_THAT(decode_error(with_version(2)), HasSubstr("version 2"));
}

TEST(VectorAsset, RejectsCorruptBody) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  bytes.back() ^= 0x40;
  EXPECT_THAT(decode_error(bytes), HasSubstr("checksum"));
}

TEST(VectorAsset, RejectsImpossibleSizes) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  bytes[12] = 0;  // dim = 0
  EXPECT_THAT(decode_error(bytes), HasSubstr("dimension 0"));
  bytes = encode_vector_asset(kWords, 3, kValues);
  bytes[8] = 0;  // count = 0
  EXPECT_THAT(decode_error(bytes), HasSubstr("no words"));
  bytes = encode_vector_asset(kWords, 3, kValues);
  bytes[19] = 0x7F;  // words_bytes huge: must not overflow or over-read
  EXPECT_THAT(decode_error(bytes), HasSubstr("header describes"));
}

TEST(VectorAsset, RejectsDuplicateAndInvalidWords) {
  EXPECT_THAT(decode_error(encode_vector_asset({"cat", "cat"}, 3, kValues)), HasSubstr("appears twice"));
  EXPECT_THAT(decode_error(encode_vector_asset({"cat", "\xC3"}, 3, kValues)), HasSubstr("UTF-8"));
  EXPECT_THAT(decode_error(encode_vector_asset({"cat", ""}, 3, kValues)), HasSubstr("empty"));
}

TEST(VectorAsset, RejectsNonFiniteScaleAndZeroVectors) {
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  // Scales start right after the padded word list "cat\ndog\n" (8 bytes).
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(bytes.data() + 24 + 8, &nan, 4);
  testing::reseal(&bytes);
  EXPECT_THAT(decode_error(bytes), HasSubstr("positive finite"));
  EXPECT_THAT(decode_error(encode_vector_asset(kWords, 3, {1, 2, 3, 0, 0, 0})), HasSubstr("all zeros"));
}

TEST(VectorAsset, ScaleThatOverflowsFloat32IsABadAsset) {
  // The tester's case: a valid checksum, but the first word's scale is 1e38, so q * scale is
  // infinite for any |q| > 3. It is the file that is wrong (BAD_ASSET), not an argument.
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  const float huge = 1e38f;
  std::memcpy(bytes.data() + 24 + 8, &huge, 4);
  testing::reseal(&bytes);
  EXPECT_THAT(decode_error(bytes), HasSubstr("the vector of \"cat\" does not fit in float32"));
  try {
    VectorStore::from_asset(bytes.data(), bytes.size());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
  }
}

TEST(VectorAsset, SubnormalScaleLoadsWithUnitVectors) {
  // The smallest positive scale: every value is subnormal, none is zero (|q| >= 1).
  std::vector<uint8_t> bytes = encode_vector_asset(kWords, 3, kValues);
  const float tiny = 1e-45f;
  std::memcpy(bytes.data() + 24 + 8 + 4, &tiny, 4);
  testing::reseal(&bytes);
  const VectorStore store = VectorStore::from_asset(bytes.data(), bytes.size());
  const float* unit = store.unit(1);
  EXPECT_NEAR(double(unit[0]) * unit[0] + double(unit[1]) * unit[1] + double(unit[2]) * unit[2], 1.0, 1e-6);
}

TEST(VectorAsset, ErrorsQuoteOnlyAShortPrefixOfAWord) {
  const std::string long_word(5000, 'w');
  const std::string message = decode_error(encode_vector_asset({long_word, long_word}, 3, kValues));
  EXPECT_THAT(message, HasSubstr("appears twice"));
  EXPECT_LT(message.size(), 200u);
}

TEST(VectorAsset, EncoderRoundsAsTheJsWriterDoes) {
  // tools/vector-asset.mjs: scale = fround(max|x| / 32767), q = Math.round(x / scale), which
  // rounds halves up (-2.5 -> -2), unlike C's lround.
  const float scale = 4.0f / 32767.0f;
  const std::vector<float> values = {4.0f, -2.5f * scale, 2.5f * scale};
  const std::vector<uint8_t> bytes = encode_vector_asset({"x"}, 3, values);
  const DecodedVectors d = decode_vector_asset(bytes.data(), bytes.size());
  EXPECT_EQ(d.values[0], 32767 * scale);
  EXPECT_EQ(d.values[1], -2 * scale);
  EXPECT_EQ(d.values[2], 3 * scale);
}

}  // namespace
}  // namespace playground
