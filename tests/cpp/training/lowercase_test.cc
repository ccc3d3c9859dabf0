#include "training/lowercase.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

// Expected values are Python 3.11's str.lower() (default) and SpecialCasing.txt's "tr" rules.
TEST(Lowercase, TurkishDottedAndDotlessI) {
  EXPECT_EQ(lowercase("İSTANBUL", TextLanguage::kTurkish), "istanbul");
  EXPECT_EQ(lowercase("IĞDIR", TextLanguage::kTurkish), "ığdır");
  EXPECT_EQ(lowercase("KEDİ", TextLanguage::kTurkish), "kedi");
  EXPECT_EQ(lowercase("I\xCC\x87", TextLanguage::kTurkish), "i");  // I + U+0307
  EXPECT_EQ(lowercase("ÇÖĞÜŞ", TextLanguage::kTurkish), "çöğüş");
}

TEST(Lowercase, DefaultRulesKeepTheDotOfCapitalIWithDot) {
  // 'İSTANBUL'.lower() == 'i̇stanbul' (i + U+0307), 'IĞDIR'.lower() == 'iğdir'
  EXPECT_EQ(lowercase("İSTANBUL", TextLanguage::kDefault), "i\xCC\x87stanbul");
  EXPECT_EQ(lowercase("IĞDIR", TextLanguage::kDefault), "iğdir");
  EXPECT_EQ(lowercase("The Cat", TextLanguage::kDefault), "the cat");
}

TEST(Lowercase, FinalSigmaAsPythonLower) {
  EXPECT_EQ(lowercase("ΟΔΟΣ", TextLanguage::kDefault), "οδος");        // 'ΟΔΟΣ'.lower() -> 'οδος'
  EXPECT_EQ(lowercase("ΣΟΦΙΑ", TextLanguage::kDefault), "σοφια");
  EXPECT_EQ(lowercase("Σ", TextLanguage::kDefault), "σ");
  EXPECT_EQ(lowercase("ΑΣΑ", TextLanguage::kDefault), "ασα");
  EXPECT_EQ(lowercase("ΑΣ'", TextLanguage::kDefault), "ας'");
}

TEST(Lowercase, OtherScriptsAndInvalidBytes) {
  EXPECT_EQ(lowercase("ДОМ", TextLanguage::kDefault), "дом");
  EXPECT_EQ(lowercase("ÆØÅ", TextLanguage::kTurkish), "æøå");
  EXPECT_EQ(lowercase("日本", TextLanguage::kDefault), "日本");
  EXPECT_EQ(lowercase("A\xFF" "B", TextLanguage::kDefault), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(lowercase("", TextLanguage::kDefault), "");
}

}  // namespace
}  // namespace playground
