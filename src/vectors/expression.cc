#include "vectors/expression.h"

#include "common/error.h"

namespace playground {
namespace {

enum class Sign { kNone, kPlus, kMinus };

struct Token {
  bool is_operator;
  Sign sign;          // for operators
  std::string word;   // for words
};

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of the operator at text[i] (1 or 3 bytes), or 0.
size_t operator_at(std::string_view text, size_t i, Sign* sign) {
  if (text[i] == '+') { *sign = Sign::kPlus; return 1; }
  if (text[i] == '-') { *sign = Sign::kMinus; return 1; }
  // U+2212 MINUS SIGN = E2 88 92, U+2013 EN DASH = E2 80 93
  if (text.substr(i, 3) == "\xE2\x88\x92" || text.substr(i, 3) == "\xE2\x80\x93") {
    *sign = Sign::kMinus;
    return 3;
  }
  return 0;
}

// Splits one whitespace-free chunk into words and operators. A chunk that is a known word
// stays whole; otherwise every operator character inside it separates terms.
void split_chunk(std::string_view chunk, const std::function<bool(std::string_view)>& is_word,
                 std::vector<Token>* tokens) {
  size_t i = 0;
  // Leading operators always count as operators ("-man", "+woman").
  Sign sign;
  while (i < chunk.size()) {
    const size_t n = operator_at(chunk, i, &sign);
    if (n == 0) break;
    tokens->push_back({true, sign, {}});
    i += n;
  }
  chunk = chunk.substr(i);
  if (chunk.empty()) return;
  if (is_word(chunk)) {
    tokens->push_back({false, Sign::kNone, std::string(chunk)});
    return;
  }
  std::string word;
  for (size_t j = 0; j < chunk.size();) {
    const size_t n = operator_at(chunk, j, &sign);
    if (n == 0) {
      word += chunk[j++];
      continue;
    }
    if (!word.empty()) tokens->push_back({false, Sign::kNone, word});
    word.clear();
    tokens->push_back({true, sign, {}});
    j += n;
  }
  if (!word.empty()) tokens->push_back({false, Sign::kNone, word});
}

}  // namespace

Expression parse_expression(std::string_view text, const std::function<bool(std::string_view)>& is_word) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    size_t end = i;
    while (end < text.size() && !is_space(static_cast<unsigned char>(text[end]))) ++end;
    if (end > i) split_chunk(text.substr(i, end - i), is_word, &tokens);
    i = end;
  }
  if (tokens.empty()) {
    throw Error(ErrorCode::kBadExpression, "The expression is empty; try \"king - man + woman\".");
  }
  Expression out;
  Sign pending = Sign::kNone;
  bool first = true;
  std::string previous;
  for (const Token& token : tokens) {
    if (token.is_operator) {
      if (pending != Sign::kNone) {
        throw Error(ErrorCode::kBadExpression,
                    "Two operators in a row" + (previous.empty() ? std::string() : " after \"" + previous + "\"") +
                        "; put a word between them.");
      }
      pending = token.sign;
      continue;
    }
    if (pending == Sign::kNone && !first) {
      throw Error(ErrorCode::kBadExpression, "Missing + or - between \"" + previous + "\" and \"" +
                                                 token.word + "\".");
    }
    (pending == Sign::kMinus ? out.negative : out.positive).push_back(token.word);
    pending = Sign::kNone;
    first = false;
    previous = token.word;
  }
  if (pending != Sign::kNone) {
    throw Error(ErrorCode::kBadExpression,
                previous.empty() ? "The expression has operators but no words."
                                 : "The expression ends with an operator after \"" + previous +
                                       "\"; add a word after it.");
  }
  if (out.positive.empty()) {
    throw Error(ErrorCode::kBadExpression,
                "The expression needs at least one word with a + sign (or none), such as \"king - man + woman\".");
  }
  return out;
}

}  // namespace playground
