#include "common/asset_envelope.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using ::testing::HasSubstr;

std::vector<uint8_t> vector_asset() {
  return encode_vector_asset({"cat", "dog"}, 3, {0.5f, -1.0f, 0.25f, 2.0f, 0.0f, -0.125f});
}

std::vector<uint8_t> tokenizer_asset() { return encode_tokenizer_asset(testing::tiny_tokenizer_content()); }

// The Error(kBadAsset) message of read_asset_header, or "" if it succeeded.
template <typename... Kind>
std::string header_error(const std::vector<uint8_t>& bytes, Kind... expected) {
  try {
    read_asset_header(bytes.data(), bytes.size(), expected...);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
    return e.what();
  }
  return "";
}

TEST(AssetEnvelope, ReadsTheVectorHeader) {
  const std::vector<uint8_t> bytes = vector_asset();
  const AssetHeader h = read_asset_header(bytes.data(), bytes.size());
  EXPECT_EQ(h.kind, AssetKind::kVectors);
  EXPECT_EQ(h.version, 1u);
  EXPECT_EQ(h.header_size, 24u);
  EXPECT_EQ(h.total_size, bytes.size());
  EXPECT_EQ(h.word_count, 2u);
  EXPECT_EQ(h.dim, 3u);
  EXPECT_EQ(h.words_bytes, 8u);  // "cat\ndog\n"
  EXPECT_EQ(h.checksum, crc32(bytes.data() + 24, bytes.size() - 24));
  EXPECT_NO_THROW(check_asset_body(h, bytes.data(), bytes.size()));
}

TEST(AssetEnvelope, ReadsTheTokenizerHeader) {
  const std::vector<uint8_t> bytes = tokenizer_asset();
  const AssetHeader h = read_asset_header(bytes.data(), bytes.size());
  EXPECT_EQ(h.kind, AssetKind::kTokenizer);
  EXPECT_EQ(h.header_size, 28u);
  EXPECT_EQ(h.total_size, bytes.size());
  EXPECT_EQ(h.token_count, 259u);
  EXPECT_EQ(h.special_count, 2u);
}

TEST(AssetEnvelope, NeedsOnlyTheHeaderToKnowTheFileSize) {
  // What the JS wrapper does before copying a buffer into WebAssembly memory: read the first
  // kAssetHeaderMaxSize bytes, learn the size the file must have.
  for (const std::vector<uint8_t>& bytes : {vector_asset(), tokenizer_asset()}) {
    const AssetHeader h = read_asset_header(bytes.data(), kAssetHeaderMaxSize);
    EXPECT_EQ(h.total_size, bytes.size());
  }
}

TEST(AssetEnvelope, CommittedAssetsDescribeTheirOwnSize) {
  std::vector<std::string> paths = {testing::committed_vectors_path()};
  for (const std::string& name : testing::committed_tokenizer_names()) paths.push_back("assets/tokenizers/" + name + ".bin");
  for (const std::string& path : paths) {
    size_t size = 0;
    const std::vector<uint8_t> head = testing::read_file_head(testing::source_path(path), kAssetHeaderMaxSize, &size);
    ASSERT_EQ(head.size(), kAssetHeaderMaxSize) << path;
    const AssetHeader h = read_asset_header(head.data(), head.size());
    EXPECT_EQ(h.total_size, size) << path;
    EXPECT_EQ(h.kind, path.find("tokenizers/") == std::string::npos ? AssetKind::kVectors : AssetKind::kTokenizer);
  }
}

TEST(AssetEnvelope, RejectsShortOrUnknownFiles) {
  EXPECT_THAT(header_error({}), HasSubstr("Invalid asset file: it is 0 bytes long"));
  EXPECT_THAT(header_error({'E', 'P'}), HasSubstr("too short"));
  EXPECT_THAT(header_error({'{', '"', 'a', '"', ':', '1', '}'}), HasSubstr("none of the magic bytes \"EPWV\""));
  std::vector<uint8_t> bytes = vector_asset();
  bytes.resize(20);
  EXPECT_THAT(header_error(bytes), HasSubstr("Invalid vector file: it is 20 bytes long, shorter than the 24-byte header"));
  bytes = tokenizer_asset();
  bytes.resize(27);
  EXPECT_THAT(header_error(bytes), HasSubstr("shorter than the 28-byte header"));
}

