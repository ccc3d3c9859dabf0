#include "tokenizers/word_tokenizer.h"

#include <gtest/gtest.h>

#include "test_fixtures.h"

namespace playground {
namespace {

using Words = std::vector<std::string>;

Words words(const std::string& text) {
  Words out;
  for (const WordToken& t : word_tokenize(text)) out.push_back(t.text);
  return out;
}

TEST(WordTokenizer, LowerCasesAndSplitsPunctuation) {
  EXPECT_EQ(words("The cat sat, on the MAT."), (Words{"the", "cat", "sat", ",", "on", "the", "mat", "."}));
  EXPECT_EQ(words("Hi!!! (really?)"), (Words{"hi", "!", "!", "!", "(", "really", "?", ")"}));
  EXPECT_EQ(words("Merhaba Dünya ÇOK İyi"), (Words{"merhaba", "dünya", "çok", "iyi"}));
  EXPECT_EQ(words(""), (Words{}));
  EXPECT_EQ(words("  \n\t "), (Words{}));
}

TEST(WordTokenizer, SplitsCliticsAsGloveHasThem) {
  EXPECT_EQ(words("don't"), (Words{"do", "n't"}));
  EXPECT_EQ(words("It's"), (Words{"it", "'s"}));
  EXPECT_EQ(words("we'll I'm they're I've he'd"),
            (Words{"we", "'ll", "i", "'m", "they", "'re", "i", "'ve", "he", "'d"}));
  EXPECT_EQ(words("can't won't"), (Words{"ca", "n't", "wo", "n't"}));
  EXPECT_EQ(words("DON\u2019T"), (Words{"do", "n't"}));  // typographic apostrophe
  EXPECT_EQ(words("the dogs' bowl"), (Words{"the", "dogs", "'", "bowl"}));
  EXPECT_EQ(words("o'clock"), (Words{"o'clock"}));
  EXPECT_EQ(words("\u2018yes\u2019"), (Words{"\u2018", "yes", "\u2019"}));
}

TEST(WordTokenizer, KeepsNumbersHyphenatedWordsAndAbbreviations) {
  EXPECT_EQ(words("pi is 3.14, about 1,000 times"),
            (Words{"pi", "is", "3.14", ",", "about", "1,000", "times"}));
  EXPECT_EQ(words("e-mail a well-known man"), (Words{"e-mail", "a", "well-known", "man"}));
  EXPECT_EQ(words("the U.S. army"), (Words{"the", "u.s.", "army"}));
  EXPECT_EQ(words("wait... a -- b"), (Words{"wait", "...", "a", "--", "b"}));
  EXPECT_EQ(words("end-"), (Words{"end", "-"}));
  EXPECT_EQ(words("1990."), (Words{"1990", "."}));
}

TEST(WordTokenizer, ReportsByteRanges) {
  const std::string text = "Çok don't";
  const std::vector<WordToken> t = word_tokenize(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(text.substr(t[0].start, t[0].end - t[0].start), "Çok");
  EXPECT_EQ(text.substr(t[1].start, t[1].end - t[1].start), "do");
  EXPECT_EQ(text.substr(t[2].start, t[2].end - t[2].start), "n't");
}

TEST(WordTokenizer, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(words("a\xFF" "b"), (Words{"a", "\uFFFD", "b"}));
}

TEST(WordTokenizer, LooksWordsUpInAVectorStore) {
  const VectorStore store = testing::toy_store();
  const std::vector<WordToken> t = word_tokenize("The Cat e-mail zzz");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(word_vector_index(t[0], store), -1);
  EXPECT_EQ(word_vector_index(t[1], store), 4);
  EXPECT_EQ(word_vector_index(t[2], store), 9);
  EXPECT_EQ(word_vector_index(t[3], store), -1);
}

}  // namespace
}  // namespace playground
