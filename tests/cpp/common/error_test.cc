#include "common/error.h"

#include <gtest/gtest.h>

#include "common/utf8.h"

namespace playground {
namespace {

TEST(Error, CodesHaveTheNamesTheWrapperExposes) {
  EXPECT_STREQ(error_code_name(ErrorCode::kBadAsset), "BAD_ASSET");
  EXPECT_STREQ(error_code_name(ErrorCode::kUnknownWord), "UNKNOWN_WORD");
  EXPECT_STREQ(error_code_name(ErrorCode::kBadArgument), "BAD_ARGUMENT");
  EXPECT_STREQ(error_code_name(ErrorCode::kBadExpression), "BAD_EXPRESSION");
}

TEST(Error, QuoteKeepsShortTextWhole) {
  EXPECT_EQ(quote("kitten"), "\"kitten\"");
  EXPECT_EQ(quote(""), "\"\"");
  const std::string forty(kMaxQuotedChars, 'a');
  EXPECT_EQ(quote(forty), "\"" + forty + "\"");
}

TEST(Error, QuoteCutsLongTextOnACharacterBoundary) {
  const std::string long_word(10'000'000, 'x');
  EXPECT_EQ(quote(long_word), "\"" + std::string(kMaxQuotedChars, 'x') + "\xE2\x80\xA6\"");
  // 👍 is 4 bytes: a cut by bytes would split it; the quote keeps whole characters.
  std::string emoji;
  for (int i = 0; i < 100; ++i) emoji += "\xF0\x9F\x91\x8D";
  const std::string q = quote(emoji);
  EXPECT_TRUE(is_valid_utf8(q));
  EXPECT_EQ(q.size(), 1 + 4 * kMaxQuotedChars + 3 + 1);
}

TEST(Error, QuoteIsWellFormedUtf8WhateverItQuotes) {
  EXPECT_EQ(quote("a\xFF" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_TRUE(is_valid_utf8(quote(std::string(45, '\xC3'))));
}

TEST(Error, KeepsAtMostABoundedWord) {
  const Error short_word(ErrorCode::kUnknownWord, "m", "kedi", {"kid"});
  EXPECT_EQ(short_word.word(), "kedi");
  EXPECT_EQ(short_word.suggestions(), std::vector<std::string>{"kid"});
  std::string huge;
  for (int i = 0; i < 1'000'000; ++i) huge += "\xC4\xB1";  // ı, 2 bytes
  const Error e(ErrorCode::kUnknownWord, "m", huge);
  EXPECT_EQ(e.word().size(), kMaxErrorWordBytes);
  EXPECT_EQ(e.word(), huge.substr(0, kMaxErrorWordBytes));
  const Error odd(ErrorCode::kUnknownWord, "m", "a" + huge);  // 256 would split a character
  EXPECT_EQ(odd.word().size(), kMaxErrorWordBytes - 1);
  EXPECT_TRUE(is_valid_utf8(odd.word()));
}

}  // namespace
}  // namespace playground
