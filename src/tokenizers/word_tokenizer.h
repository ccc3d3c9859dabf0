// The "words" tokenizer: cuts text the way GloVe's vocabulary was built (Stanford CoreNLP's
// PTB-style tokenizer, then lower-cased; Pennington et al., EMNLP 2014), so that a sentence
// maps onto vector words:
//   - lower case (Unicode simple lower-casing, no language-specific rules);
//   - punctuation split off, one token per mark, except runs of dots ("...") and of
//     hyphens ("--"), which GloVe keeps as words;
//   - English clitics split as GloVe has them: don't -> do n't, it's -> it 's, we'll -> we 'll,
//     i'm -> i 'm, they're -> they 're, i've -> i 've, he'd -> he 'd, can't -> ca n't;
//     the typographic apostrophe ’ counts as ' and is normalised to it inside words (a lone ’
//     stays ’, which GloVe has as a word);
//   - numbers keep their decimal points and thousands commas ("3.14", "1,000");
//   - hyphenated words and letter-dot abbreviations stay whole ("e-mail", "u.s.").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

class VectorStore;

struct WordToken {
  std::string text;  // the normalised (lower-cased) form, as looked up in the vectors
  uint32_t start;    // byte range of the token in the original text
  uint32_t end;
};

// The word tokens of UTF-8 `text`; invalid bytes become single-byte punctuation tokens whose
// normalised form is U+FFFD.
std::vector<WordToken> word_tokenize(std::string_view text);

// The index of `token` in `store`, or -1 if the word has no vector there.
int64_t word_vector_index(const WordToken& token, const VectorStore& store);

}  // namespace playground
