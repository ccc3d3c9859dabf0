// Parses a free word expression such as "king - man + woman" into positive and negative
// terms for analogy(). Operators: '+', '-', and the typographic minus '−' (U+2212) or
// en dash '–' (U+2013). A term with no sign before it counts as positive only when it is
// the first term; two terms in a row ("king man") are an error, so nothing is guessed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

struct Expression {
  std::vector<std::string> positive;
  std::vector<std::string> negative;
};

// `is_word` lets a vocabulary word that contains '-' or '+' (e-mail, c++) stay whole when
// written without spaces around it. Throws Error(kBadExpression) with a message that says
// what is missing where, or that there are more than kMaxTerms (queries.h) words; its work
// is linear in the text's length.
Expression parse_expression(std::string_view text, const std::function<bool(std::string_view)>& is_word);

}  // namespace playground
