#include "tokenizers/tokenizer_asset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "common/error.h"
#include "test_fixtures.h"
#include "tokenizers/tokenizer.h"

namespace playground {
namespace {

using ::testing::HasSubstr;

DecodedTokenizer tiny() { return testing::tiny_tokenizer_content(); }

// Runs the loader and returns the error message, or "" if it succeeded.
std::string load_error(const std::vector<uint8_t>& bytes) {
  try {
    Tokenizer::from_asset(bytes.data(), bytes.size());
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
    return e.what();
  }
  return "";
}

TEST(TokenizerAsset, RoundTrips) {
  const std::vector<uint8_t> bytes = encode_tokenizer_asset(tiny());
  const DecodedTokenizer d = decode_tokenizer_asset(bytes.data(), bytes.size());
  EXPECT_EQ(d.name, "tiny");
  EXPECT_EQ(d.pattern, "cl100k");
  EXPECT_EQ(d.tokens, tiny().tokens);
  ASSERT_EQ(d.specials.size(), 2u);
  EXPECT_EQ(d.specials[1].text, "<|bos|>");
  EXPECT_EQ(d.bos_id, 300u);
  const Tokenizer t = Tokenizer::from_asset(bytes.data(), bytes.size());
  EXPECT_EQ(t.name(), "tiny");
  EXPECT_EQ(t.encode("hello"), (std::vector<uint32_t>{258}));
  EXPECT_EQ(t.vocab_size(), 301u);
}

TEST(TokenizerAsset, RejectsTruncatedAsset) {
  std::vector<uint8_t> bytes = encode_tokenizer_asset(tiny());
  bytes.pop_back();
  EXPECT_THAT(load_error(bytes), HasSubstr("truncated"));
  EXPECT_THAT(load_error({'E', 'P', 'T'}), HasSubstr("shorter than the 28-byte header"));
  EXPECT_THAT(load_error({}), HasSubstr("0 bytes"));
}

TEST(TokenizerAsset, RejectsTrailingDataWrongMagicAndVersion) {
  std::vector<uint8_t> bytes = encode_tokenizer_asset(tiny());
  bytes.push_back(0);
  EXPECT_THAT(load_error(bytes), HasSubstr("trailing data"));
  bytes = encode_tokenizer_asset(tiny());
  bytes[0] = 'X';
  EXPECT_THAT(load_error(bytes), HasSubstr("magic"));
  bytes = encode_tokenizer_asset(tiny());
  bytes[4] = 2;
  EXPECT_THAT(load_error(bytes), HasSubstr("version 2"));
  // A vector asset is not a tokenizer asset.
  EXPECT_THAT(load_error({'E', 'P', 'W', 'V', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
              HasSubstr("magic"));
}

TEST(TokenizerAsset, RejectsCorruptBody) {
  std::vector<uint8_t> bytes = encode_tokenizer_asset(tiny());
  bytes[bytes.size() - 3] ^= 0x20;
  EXPECT_THAT(load_error(bytes), HasSubstr("checksum"));
}

TEST(TokenizerAsset, RejectsInconsistentContent) {
  DecodedTokenizer t = tiny();
  t.pattern = "llama";
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("pre-tokenizer \"llama\""));
  t = tiny();
  t.tokens[257] = "hello";  // duplicate of 258
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("have the same bytes"));
  t = tiny();
  t.tokens[65] = "AA";  // byte 'A' lost
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("single byte 65"));
  t = tiny();
  t.specials[1].id = 257;
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("which an ordinary token uses"));
  t = tiny();
  t.specials[1].id = 256;
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("clash"));
  t = tiny();
  t.bos_id = 999;
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("BOS/EOS id 999"));
  t = tiny();
  t.name = "Bad Name";
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("name"));
  t = tiny();
  t.tokens.resize(100);
  EXPECT_THAT(load_error(encode_tokenizer_asset(t)), HasSubstr("fewer than the 256 bytes"));
}

TEST(TokenizerAsset, RejectsLyingCounts) {
  std::vector<uint8_t> bytes = encode_tokenizer_asset(tiny());
  bytes[12] = 3;  // three specials promised, two stored
  testing::reseal(&bytes);
  EXPECT_THAT(load_error(bytes), HasSubstr("truncated"));
  bytes = encode_tokenizer_asset(tiny());
  bytes[8] = 0;
  bytes[9] = 0x7F;  // token count far beyond the body
  testing::reseal(&bytes);
  EXPECT_THAT(load_error(bytes), HasSubstr("impossible"));
  bytes = encode_tokenizer_asset(tiny());
  bytes[18] = 0x7F;  // body size huge: must not overflow or over-read
  EXPECT_THAT(load_error(bytes), HasSubstr("header describes"));
}

TEST(TokenizerAsset, CommittedAssetsMatchTheirChecksums) {
  const std::vector<uint8_t> sums = testing::read_file(testing::source_path("assets/tokenizers/SHA256SUMS"));
  ASSERT_FALSE(sums.empty()) << "assets/tokenizers/SHA256SUMS is missing";
  std::istringstream lines(std::string(sums.begin(), sums.end()));
  std::string sha, file;
  int count = 0;
  while (lines >> sha >> file) {
    const std::vector<uint8_t> bytes = testing::read_file(testing::source_path("assets/tokenizers/" + file));
    ASSERT_FALSE(bytes.empty()) << file;
    EXPECT_EQ(testing::sha256_hex(bytes), sha) << file;
    EXPECT_NO_THROW(Tokenizer::from_asset(bytes.data(), bytes.size())) << file;
    ++count;
  }
  EXPECT_EQ(count, 5);
}

TEST(TokenizerAsset, Sha256KnownAnswer) {
  EXPECT_EQ(testing::sha256_hex({'a', 'b', 'c'}),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(testing::sha256_hex({}), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace playground
