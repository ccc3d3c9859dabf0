#include "tokenizers/pretokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using Pieces = std::vector<std::string>;
constexpr auto kGpt2 = PretokenizerKind::kGpt2;
constexpr auto kCl100k = PretokenizerKind::kCl100k;
constexpr auto kO200k = PretokenizerKind::kO200k;

Pieces split(PretokenizerKind kind, const std::string& text) { return pretokenize_to_strings(kind, text); }

TEST(Pretokenizer, NamesRoundTrip) {
  for (auto kind : {kGpt2, kCl100k, kO200k}) {
    EXPECT_EQ(pretokenizer_kind_from_name(pretokenizer_kind_name(kind)), kind);
  }
  EXPECT_THROW(pretokenizer_kind_from_name("r50k"), Error);
  EXPECT_THAT(pretokenizer_pattern(kCl100k), ::testing::StartsWith("(?i:'s|'t|'re|"));
}

TEST(Pretokenizer, EmptyTextHasNoPieces) {
  for (auto kind : {kGpt2, kCl100k, kO200k}) EXPECT_TRUE(pretokenize(kind, "").empty());
}

TEST(Pretokenizer, Gpt2ContractionsAreCaseSensitive) {
  EXPECT_EQ(split(kGpt2, "I'm here"), (Pieces{"I", "'m", " here"}));
  EXPECT_EQ(split(kGpt2, "I'M"), (Pieces{"I", "'", "M"}));
  EXPECT_EQ(split(kGpt2, "they're we'll I've he'd"),
            (Pieces{"they", "'re", " we", "'ll", " I", "'ve", " he", "'d"}));
  EXPECT_EQ(split(kGpt2, "'''s"), (Pieces{"'''", "s"}));
}

TEST(Pretokenizer, Cl100kContractionsIgnoreCase) {
  EXPECT_EQ(split(kCl100k, "I'M"), (Pieces{"I", "'M"}));
  EXPECT_EQ(split(kCl100k, "'rer"), (Pieces{"'re", "r"}));
  EXPECT_EQ(split(kCl100k, "WE'LL'Ve"), (Pieces{"WE", "'LL", "'Ve"}));
  EXPECT_EQ(split(kCl100k, "'x"), (Pieces{"'x"}));
  // Rust regex's (?i) uses simple case folding: U+017F LATIN SMALL LETTER LONG S folds to s.
  EXPECT_EQ(split(kCl100k, "'\u017Fa"), (Pieces{"'\u017F", "a"}));
  EXPECT_EQ(split(kGpt2, "'\u017Fa"), (Pieces{"'", "\u017Fa"}));
}

TEST(Pretokenizer, O200kContractionsAreAWordSuffix) {
  EXPECT_EQ(split(kO200k, "don't"), (Pieces{"don't"}));
  EXPECT_EQ(split(kO200k, "DON'T stop"), (Pieces{"DON'T", " stop"}));
  EXPECT_EQ(split(kO200k, "'s"), (Pieces{"'s"}));
  EXPECT_EQ(split(kCl100k, "don't"), (Pieces{"don", "'t"}));
}

TEST(Pretokenizer, WhitespaceBeforeAWordLeavesItsLastSpace) {
  // \s+(?!\S): all but the last whitespace character when a non-space follows.
  for (auto kind : {kGpt2, kCl100k, kO200k}) {
    EXPECT_EQ(split(kind, "hello   world"), (Pieces{"hello", "  ", " world"}));
    EXPECT_EQ(split(kind, "a \t b"), (Pieces{"a", " \t", " b"}));
  }
}

TEST(Pretokenizer, TrailingWhitespaceIsOnePiece) {
  for (auto kind : {kGpt2, kCl100k, kO200k}) {
    EXPECT_EQ(split(kind, "hello   "), (Pieces{"hello", "   "}));
    EXPECT_EQ(split(kind, " "), (Pieces{" "}));
  }
}

TEST(Pretokenizer, NewlineRuns) {
  EXPECT_EQ(split(kGpt2, "\n\n  x"), (Pieces{"\n\n ", " x"}));
  // \s*[\r\n]+ ends at the last newline of the run.
  EXPECT_EQ(split(kCl100k, "\n\n  x"), (Pieces{"\n\n", " ", " x"}));
  EXPECT_EQ(split(kCl100k, "today\n \n"), (Pieces{"today", "\n \n"}));
  EXPECT_EQ(split(kO200k, "a\r\n\tb"), (Pieces{"a", "\r\n", "\tb"}));
  EXPECT_EQ(split(kCl100k, "a\nb"), (Pieces{"a", "\n", "b"}));
}

TEST(Pretokenizer, DigitsGroupByThreeInCl100kAndO200k) {
  EXPECT_EQ(split(kGpt2, "1234567 89"), (Pieces{"1234567", " 89"}));
  EXPECT_EQ(split(kCl100k, "1234567 89"), (Pieces{"123", "456", "7", " ", "89"}));
  EXPECT_EQ(split(kO200k, "1234567"), (Pieces{"123", "456", "7"}));
  // Arabic-Indic digits and a Roman numeral (Nl) are \p{N} too.
  EXPECT_EQ(split(kCl100k, "\u0660\u0661\u0662\u0663\u2163"),
            (Pieces{"\u0660\u0661\u0662", "\u0663\u2163"}));
}