TEST(AssetEnvelope, NamesTheOtherFormatWhenAKindIsExpected) {
  EXPECT_THAT(header_error(vector_asset(), AssetKind::kTokenizer),
              HasSubstr("Invalid tokenizer file: it does not start with the magic bytes \"EPTK\" (it is a vector file)"));
  EXPECT_THAT(header_error(tokenizer_asset(), AssetKind::kVectors), HasSubstr("(it is a tokenizer file)"));
  EXPECT_THAT(header_error({'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, AssetKind::kVectors),
              HasSubstr("Invalid vector file: it does not start with the magic bytes \"EPWV\""));
}

// header_error of `bytes` with the u32 at `offset` set to `value`.
std::string error_with(std::vector<uint8_t> bytes, size_t offset, uint32_t value) {
  testing::set_u32(&bytes, offset, value);
  return header_error(bytes);
}

TEST(AssetEnvelope, RejectsFieldsTheHeaderAloneRefutes) {
  const auto vectors_with = [](size_t offset, uint32_t value) { return error_with(vector_asset(), offset, value); };
  EXPECT_THAT(vectors_with(4, 2), HasSubstr("format version 2, this build reads version 1"));
  EXPECT_THAT(vectors_with(8, 0), HasSubstr("holds no words"));
  EXPECT_THAT(vectors_with(12, 0), HasSubstr("dimension 0 is outside 1..4096"));
  EXPECT_THAT(vectors_with(12, 5000), HasSubstr("dimension 5000"));
  EXPECT_THAT(vectors_with(8, 5), HasSubstr("5 words cannot fit in a word list of 8 bytes"));
  const auto tokenizer_with = [](size_t offset, uint32_t value) { return error_with(tokenizer_asset(), offset, value); };
  EXPECT_THAT(tokenizer_with(4, 0), HasSubstr("format version 0"));
  EXPECT_THAT(tokenizer_with(8, 255), HasSubstr("fewer than the 256 bytes"));
  EXPECT_THAT(tokenizer_with(12, 70000), HasSubstr("implausible"));
  EXPECT_THAT(tokenizer_with(12, 1000), HasSubstr("impossible for a body of"));
  EXPECT_THAT(tokenizer_with(24, 1), HasSubstr("reserved"));
}

TEST(AssetEnvelope, RefusesHugeFilesBeforeAnyoneCopiesThem) {
  // 100,000 words of 4,096 numbers: 819 MB, more than a WebAssembly heap can decode.
  std::vector<uint8_t> bytes = vector_asset();
  testing::set_u32(&bytes, 8, 100000);
  testing::set_u32(&bytes, 12, 4096);
  testing::set_u32(&bytes, 16, 1000000);
  EXPECT_THAT(header_error(bytes), HasSubstr("its header describes 820600024 bytes, more than the 536870912"));
  bytes = tokenizer_asset();
  testing::set_u32(&bytes, 16, 0xFFFFFFFF);
  EXPECT_THAT(header_error(bytes), HasSubstr("its header describes 4294967323 bytes"));
}

TEST(AssetEnvelope, BodyMustHaveTheSizeAndChecksumTheHeaderStates) {
  std::vector<uint8_t> bytes = vector_asset();
  const AssetHeader h = read_asset_header(bytes.data(), bytes.size());
  const auto body_error = [&](const std::vector<uint8_t>& b) -> std::string {
    try {
      check_asset_body(h, b.data(), b.size());
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
      return e.what();
    }
    return "";
  };
  std::vector<uint8_t> shorter(bytes.begin(), bytes.end() - 1);
  EXPECT_THAT(body_error(shorter), HasSubstr("bytes long but its header describes"));
  EXPECT_THAT(body_error(shorter), HasSubstr("(truncated)"));
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_THAT(body_error(longer), HasSubstr("(trailing data)"));
  bytes[30] ^= 1;
  EXPECT_THAT(body_error(bytes), HasSubstr("checksum does not match"));
}

}  // namespace
}  // namespace playground
