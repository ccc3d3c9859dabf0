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

TEST(UnicodeClass, DecodesUtf8AndFlagsInvalidBytes) {
  const std::string s = "a\xC3\xA7\xE2\x82\xAC\xF0\x9F\x91\x8D";
  EXPECT_EQ(decode_utf8_at(s, 0).cp, U'a');
  EXPECT_EQ(decode_utf8_at(s, 1).cp, char32_t(0xE7));
  EXPECT_EQ(decode_utf8_at(s, 3).cp, char32_t(0x20AC));
  EXPECT_EQ(decode_utf8_at(s, 6).cp, char32_t(0x1F44D));
  EXPECT_EQ(decode_utf8_at(s, 6).len, 4);
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF"}) {
    const Utf8Char c = decode_utf8_at(bad, 0);
    EXPECT_FALSE(c.valid);
    EXPECT_EQ(c.len, 1);
  }
}

TEST(UnicodeClass, ReplacesIllFormedUtf8AsTextDecoderDoes) {
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(replace_invalid_utf8("ok \xC3\xA7 \xF0\x9F\x91\x8D"), "ok \xC3\xA7 \xF0\x9F\x91\x8D");
  EXPECT_EQ(replace_invalid_utf8("\xF0\x9F\x91"), r);                 // one per maximal subpart
  EXPECT_EQ(replace_invalid_utf8("\xF0\x9F\x91x"), r + "x");
  EXPECT_EQ(replace_invalid_utf8("\xE2\x82"), r);
  EXPECT_EQ(replace_invalid_utf8("\xED\xA0\x80"), r + r + r);         // surrogate
  EXPECT_EQ(replace_invalid_utf8("\xC0\xAF"), r + r);                 // overlong
  EXPECT_EQ(replace_invalid_utf8("\xFF\x80" "a"), r + r + "a");
  EXPECT_EQ(replace_invalid_utf8("\xF4\x90\x80\x80"), r + r + r + r);  // above U+10FFFF
  EXPECT_EQ(replace_invalid_utf8(""), "");
}

}  // namespace
}  // namespace playground