TEST(Pretokenizer, NextLineIsWhitespaceButByteOrderMarkIsNot) {
  // U+0085 is White_Space (JS's \s disagrees); U+FEFF is not (JS's \s disagrees again).
  EXPECT_EQ(split(kCl100k, " \u0085" "0"), (Pieces{" ", "\u0085", "0"}));
  EXPECT_EQ(split(kCl100k, " \uFEFFx"), (Pieces{" \uFEFF", "x"}));
  EXPECT_EQ(split(kCl100k, "\uFEFFabc"), (Pieces{"\uFEFFabc"}));
  EXPECT_EQ(split(kGpt2, "a\u0085\u0085b"), (Pieces{"a", "\u0085", "\u0085", "b"}));
  EXPECT_EQ(split(kO200k, "a\u3000\u3000b"), (Pieces{"a", "\u3000", "\u3000b"}));
}

TEST(Pretokenizer, O200kCaseClasses) {
  EXPECT_EQ(split(kO200k, "HelloWorld"), (Pieces{"Hello", "World"}));
  EXPECT_EQ(split(kO200k, "HELLOworld"), (Pieces{"HELLOworld"}));
  EXPECT_EQ(split(kO200k, "HELLO"), (Pieces{"HELLO"}));
  EXPECT_EQ(split(kCl100k, "HelloWorld"), (Pieces{"HelloWorld"}));
  // Lt (U+01C5 ǅ) is upper-ish only.
  EXPECT_EQ(split(kO200k, "\u01C5emal"), (Pieces{"\u01C5emal"}));
  EXPECT_EQ(split(kO200k, "a\u01C5"), (Pieces{"a", "\u01C5"}));
  // Lm (U+02B0 ʰ) is both: after an upper run the word backs off to its last lower-ish char.
  EXPECT_EQ(split(kO200k, "A\u02B0"), (Pieces{"A\u02B0"}));
  EXPECT_EQ(split(kO200k, "\u02B0A"), (Pieces{"\u02B0", "A"}));
  // Lo (CJK) is both: a run of ideographs is one word.
  EXPECT_EQ(split(kO200k, "\u4E2D\u6587 ok"), (Pieces{"\u4E2D\u6587", " ok"}));
  // M (U+0301 combining acute) is both, and is also a possible one-character prefix.
  EXPECT_EQ(split(kO200k, "e\u0301t\u00E9"), (Pieces{"e\u0301t\u00E9"}));
  EXPECT_EQ(split(kO200k, "E\u0301"), (Pieces{"E\u0301"}));
  EXPECT_EQ(split(kO200k, "\u0301a"), (Pieces{"\u0301a"}));
  EXPECT_EQ(split(kCl100k, "e\u0301t"), (Pieces{"e", "\u0301t"}));
  EXPECT_EQ(split(kGpt2, "e\u0301t"), (Pieces{"e", "\u0301", "t"}));
}

TEST(Pretokenizer, O200kKeepsSlashesAndNewlinesAfterPunctuation) {
  EXPECT_EQ(split(kO200k, "a.\n/b"), (Pieces{"a", ".\n/", "b"}));
  EXPECT_EQ(split(kCl100k, "a.\n/b"), (Pieces{"a", ".\n", "/b"}));
  EXPECT_EQ(split(kO200k, "x !!//\n\n"), (Pieces{"x", " !!//\n\n"}));
}

TEST(Pretokenizer, InvalidUtf8IsOneOtherCharacterPerByte) {
  EXPECT_EQ(split(kGpt2, "a\xFF\xFE b"), (Pieces{"a", "\xFF\xFE", " b"}));
  EXPECT_EQ(split(kCl100k, "a\xFF" "b"), (Pieces{"a", "\xFF" "b"}));
  EXPECT_EQ(split(kO200k, "a\xC3"), (Pieces{"a", "\xC3"}));
  // A truncated sequence does not swallow the next character.
  EXPECT_EQ(split(kGpt2, "\xE4\xB8 x"), (Pieces{"\xE4\xB8", " x"}));
}

TEST(Pretokenizer, PiecesCoverTheTextOnRandomInput) {
  Random rng(7);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = testing::random_text(&rng, 40, /*invalid_bytes=*/true);
    for (auto kind : {kGpt2, kCl100k, kO200k}) {
      const std::vector<size_t> ends = pretokenize(kind, text);
      size_t prev = 0;
      for (size_t e : ends) {
        ASSERT_GT(e, prev);
        prev = e;
      }
      ASSERT_EQ(prev, text.size());
    }
  }
}

TEST(Pretokenizer, LinearOnPathologicalInput) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1,000,000 x ^", std::string(1000000, '^')},
      {"1,000,000 x space", std::string(1000000, ' ')},
      {"1,000,000 x space then a", std::string(1000000, ' ') + "a"},
      {"1,000,000 x \\n", std::string(1000000, '\n')},
      {"1,000,000 x a", std::string(1000000, 'a')},
      {"1,000,000 x A", std::string(1000000, 'A')},
  };
  for (const auto& c : cases) {
    const std::string& name = c.first;
    const std::string& text = c.second;
    for (auto kind : {kGpt2, kCl100k, kO200k}) {
      size_t count = 0;
      const double s = testing::seconds([&] { count = pretokenize(kind, text).size(); });
      std::printf("  [timing] pretokenize %-8s %-26s %8zu pieces %8.2f ms\n",
                  pretokenizer_kind_name(kind), name.c_str(), count, s * 1e3);
      EXPECT_GE(count, 1u);
    }
  }
}

}  // namespace
}  // namespace playground
