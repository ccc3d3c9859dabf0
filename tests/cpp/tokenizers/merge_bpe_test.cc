#include "tokenizers/merge_bpe.h"

#include <gtest/gtest.h>

#include <random>

#include "common/error.h"

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;

// Characters a b c d, then merges by rank: "a b" (0) "c d" (1) "ab cd" (2) "b c" (3) "a a" (4).
MergeBpeModel tiny(bool ignore_merges = false) {
  std::vector<std::string> tokens = {"a", "b", "c", "d", "ab", "cd", "abcd", "bc", "aa", "<0x78>", "<unk>", "dc"};
  std::vector<MergeRule> merges = {{0, 1}, {2, 3}, {4, 5}, {1, 2}, {0, 0}};
  MergeBpeOptions o;
  o.byte_fallback = true;
  o.unk_id = 10;
  o.fuse_unk = true;
  o.ignore_merges = ignore_merges;
  return MergeBpeModel(tokens, merges, o);
}

Ids encode(const MergeBpeModel& m, const std::string& w) {
  Ids ids;
  m.encode_word(w, &ids, nullptr);
  return ids;
}

TEST(MergeBpe, MergesByPairRankLeftmostFirst) {
  const MergeBpeModel m = tiny();
  EXPECT_EQ(encode(m, "abcd"), (Ids{6}));
  EXPECT_EQ(encode(m, "bcd"), (Ids{1, 5}));   // "c d" (1) before "b c" (3)
  EXPECT_EQ(encode(m, "aaa"), (Ids{8, 0}));   // leftmost of equal ranks
}

TEST(MergeBpe, ATokenNoMergeMakesIsReachedOnlyWithIgnoreMerges) {
  // "dc" is a token but no merge makes it: HF's BPE without ignore_merges never emits it.
  EXPECT_EQ(encode(tiny(), "dc"), (Ids{3, 2}));
  EXPECT_EQ(encode(tiny(true), "dc"), (Ids{11}));
}

TEST(MergeBpe, ByteFallbackAndFusedUnknowns) {
  const MergeBpeModel m = tiny();
  EXPECT_EQ(encode(m, "axb"), (Ids{0, 9, 1}));        // x -> <0x78>
  EXPECT_EQ(encode(m, "a\xC3\xA9\xC3\xA9" "b"), (Ids{0, 10, 1}));  // é has no byte tokens: one fused <unk>
  Ids ids, lengths;
  m.encode_word("a\xC3\xA9\xC3\xA9" "b", &ids, &lengths);
  EXPECT_EQ(lengths, (Ids{1, 4, 1}));
}

TEST(MergeBpe, FastMatchesReferenceOnRandomWords) {
  const MergeBpeModel m = tiny();
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> len(0, 400), ch(0, 4);
  for (int i = 0; i < 2000; ++i) {
    std::string w;
    for (int k = len(rng); k > 0; --k) w += "abcdx"[ch(rng)];
    Ids fast, reference;
    m.encode_word(w, &fast, nullptr);
    m.encode_word_reference(w, &reference);
    ASSERT_EQ(fast, reference) << w;
  }
}

TEST(MergeBpe, LongRunsStayFast) {
  const MergeBpeModel m = tiny();
  const Ids ids = encode(m, std::string(1'000'000, 'a'));  // one word: the heap, O(n log n)
  EXPECT_EQ(ids.size(), 500'000u);
}

TEST(MergeBpe, RejectsMergesOfNonTokens) {
  EXPECT_THROW(MergeBpeModel({"a", "b"}, {{0, 1}}, {}), Error);          // "ab" is no token
  EXPECT_THROW(MergeBpeModel({"a", "b", "ab"}, {{0, 1}, {0, 1}}, {}), Error);  // repeated
  MergeBpeOptions byte_level;
  byte_level.byte_level = true;
  EXPECT_THROW(MergeBpeModel({"a"}, {}, byte_level), Error);             // bytes missing
}

}  // namespace
}  // namespace playground
