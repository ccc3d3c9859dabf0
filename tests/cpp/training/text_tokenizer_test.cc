#include "training/text_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace playground {
namespace {

std::vector<std::vector<std::string>> sentences(const Corpus& c) {
  std::vector<std::vector<std::string>> out;
  for (size_t s = 0; s < c.sentence_count(); ++s) {
    out.emplace_back();
    for (const uint32_t* t = c.sentence_begin(s); t != c.sentence_end(s); ++t) out.back().push_back(c.types()[*t]);
  }
  return out;
}

using Sentences = std::vector<std::vector<std::string>>;

TEST(TextTokenizer, TurkishApostropheSuffixStaysInTheWord) {
  const Corpus c = corpus_from_text("Ankara'da İzmir’e gittim. IŞIK!", TextLanguage::kTurkish);
  EXPECT_EQ(sentences(c), (Sentences{{"ankara'da", "izmir'e", "gittim"}, {"ışık"}}));
}

TEST(TextTokenizer, SplitsSentencesAtPunctuationAndLineBreaks) {
  const Corpus c = corpus_from_text("One two? Three! Four... five\nsix\r\nseven \u2026 eight", TextLanguage::kDefault);
  EXPECT_EQ(sentences(c), (Sentences{{"one", "two"}, {"three"}, {"four"}, {"five"}, {"six"}, {"seven"}, {"eight"}}));
}

TEST(TextTokenizer, DecimalPointDoesNotEndASentence) {
  const Corpus c = corpus_from_text("It grew 3.5 percent. Then 2. Done", TextLanguage::kDefault);
  EXPECT_EQ(sentences(c), (Sentences{{"it", "grew", "3", "5", "percent"}, {"then", "2"}, {"done"}}));
}

TEST(TextTokenizer, PunctuationSymbolsAndOuterApostrophesSeparateWords) {
  const Corpus c = corpus_from_text("'Quoted' e-mail, (x+y)=z; don't rock’n’roll’ 👋hi", TextLanguage::kDefault);
  EXPECT_EQ(sentences(c), (Sentences{{"quoted", "e", "mail", "x", "y", "z", "don't", "rock'n'roll", "hi"}}));
}

TEST(TextTokenizer, CombiningMarksStayInsideWords) {
  // "e" + U+0301 (combining acute) is one word; default lower-casing of İ gives i + U+0307.
  const Corpus c = corpus_from_text("Cafe\xCC\x81 İSTANBUL", TextLanguage::kDefault);
  EXPECT_EQ(sentences(c), (Sentences{{"cafe\xCC\x81", "i\xCC\x87stanbul"}}));
}

TEST(TextTokenizer, LinesOnlyModeKeepsPunctuationInsideASentence) {
  CorpusBuilder b;
  tokenize_text("prof. dr. ali geldi . bitti\nyeni satır", TextLanguage::kTurkish, SentenceBreaks::kLinesOnly, &b);
  EXPECT_EQ(sentences(b.finish()), (Sentences{{"prof", "dr", "ali", "geldi", "bitti"}, {"yeni", "satır"}}));
}

TEST(TextTokenizer, EmptyAndPunctuationOnlyTextGiveAnEmptyCorpus) {
  EXPECT_EQ(corpus_from_text("", TextLanguage::kDefault).sentence_count(), 0u);
  EXPECT_EQ(corpus_from_text(" ...!?\n\n-- ", TextLanguage::kDefault).sentence_count(), 0u);
  EXPECT_EQ(corpus_from_text("\xFF\xFE", TextLanguage::kDefault).token_count(), 0u);
}

}  // namespace
}  // namespace playground
