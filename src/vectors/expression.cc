#include "vectors/expression.h"

#include "common/error.h"
#include "vectors/queries.h"

namespace playground {
namespace {

enum class Sign { kNone, kPlus, kMinus };

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

// Takes the words and operators in text order and builds the expression, throwing at the first
// one that cannot follow what came before. Nothing is buffered, so a pasted megabyte of "a-a-a"
// stops at the (kMaxTerms + 1)-th word.
class Builder {
 public:
  void on_operator(Sign sign) {
    if (pending_ != Sign::kNone) {
      throw Error(ErrorCode::kBadExpression,
                  "Two operators in a row" + (previous_.empty() ? std::string() : " after " + quote(previous_)) +
                      "; put a word between them.");
    }
    pending_ = sign;
    empty_ = false;
  }

  void on_word(std::string_view word) {
    if (pending_ == Sign::kNone && !previous_.empty()) {
      throw Error(ErrorCode::kBadExpression,
                  "Missing + or - between " + quote(previous_) + " and " + quote(word) + ".");
    }
    if (out_.positive.size() + out_.negative.size() == kMaxTerms) {
      throw Error(ErrorCode::kBadExpression,
                  "The expression has more than " + std::to_string(kMaxTerms) + " words; shorten it.");
    }
    (pending_ == Sign::kMinus ? out_.negative : out_.positive).emplace_back(word);
    pending_ = Sign::kNone;
    previous_ = word;
    empty_ = false;
  }

  Expression finish() {
    if (empty_) throw Error(ErrorCode::kBadExpression, "The expression is empty; try \"king - man + woman\".");
    if (pending_ != Sign::kNone) {
      throw Error(ErrorCode::kBadExpression,
                  previous_.empty() ? "The expression has operators but no words."
                                    : "The expression ends with an operator after " + quote(previous_) +
                                          "; add a word after it.");
    }
    if (out_.positive.empty()) {
      throw Error(ErrorCode::kBadExpression,
                  "The expression needs at least one word with a + sign (or none), such as \"king - man + woman\".");
    }
    return std::move(out_);
  }

 private:
  Expression out_;
  Sign pending_ = Sign::kNone;
  std::string previous_;  // the last word, empty before the first
  bool empty_ = true;
};

// Splits one whitespace-free chunk into words and operators. A chunk that is a known word
// stays whole; otherwise every operator character inside it separates terms.
void split_chunk(std::string_view chunk, const std::function<bool(std::string_view)>& is_word, Builder* out) {
  size_t i = 0;
  // Leading operators always count as operators ("-man", "+woman").
  Sign sign;
  while (i < chunk.size()) {
    const size_t n = operator_at(chunk, i, &sign);
    if (n == 0) break;
    out->on_operator(sign);
    i += n;
  }
  chunk = chunk.substr(i);
  if (chunk.empty()) return;
  if (is_word(chunk)) {
    out->on_word(chunk);
    return;
  }
  size_t word_start = 0;
  for (size_t j = 0; j < chunk.size();) {
    const size_t n = operator_at(chunk, j, &sign);
    if (n == 0) {
      ++j;
      continue;
    }
    if (j > word_start) out->on_word(chunk.substr(word_start, j - word_start));
    out->on_operator(sign);
    j += n;
    word_start = j;
  }
  if (word_start < chunk.size()) out->on_word(chunk.substr(word_start));
}

}  // namespace

Expression parse_expression(std::string_view text, const std::function<bool(std::string_view)>& is_word) {
  Builder builder;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    size_t end = i;
    while (end < text.size() && !is_space(static_cast<unsigned char>(text[end]))) ++end;
    if (end > i) split_chunk(text.substr(i, end - i), is_word, &builder);
    i = end;
  }
  return builder.finish();
}

}  // namespace playground
