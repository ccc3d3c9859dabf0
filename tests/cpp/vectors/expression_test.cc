#include "vectors/expression.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "vectors/queries.h"

namespace playground {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

bool known(std::string_view w) { return w == "e-mail" || w == "c++"; }

TEST(Expression, ParsesSignedTerms) {
  const Expression e = parse_expression("king - man + woman", known);
  EXPECT_THAT(e.positive, ElementsAre("king", "woman"));
  EXPECT_THAT(e.negative, ElementsAre("man"));
}

TEST(Expression, AcceptsTightAndTypographicOperators) {
  EXPECT_THAT(parse_expression("king-man+woman", known).negative, ElementsAre("man"));
  EXPECT_THAT(parse_expression("king \xE2\x88\x92 man", known).negative, ElementsAre("man"));  // −
  EXPECT_THAT(parse_expression("paris \xE2\x80\x93 france + italy", known).negative, ElementsAre("france"));
  EXPECT_THAT(parse_expression("-man + king", known).negative, ElementsAre("man"));
}

TEST(Expression, KeepsVocabularyWordsWithOperatorCharacters) {
  EXPECT_THAT(parse_expression("e-mail + c++", known).positive, ElementsAre("e-mail", "c++"));
}

TEST(Expression, ExplainsWhatIsWrong) {
  const auto message = [](const char* text) {
    try {
      parse_expression(text, known);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadExpression);
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_THAT(message(""), HasSubstr("empty"));
  EXPECT_THAT(message("   "), HasSubstr("empty"));
  EXPECT_THAT(message("king -"), HasSubstr("ends with an operator"));
  EXPECT_THAT(message("king man"), HasSubstr("Missing + or - between \"king\" and \"man\""));
  EXPECT_THAT(message("king + - man"), HasSubstr("Two operators"));
  EXPECT_THAT(message("- man"), HasSubstr("at least one word with a + sign"));
  EXPECT_THAT(message("+"), HasSubstr("operators but no words"));
}

TEST(Expression, BoundsTheNumberOfWords) {
  std::string text = "w0";
  for (size_t i = 1; i < kMaxTerms; ++i) text += (i % 2 ? " - w" : " + w") + std::to_string(i);
  const Expression e = parse_expression(text, known);
  EXPECT_EQ(e.positive.size() + e.negative.size(), kMaxTerms);
  try {
    parse_expression(text + " + one_more", known);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadExpression);
    EXPECT_THAT(e.what(), HasSubstr("more than 100 words"));
  }
}

TEST(Expression, StopsEarlyOnAHugePaste) {
  // 5 MB of "a-a-a-...": one chunk without spaces, 2.5 million words if it were all split.
  std::string text;
  for (int i = 0; i < 2'500'000; ++i) text += "a-";
  EXPECT_THROW(parse_expression(text, known), Error);
}

TEST(Expression, QuotesOnlyAShortPrefixOfWhatWasTyped) {
  const std::string long_word(1'000'000, 'q');
  try {
    parse_expression("king " + long_word, known);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Missing + or - between \"king\" and \"qqqq"));
    EXPECT_LT(std::string(e.what()).size(), 200u);
  }
}

}  // namespace
}  // namespace playground
