#include "tokenizers/huffman_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "common/error.h"

namespace playground {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> round_trip(const std::vector<std::string>& texts, size_t* size = nullptr) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<uint8_t> bytes;
  encode_huffman_texts(views, &bytes);
  if (size) *size = bytes.size();
  size_t used = 0;
  std::vector<std::string> out = decode_huffman_texts(bytes.data(), bytes.size(), texts.size(), 1024, &used);
  EXPECT_EQ(used, bytes.size());
  return out;
}

std::string decode_error(const std::vector<uint8_t>& bytes, size_t count, size_t max_bytes = 1024) {
  size_t used = 0;
  try {
    decode_huffman_texts(bytes.data(), bytes.size(), count, max_bytes, &used);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    return e.what();
  }
  return "";
}

TEST(HuffmanText, RoundTripsWordsBytesAndOneSymbolContexts) {
  const std::vector<std::string> texts = {"the", "##s", "a", "aaaa", "\xFF\x00\x01", std::string(1, '\0'), "hello", "##ing", "x"};
  EXPECT_EQ(round_trip(texts), texts);
  EXPECT_EQ(round_trip({"z"}), (std::vector<std::string>{"z"}));  // every context has one symbol
}

TEST(HuffmanText, RoundTripsRandomTextsAndCompressesWordLists) {
  std::mt19937 rng(3);
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    const int n = 1 + int(rng() % 12);
    for (int k = 0; k < n; ++k) t += char(i % 50 == 0 ? rng() % 256 : 'a' + rng() % 8);  // a little binary, 8 letters
    texts.push_back(t);
  }
  size_t size = 0, plain = 0;
  EXPECT_EQ(round_trip(texts, &size), texts);
  for (const std::string& t : texts) plain += t.size() + 1;
  EXPECT_LT(size, plain / 2);  // 8 letters take 3 bits, not 8
}

TEST(HuffmanText, SkewedCountsGiveShortCodesToFrequentSymbols) {
  // Fibonacci-like counts build the deepest tree for few symbols; 20 symbols stay within 24 bits.
  std::vector<std::string> texts;
  uint64_t a = 1, b = 1;
  for (char c = 'a'; c < 'a' + 20; ++c) {
    for (uint64_t k = 0; k < a; ++k) texts.push_back(std::string(1, c));
    const uint64_t next = a + b;
    a = b;
    b = next;
  }
  EXPECT_EQ(round_trip(texts), texts);
}

TEST(HuffmanText, RejectsMalformedData) {
  std::vector<uint8_t> good;
  encode_huffman_texts({"ab", "ba", "abc"}, &good);
  EXPECT_THAT(decode_error(std::vector<uint8_t>(good.begin(), good.end() - 1), 3), HasSubstr("cut short"));
  EXPECT_THAT(decode_error(good, 4), HasSubstr("end inside a text"));       // asks for more texts than coded
  EXPECT_THAT(decode_error(good, 2), HasSubstr("left over"));               // fewer
  EXPECT_THAT(decode_error(good, 3, 2), HasSubstr("longer than 2 bytes"));  // "abc" over the limit
  std::vector<uint8_t> context = good;
  context[2] = 0x02;  // the first context id becomes 258
  context[3] = 0x01;
  EXPECT_THAT(decode_error(context, 3), HasSubstr("out of range"));
  // One context with three symbols of length 1: not a prefix code.
  const std::vector<uint8_t> kraft = {1, 0, 0, 1, 1, 2, 0, 'a', 1, 'b', 1, 0, 0, 0, 0};
  EXPECT_THAT(decode_error(kraft, 1), HasSubstr("prefix code"));
  // Context 256 with only "a" (code 0) and the end symbol absent: 24 one-bits match nothing.
  const std::vector<uint8_t> hole = {1, 0, 0, 1, 0, 1, 0, 'a', 1, 24, 0, 0, 0, 0xFF, 0xFF, 0xFF};
  EXPECT_THAT(decode_error(hole, 1), HasSubstr("no code has"));
  std::vector<std::string_view> empty = {""};
  std::vector<uint8_t> out;
  EXPECT_THROW(encode_huffman_texts(empty, &out), Error);
}

}  // namespace
}  // namespace playground
