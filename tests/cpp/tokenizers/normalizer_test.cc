#include "tokenizers/normalizer.h"

#include <gtest/gtest.h>

#include "common/random.h"
#include "common/utf8.h"

#include "test_fixtures.h"
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
  // A CJK compatibility ideograph is spaced and decomposed (NFD runs on all text, as in HF),
  // also when nothing else in the text is outside ASCII: U+F900 -> U+8C48.
  EXPECT_EQ(normalized(NormalizerKind::kBert, "\xEF\xA4\x80"), " \xE8\xB1\x88 ");
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

// Characters that exercise every branch of the normalizers: combining marks in and out of
// canonical order, Hangul syllables and conjoining jamo, singletons and composition exclusions,
// kana with voicing marks, BERT's controls, spaces, CJK and Turkish letters.
std::string random_normalizer_text(Random* rng) {
  static const char32_t kPool[] = {
      'a', 'e', 'A', 'E', 'z', ' ', ' ', '\t', '\n', 0x0B, 0x01, 0x7F, 0, '.', '!', 0x300, 0x301, 0x308, 0x323,
      0x327, 0x344, 0x345, 0x0F73, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0xD7A3, 0x212B, 0x2126, 0xF900,
      0x0958, 0x1E0A, 0x1E9B, 0x304B, 0x3099, 0x309A, 0x30AB, 0x4E2D, 0x20000, 0xDF, 0x130, 0x131, 0x3A3,
      0x1C5, 0xC7, 0x15E, 0xFFFD, 0x200D, 0xA0, 0x3000, 0x2581, 0x1F44D, 0x0627, 0x0653, 0x0915, 0x093C};
  const auto pick = [&] { return size_t(rng->below(sizeof kPool / sizeof kPool[0])); };
  const auto byte = [&] { return int(rng->below(256)); };
  std::string s;
  for (size_t i = rng->below(25); i > 0; --i) {
    if (byte() < 6) {
      s += char(0x80 + byte() % 0x80);  // an invalid byte
    } else {
      s += encode_utf8(kPool[pick()]);
    }
  }
  return s;
}

TEST(Normalizer, FastPathGivesTheAlignedPathsText) {
  Random rng(11);
  std::string storage;
  for (const NormalizerKind kind : {NormalizerKind::kNone, NormalizerKind::kNfc, NormalizerKind::kBert,
                                    NormalizerKind::kMetaspacePrepend, NormalizerKind::kMetaspace}) {
    for (int i = 0; i < 20000; ++i) {
      const std::string text = random_normalizer_text(&rng);
      ASSERT_EQ(std::string(normalize_utf8(kind, text, &storage)), normalized(kind, text))
          << "kind " << int(kind) << " text " << ::testing::PrintToString(text);
    }
  }
}

TEST(Normalizer, NfcFastPathReturnsUnchangedTextWithoutCopying) {
  std::string storage = "untouched";
  const std::string text = "Merhaba d\xC3\xBCnya \xE4\xB8\xAD\xE6\x96\x87 \xC4\xB0 \xF0\x9F\x91\x8D";  // already NFC
  const std::string_view out = normalize_utf8(NormalizerKind::kNfc, text, &storage);
  EXPECT_EQ(out.data(), text.data());
  EXPECT_EQ(storage, "untouched");
  // Only the chunk "e" + U+0301 changes; the text around it is copied as it is.
  EXPECT_EQ(std::string(normalize_utf8(NormalizerKind::kNfc, "ab e\xCC\x81 \xE4\xB8\xAD", &storage)), "ab \xC3\xA9 \xE4\xB8\xAD");
}

TEST(UnicodeNormalization, NfcInertCharacters) {
  EXPECT_TRUE(is_nfc_inert(U'a'));
  EXPECT_TRUE(is_nfc_inert(U'\u00C7'));  // Ç: NFC-stable, composes with nothing before it
  EXPECT_TRUE(is_nfc_inert(U'\u4E2D'));
  EXPECT_TRUE(is_nfc_inert(U'\u304B'));  // か composes only with what follows
  EXPECT_FALSE(is_nfc_inert(U'\u0301'));  // a combining mark
  EXPECT_FALSE(is_nfc_inert(U'\u3099'));  // the voicing mark
  EXPECT_FALSE(is_nfc_inert(U'\u212B'));  // Angstrom sign: a singleton decomposition
  EXPECT_FALSE(is_nfc_inert(U'\uAC00'));  // Hangul LV syllable takes a following T jamo
  EXPECT_FALSE(is_nfc_inert(U'\u1161'));  // Hangul V jamo composes with a preceding L
  EXPECT_FALSE(is_nfc_inert(U'\u0CD5'));  // a starter that is the second part of a composite
  EXPECT_TRUE(is_nfc_inert(kInvalidByteBase + 0xFF));
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
