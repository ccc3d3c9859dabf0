#include "tokenizers/wordpiece.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;

WordPieceModel tiny() {
  return WordPieceModel({"[UNK]", "un", "##aff", "##able", "una", "##ff", "a", "##a"}, 0, 10);
}

Ids encode(const WordPieceModel& m, const std::string& w, Ids* lengths = nullptr) {
  Ids ids;
  m.encode_word(w, &ids, lengths);
  return ids;
}

TEST(WordPiece, GreedyLongestMatchFirst) {
  const WordPieceModel m = tiny();
  // "una" (not "un") is the longest start, then "##ff", then "##able".
  EXPECT_EQ(encode(m, "unaffable"), (Ids{4, 5, 3}));
  EXPECT_EQ(encode(m, "unaffablex"), (Ids{0}));  // "x" matches nothing: the whole word is [UNK]
  EXPECT_EQ(encode(m, "unaff"), (Ids{4, 5}));
  Ids lengths;
  EXPECT_EQ(encode(m, "aaa", &lengths), (Ids{6, 7, 7}));
  EXPECT_EQ(lengths, (Ids{1, 1, 1}));
}

TEST(WordPiece, UnknownForLongWordsAndUnmatchedParts) {
  const WordPieceModel m = tiny();
  EXPECT_EQ(encode(m, std::string(11, 'a')), (Ids{0}));  // over max_input_chars_per_word
  EXPECT_EQ(encode(m, std::string(10, 'a')).size(), 10u);
  Ids lengths;
  EXPECT_EQ(encode(m, "ab", &lengths), (Ids{0}));
  EXPECT_EQ(lengths, (Ids{2}));
}

TEST(WordPiece, BertPreTokenizerSplitsSpacesAndIsolatesPunctuation) {
  std::vector<std::pair<uint32_t, uint32_t>> words;
  bert_pre_tokenize("a,b  c$\xC2\xBF\xE3\x80\x80z", &words);
  ASSERT_EQ(words.size(), 7u);  // a , b c $ ¿ z (U+3000 is whitespace)
  EXPECT_EQ(words[3], (std::pair<uint32_t, uint32_t>{5, 6}));
  EXPECT_EQ(words[5], (std::pair<uint32_t, uint32_t>{7, 9}));
  EXPECT_EQ(words[6], (std::pair<uint32_t, uint32_t>{12, 13}));
}

TEST(WordPiece, DecoderJoinsContinuationsAndCleansUp) {
  EXPECT_EQ(wordpiece_decode({"hello", "##s", "world", "!", "i", "'", "m", "do", "n't"}), "hellos world! i ' m don't");
}

}  // namespace
}  // namespace playground
