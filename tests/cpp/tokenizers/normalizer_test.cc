#include "tokenizers/normalizer.h"

#include <gtest/gtest.h>

#include "tokenizers/unicode_normalization.h"

namespace playground {
namespace {

std::string normalized(NormalizerKind kind, const std::string& text) {
  std::vector<AlignedChar> chars = decode_aligned(text, 0);
  normalize(kind, &chars);
  return to_normalized_text(chars).text;
}

TEST(Normalizer, NfcComposesAndKeepsTheRangeOfBothParts) {
  std::vector<AlignedChar> chars = decode_aligned("e\xCC\x81x", 0);  // e + U+0301
  nfc(&chars);
  ASSERT_EQ(chars.size(), 2u);
  EXPECT_EQ(chars[0].cp, U'\u00E9');
  EXPECT_EQ(chars[0].start, 0u);
  EXPECT_EQ(chars[0].end, 3u);
  EXPECT_EQ(normalized(NormalizerKind::kNfc, "\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // Hangul L+V -> 가
  EXPECT_EQ(normalized(NormalizerKind::kNfc, "a\xCC\xA3\xCC\x87"), "\xE1\xBA\xA1\xCC\x87");  // ạ̇: dot below composes
  EXPECT_EQ(normalized(NormalizerKind::kNfc, "\xE2\x84\xAB"), "\xC3\x85");  // Angstrom sign -> Å (singleton)
}

TEST(Normalizer, NfdOrdersMarksCanonically) {
  std::vector<AlignedChar> chars = decode_aligned("a\xCC\x87\xCC\xA3", 0);  // a, dot above (230), dot below (220)
  nfd(&chars);
  ASSERT_EQ(chars.size(), 3u);
  EXPECT_EQ(chars[1].cp, U'\u0323');
  EXPECT_EQ(chars[2].cp, U'\u0307');
}

TEST(Normalizer, BertLowerCasesStripsAccentsAndCleans) {
  EXPECT_EQ(normalized(NormalizerKind::kBert, "Héllo\tWORLD\x01!"), "hello world!");
  // Turkish: İ -> I + U+0307 -> I -> i; ı has no decomposition and stays; Ş -> s.
  EXPECT_EQ(normalized(NormalizerKind::kBert, "\xC4\xB0stanbul \xC4\xB1l\xC4\xB1k \xC5\x9E"), "istanbul \xC4\xB1l\xC4\xB1k s");
  // Σ lower-cases to σ without context (Rust char::to_lowercase).
  EXPECT_EQ(normalized(NormalizerKind::kBert, "\xCE\xA3"), "\xCF\x83");
  // CJK ideographs get spaces; U+FFFD and format characters are dropped.
  EXPECT_EQ(normalized(NormalizerKind::kBert, "a\xE4\xB8\xADz\xEF\xBF\xBD\xE2\x80\x8D"), "a \xE4\xB8\xAD z");
}

TEST(Normalizer, MetaspacePrependsOnlyToNonEmptyText) {
  EXPECT_EQ(normalized(NormalizerKind::kMetaspacePrepend, "a b"), "\xE2\x96\x81" "a\xE2\x96\x81" "b");
  EXPECT_EQ(normalized(NormalizerKind::kMetaspacePrepend, ""), "");
  EXPECT_EQ(normalized(NormalizerKind::kMetaspace, " a"), "\xE2\x96\x81" "a");
}

TEST(Normalizer, InvalidBytesPassThroughByteLevelAndAreDroppedByBert) {
  EXPECT_EQ(normalized(NormalizerKind::kNfc, "a\xFF"), "a\xFF");
  EXPECT_EQ(normalized(NormalizerKind::kBert, "a\xFF"), "a");
}

TEST(UnicodeNormalization, Categories) {
  EXPECT_EQ(general_category(U'!'), GeneralCategory::kPo);
  EXPECT_TRUE(is_symbol(U'$'));
  EXPECT_TRUE(is_punctuation(U'\u00BF'));
  EXPECT_EQ(general_category(U'\u0301'), GeneralCategory::kMn);
  EXPECT_EQ(combining_class(U'\u0301'), 230);
  EXPECT_STREQ(unicode_normalization_version(), "15.0.0");
}

}  // namespace
}  // namespace playground
