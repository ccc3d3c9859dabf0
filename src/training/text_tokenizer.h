// Cuts raw text into lower-cased words and sentences for training (the "your text" corpus
// and the shipped State of the Union corpus):
//   - a word is a run of letters, digits and combining marks (Unicode L, N, M), with inner
//     apostrophes kept: "Ankara'da" -> "ankara'da", "don't" -> "don't". The typographic
//     apostrophe ’ (U+2019) counts as ' between two word characters and is written as ' so
//     that both spellings give one word; anywhere else it separates words, like any other
//     punctuation, symbol or space ("3.5" -> "3" "5", "e-mail" -> "e" "mail");
//   - words are lower-cased with lowercase.h (Turkish rules for TextLanguage::kTurkish);
//   - a sentence ends at . ! ? … and their full-width / Arabic / Devanagari forms, and at
//     every line break (LF, CR, VT, FF, NEL, U+2028, U+2029); a '.' between two digits does
//     not end a sentence. Abbreviations ("Mr.") do end one: a known, harmless simplification.
#pragma once

#include <string_view>

#include "training/corpus.h"
#include "training/lowercase.h"

namespace playground {

// Which breaks end a sentence.
enum class SentenceBreaks {
  kPunctuationAndLines,  // . ! ? … and line breaks (raw text)
  kLinesOnly,            // line breaks only (text already one sentence per line)
};

// Feeds the words and sentences of UTF-8 `text` into `builder`. Invalid UTF-8 bytes separate
// words. Linear time, no allocation per character.
void tokenize_text(std::string_view text, TextLanguage language, SentenceBreaks breaks,
                   CorpusBuilder* builder);

// tokenize_text into a new corpus, sentences split at punctuation and line breaks.
Corpus corpus_from_text(std::string_view text, TextLanguage language);

}  // namespace playground
