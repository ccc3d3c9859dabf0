#include "tokenizers/byte_bpe.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;
using ::testing::HasSubstr;

using testing::tiny_bpe_model;

Ids encode_piece(const ByteBpeModel& m, const std::string& piece) {
  Ids out;
  m.encode_piece(piece, &out);
  return out;
}

TEST(ByteBpe, MergesLowestRankFirst) {
  const ByteBpeModel m = tiny_bpe_model();
  EXPECT_EQ(encode_piece(m, "abcd"), (Ids{258}));            // whole-piece lookup
  EXPECT_EQ(encode_piece(m, "abcde"), (Ids{258, 'e'}));      // ab, cd, then abcd
  EXPECT_EQ(encode_piece(m, "aaa"), (Ids{259, 'a'}));        // the leftmost of equal ranks
  EXPECT_EQ(encode_piece(m, "aaaaa"), (Ids{260, 'a'}));
  EXPECT_EQ(encode_piece(m, "aba"), (Ids{256, 'a'}));        // ab (256) before ba (262)
  EXPECT_EQ(encode_piece(m, "q"), (Ids{'q'}));
  EXPECT_EQ(encode_piece(m, ""), (Ids{}));
}

TEST(ByteBpe, WholePieceLookupComesBeforeMerging) {
  // "xyz" cannot be reached by merges (no "xy" or "yz"), but a piece equal to it is one token,
  // as in tiktoken and Llama 3 (llama.cpp PR #7193).
  const ByteBpeModel m = tiny_bpe_model();
  EXPECT_EQ(encode_piece(m, "xyz"), (Ids{261}));
  EXPECT_EQ(encode_piece(m, "xyzq"), (Ids{'x', 'y', 'z', 'q'}));
}

TEST(ByteBpe, LargePiecesMergeLikeSmallOnes) {
  const ByteBpeModel m = tiny_bpe_model();
  const std::string piece(1001, 'a');
  Ids expected(250, 260);
  expected.push_back('a');
  EXPECT_EQ(encode_piece(m, piece), expected);
  Ids reference;
  m.encode_piece_reference(piece, &reference);
  EXPECT_EQ(reference, expected);
}

TEST(ByteBpe, FastMatchesReferenceOnRandomPieces) {
  const ByteBpeModel m = tiny_bpe_model();
  Random rng(11);
  for (int i = 0; i < 3000; ++i) {
    std::string piece;
    for (uint64_t k = rng.below(401); k > 0; --k) piece += "abcdxy"[rng.below(6)];
    Ids fast, reference;
    m.encode_piece(piece, &fast);
    m.encode_piece_reference(piece, &reference);
    ASSERT_EQ(fast, reference) << piece;
  }
}

TEST(ByteBpe, LooksUpTokensAndSpecials) {
  const ByteBpeModel m = tiny_bpe_model();
  EXPECT_EQ(m.rank_of("cd"), 257u);
  EXPECT_EQ(m.rank_of("dc"), kNoRank);
  EXPECT_EQ(m.token_bytes(258), "abcd");
  EXPECT_EQ(m.token_bytes(300), "<|end|>");
  EXPECT_EQ(m.special_id("<|end|>"), 300u);
  EXPECT_EQ(m.vocab_size(), 303u);
  EXPECT_TRUE(m.is_valid_id(301));
  EXPECT_FALSE(m.is_valid_id(263));
  // The longest special at a position wins.
  EXPECT_EQ(m.match_special("x<|end|>!", 1), (std::pair<size_t, uint32_t>{8, 301}));
  EXPECT_EQ(m.match_special("<|end|", 0), (std::pair<size_t, uint32_t>{3, 302}));
  EXPECT_EQ(m.match_special("<|x", 0), (std::pair<size_t, uint32_t>{0, kNoRank}));
}

TEST(ByteBpe, UnknownIdIsABadArgumentNamingIt) {
  const ByteBpeModel m = tiny_bpe_model();
  try {
    m.token_bytes(263);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_THAT(e.what(), HasSubstr("263"));
  }
}

TEST(ByteBpe, RejectsIncompleteOrClashingVocabularies) {
  std::vector<std::string> tokens;
  for (int b = 0; b < 255; ++b) tokens.emplace_back(1, char(b));
  EXPECT_THROW(ByteBpeModel(tokens, {}), Error);  // byte 255 missing
  tokens.emplace_back(1, char(255));
  tokens.emplace_back("ab");
  EXPECT_NO_THROW(ByteBpeModel(tokens, {}));
  EXPECT_THROW(ByteBpeModel(tokens, {{"<s>", 256}}), Error);  // id used by "ab"
  EXPECT_THROW(ByteBpeModel(tokens, {{"<s>", 300}, {"<s>", 301}}), Error);
  tokens.emplace_back("ab");
  EXPECT_THROW(ByteBpeModel(tokens, {}), Error);  // duplicate
}

TEST(ByteBpe, SpecialTokensAreCheckedOnce) {
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, char(b));
  const auto message = [&](std::vector<SpecialToken> specials) -> std::string {
    try {
      ByteBpeModel(tokens, std::move(specials));
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
      return e.what();
    }
    return "";
  };
  EXPECT_THAT(message({{"", 300}}), HasSubstr("Special token 300 is empty"));
  EXPECT_THAT(message({{"<s>", kNoRank}}), HasSubstr("\"<s>\" has an invalid id"));
  EXPECT_THAT(message({{"<s>", 97}}), HasSubstr("\"<s>\" has id 97, which an ordinary token uses"));
  EXPECT_THAT(message({{"<s>", 300}, {"</s>", 300}}), HasSubstr("\"<s>\" and \"</s>\" clash"));
  EXPECT_THAT(message({{"<s>", 300}, {"<s>", 301}}), HasSubstr("clash"));
  EXPECT_EQ(message({{"<s>", 300}, {"</s>", 301}}), "");
}

TEST(ByteBpe, ManySpecialTokensBuildAndDecode) {
  // An asset may hold up to 65,536 specials; the checks and lookups are not quadratic.
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, char(b));
  std::vector<SpecialToken> specials;
  for (uint32_t i = 0; i < 65536; ++i) specials.push_back({"<" + std::to_string(i) + ">", 256 + 65535 - i});
  const ByteBpeModel m(tokens, specials);
  EXPECT_EQ(m.vocab_size(), 256u + 65536u);
  EXPECT_EQ(m.token_bytes(256), "<65535>");
  EXPECT_EQ(m.token_bytes(256 + 65535), "<0>");
  EXPECT_TRUE(m.is_valid_id(300));
  EXPECT_EQ(m.match_special("x<123>", 1), (std::pair<size_t, uint32_t>{5, 256 + 65535 - 123}));
}

TEST(ByteBpe, UnusedRanksMayHoldSpecials) {
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, char(b));
  tokens.emplace_back("");  // rank 256 unused, as p50k_base's 50256
  tokens.emplace_back("ab");
  const ByteBpeModel m(tokens, {{"<|endoftext|>", 256}});
  EXPECT_EQ(m.token_bytes(256), "<|endoftext|>");
  EXPECT_EQ(m.rank_of("ab"), 257u);
  EXPECT_EQ(m.rank_of(""), kNoRank);
}

}  // namespace
}  // namespace playground
