#include "common/utf8.h"

#include <gtest/gtest.h>

#include "common/random.h"

namespace playground {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8("kedi"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA7i\xC4\x9F" "dem"));        // çiğdem
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x91\x8B"));            // 👋
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, RejectsMalformedText) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\x80"));              // stray continuation byte
}

TEST(Utf8, DecodesCharactersAndFlagsInvalidBytes) {
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
    EXPECT_EQ(c.cp, kReplacementCharacter);
  }
}

TEST(Utf8, DecodesInvalidBytesAsReplacement) {
  EXPECT_EQ(decode_utf8("a\xFF" "b"), (std::vector<char32_t>{U'a', 0xFFFD, U'b'}));
  EXPECT_EQ(decode_utf8("\xC4\xB1"), (std::vector<char32_t>{0x131}));  // ı
}

TEST(Utf8, EncodesEveryLengthAndReplacesNonCharacters) {
  EXPECT_EQ(encode_utf8(U'a'), "a");
  EXPECT_EQ(encode_utf8(0x131), "\xC4\xB1");
  EXPECT_EQ(encode_utf8(0x20AC), "\xE2\x82\xAC");
  EXPECT_EQ(encode_utf8(0x1F44D), "\xF0\x9F\x91\x8D");
  EXPECT_EQ(encode_utf8(0xD800), "\xEF\xBF\xBD");    // a surrogate is not a character
  EXPECT_EQ(encode_utf8(0x110000), "\xEF\xBF\xBD");
}

TEST(Utf8, EncodeThenDecodeIsTheIdentityOnEveryScalarValue) {
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string bytes = encode_utf8(cp);
    const Utf8Char c = decode_utf8_at(bytes, 0);
    ASSERT_TRUE(c.valid) << cp;
    ASSERT_EQ(c.cp, cp);
    ASSERT_EQ(c.len, bytes.size());
  }
}

TEST(Utf8, ReplacesIllFormedPartsAsTextDecoderDoes) {
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

TEST(Utf8, PrefixEndsOnACharacterBoundary) {
  const std::string s = "a\xC3\xA7\xF0\x9F\x91\x8D" "b";  // a ç 👍 b
  EXPECT_EQ(utf8_prefix(s, 0), "");
  EXPECT_EQ(utf8_prefix(s, 1), "a");
  EXPECT_EQ(utf8_prefix(s, 2), "a\xC3\xA7");
  EXPECT_EQ(utf8_prefix(s, 3), "a\xC3\xA7\xF0\x9F\x91\x8D");
  EXPECT_EQ(utf8_prefix(s, 99), s);
  EXPECT_EQ(utf8_prefix("\xF0\x9F", 1), "\xF0");  // an invalid byte counts as one character
}

TEST(Utf8, LowersAsciiOnly) { EXPECT_EQ(ascii_lower("King \xC4\xB0"), "king \xC4\xB0"); }

TEST(Utf16OffsetMapper, MapsBoundariesAndRoundsInsideCharacters) {
  // "a" (1 byte, 1 unit) "ç" (2, 1) "€" (3, 1) "👍" (4, 2) "b" (1, 1)
  const std::string s = "a\xC3\xA7\xE2\x82\xAC\xF0\x9F\x91\x8D" "b";
  const uint32_t floor_of[] = {0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6};
  const uint32_t ceil_of[] = {0, 1, 2, 2, 3, 3, 3, 5, 5, 5, 5, 6};
  for (size_t byte = 0; byte <= s.size(); ++byte) {
    Utf16OffsetMapper fresh(s);
    EXPECT_EQ(fresh.floor(byte), floor_of[byte]) << byte;
    Utf16OffsetMapper fresh2(s);
    EXPECT_EQ(fresh2.ceil(byte), ceil_of[byte]) << byte;
  }
  Utf16OffsetMapper clamped(s);
  EXPECT_EQ(clamped.ceil(100), 6u);
  EXPECT_EQ(clamped.floor(3), 2u);  // going back restarts the walk
}

TEST(Utf16OffsetMapper, TokensHoldingPartOfAnEmojiCoverAllOfIt) {
  // 👍 as cl100k encodes it: three tokens of 2, 1 and 1 bytes, then "!".
  const std::string s = "x\xF0\x9F\x91\x8D!";
  uint32_t starts[] = {0, 1, 3, 4, 5};
  uint32_t ends[] = {1, 3, 4, 5, 6};
  utf8_spans_to_utf16(s, starts, ends, 5);
  EXPECT_EQ(std::vector<uint32_t>(starts, starts + 5), (std::vector<uint32_t>{0, 1, 1, 1, 3}));
  EXPECT_EQ(std::vector<uint32_t>(ends, ends + 5), (std::vector<uint32_t>{1, 3, 3, 3, 4}));
}

TEST(Utf16OffsetMapper, AgreesWithOffsetsRecordedWhileBuildingRandomText) {
  // The text is built one code point at a time, recording each character's byte and UTF-16
  // start as it goes; the mapper must find the same offsets, in one forward pass.
  const char32_t pool[] = {'a', ' ', 0xE7, 0x131, 0x20AC, 0x4E2D, 0xFEFF, 0x1F44D, 0x1F468, 0x10FFFF};
  Random rng(17);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    std::vector<size_t> byte_start;
    std::vector<uint32_t> unit_start;
    uint32_t units = 0;
    for (uint64_t n = rng.below(40); n > 0; --n) {
      const char32_t cp = pool[rng.below(sizeof pool / sizeof pool[0])];
      byte_start.push_back(text.size());
      unit_start.push_back(units);
      text += encode_utf8(cp);
      units += cp > 0xFFFF ? 2 : 1;
    }
    byte_start.push_back(text.size());
    unit_start.push_back(units);
    Utf16OffsetMapper mapper(text);
    size_t c = 0;  // the character holding `byte`
    for (size_t byte = 0; byte <= text.size(); ++byte) {
      while (c + 2 < byte_start.size() && byte_start[c + 1] <= byte) ++c;
      const bool boundary = byte_start[c] == byte || byte == text.size();
      const uint32_t lower = byte == text.size() ? units : unit_start[c];
      const uint32_t upper = boundary ? lower : unit_start[c + 1];
      ASSERT_EQ(mapper.floor(byte), lower) << round << " " << byte;
      ASSERT_EQ(mapper.ceil(byte), upper) << round << " " << byte;
    }
  }
}

}  // namespace
}  // namespace playground
