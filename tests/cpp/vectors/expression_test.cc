#include "vectors/expression.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"

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

}  // namespace
}  // namespace playground
