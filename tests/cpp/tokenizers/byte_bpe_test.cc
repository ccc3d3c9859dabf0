#include "tokenizers/byte_bpe.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "tokenizer_test_util.h"
#include "tokenizers/tokenizer.h"

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;
using ::testing::HasSubstr;

// Ranks 0..255 are the bytes themselves; then a few merges.
ByteBpeModel tiny_model() {
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, char(b));
  for (const char* t : {"ab", "cd", "abcd", "aa", "aaaa", "xyz", "ba"}) tokens.emplace_back(t);
  // 256 ab, 257 cd, 258 abcd, 259 aa, 260 aaaa, 261 xyz, 262 ba
  return ByteBpeModel(tokens, {{"<|end|>", 300}, {"<|end|>!", 301}, {"<|e", 302}});
}

Ids encode_piece(const ByteBpeModel& m, const std::string& piece) {
  Ids out;
  m.encode_piece(piece, &out);
  return out;
}

TEST(ByteBpe, MergesLowestRankFirst) {
  const ByteBpeModel m = tiny_model();
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
  const ByteBpeModel m = tiny_model();
  EXPECT_EQ(encode_piece(m, "xyz"), (Ids{261}));
  EXPECT_EQ(encode_piece(m, "xyzq"), (Ids{'x', 'y', 'z', 'q'}));
}

TEST(ByteBpe, LargePiecesMergeLikeSmallOnes) {
  const ByteBpeModel m = tiny_model();
  const std::string piece(1001, 'a');
  Ids expected(250, 260);
  expected.push_back('a');
  EXPECT_EQ(encode_piece(m, piece), expected);
  Ids reference;
  m.encode_piece_reference(piece, &reference);
  EXPECT_EQ(reference, expected);
}

TEST(ByteBpe, FastMatchesReferenceOnRandomPieces) {
  const ByteBpeModel m = tiny_model();
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> len(0, 400), ch(0, 5);
  for (int i = 0; i < 3000; ++i) {
    std::string piece;
    for (int k = len(rng); k > 0; --k) piece += "abcdxy"[ch(rng)];
    Ids fast, reference;
    m.encode_piece(piece, &fast);
    m.encode_piece_reference(piece, &reference);
    ASSERT_EQ(fast, reference) << piece;
  }
}

TEST(ByteBpe, LooksUpTokensAndSpecials) {
  const ByteBpeModel m = tiny_model();
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
  const ByteBpeModel m = tiny_model();
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

TEST(ByteBpe, TokenizerSplitsOnSpecialsOnlyWhenAllowed) {
  const Tokenizer t("tiny", PretokenizerKind::kGpt2, tiny_model(), kNoRank, 300);
  const std::string text = "ab<|end|>!cd";
  const Ids ordinary = t.encode(text);
  EXPECT_EQ(t.decode(ordinary), text);
  EXPECT_EQ(std::count(ordinary.begin(), ordinary.end(), 301u), 0);
  EncodeOptions all;
  all.allow_special = true;
  EXPECT_EQ(t.encode(text, all), (Ids{256, 301, 257}));
  const std::vector<TokenSpan> spans = t.encode_spans(text, all);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].start, 2u);
  EXPECT_EQ(spans[1].end, 10u);
  all.add_eos = true;
  EXPECT_EQ(t.encode(text, all).back(), 300u);
  all.add_bos = true;
  EXPECT_THROW(t.encode(text, all), Error);  // no BOS
}

TEST(ByteBpe, SpansCoverTheInputBytes) {
  const Tokenizer t("tiny", PretokenizerKind::kO200k, tiny_model());
  const std::string text = "abcd aaaaa xyz \xF0\x9F\x91\x8D!";
  size_t at = 0;
  for (const TokenSpan& s : t.encode_spans(text)) {
    EXPECT_EQ(s.start, at);
    EXPECT_EQ(t.decode({s.id}), text.substr(s.start, s.end - s.start));
    at = s.end;
  }
  EXPECT_EQ(at, text.size());
}

}  // namespace
}  // namespace playground
