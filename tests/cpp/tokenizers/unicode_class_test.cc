#include "tokenizers/unicode_class.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

TEST(UnicodeClass, GeneralCategories) {
  EXPECT_EQ(unicode_class('A'), kClassLu);
  EXPECT_EQ(unicode_class('z'), kClassLl);
  EXPECT_EQ(unicode_class(0x01C5), kClassLt);  // ǅ
  EXPECT_EQ(unicode_class(0x02B0), kClassLm);  // ʰ
  EXPECT_EQ(unicode_class(0x05D0), kClassLo);  // א
  EXPECT_EQ(unicode_class(0x0301), kClassM);   // combining acute
  EXPECT_EQ(unicode_class(0x0903), kClassM);   // Devanagari visarga (Mc)
  EXPECT_EQ(unicode_class('7'), kClassN);
  EXPECT_EQ(unicode_class(0x2163), kClassN);   // Ⅳ (Nl)
  EXPECT_EQ(unicode_class(0x00BD), kClassN);   // ½ (No)
  EXPECT_EQ(unicode_class('!'), 0);
  EXPECT_EQ(unicode_class(0x1F44D), 0);        // 👍 (So)
  EXPECT_EQ(unicode_class(0x110000), 0);
}

TEST(UnicodeClass, RangesFromFirstLastPairs) {
  // UnicodeData.txt lists these blocks as <..., First> / <..., Last> pairs.
  EXPECT_EQ(unicode_class(0x4E00), kClassLo);
  EXPECT_EQ(unicode_class(0x9FA5), kClassLo);
  EXPECT_EQ(unicode_class(0xAC01), kClassLo);   // Hangul syllable
  EXPECT_EQ(unicode_class(0x20001), kClassLo);  // CJK extension B
  EXPECT_EQ(unicode_class(0xD800), 0);          // surrogate
  EXPECT_EQ(unicode_class(0xE000), 0);          // private use
}

TEST(UnicodeClass, FollowsUnicode16AsTiktokensRegexDoes) {
  // Letters added after Debian 12's Unicode 15.0, via tools/unicode-16.0-delta.txt.
  EXPECT_EQ(unicode_class(0x2EBF0), kClassLo);  // CJK Extension I (15.1)
  EXPECT_EQ(unicode_class(0x13460), kClassLo);  // Egyptian Hieroglyphs Extended-A (16.0)
  EXPECT_EQ(unicode_class(0x1C89), kClassLu);   // Cyrillic TJE (16.0)
  EXPECT_EQ(unicode_class(0x0897), kClassM);    // Arabic pepet (16.0)
}

TEST(UnicodeClass, WhiteSpaceIsTheUnicodeProperty) {
  for (char32_t c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A,
                     0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) {
    EXPECT_EQ(unicode_class(c), kClassWhiteSpace) << std::hex << uint32_t(c);
  }
  for (char32_t c : {0xFEFF, 0x200B, 0x180E, 0x1C}) {
    EXPECT_EQ(unicode_class(c) & kClassWhiteSpace, 0) << std::hex << uint32_t(c);
  }
}

TEST(UnicodeClass, SimpleLowerCase) {
  EXPECT_EQ(unicode_simple_lower('A'), U'a');
  EXPECT_EQ(unicode_simple_lower(0xC7), char32_t(0xE7));    // Ç -> ç
  EXPECT_EQ(unicode_simple_lower(0x130), char32_t('i'));    // İ -> i (simple mapping)
  EXPECT_EQ(unicode_simple_lower('I'), U'i');               // no Turkish dotless rule
  EXPECT_EQ(unicode_simple_lower(0x410), char32_t(0x430));  // Cyrillic А
  EXPECT_EQ(unicode_simple_lower('1'), U'1');
  EXPECT_STREQ(unicode_tables_version(), "16.0.0");
}

}  // namespace
}  // namespace playground
