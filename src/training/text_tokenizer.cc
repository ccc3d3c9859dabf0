#include "training/text_tokenizer.h"

#include <string>

#include "common/utf8.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

bool is_word_char(char32_t cp, bool valid) { return valid && (unicode_class(cp) & (kClassL | kClassM | kClassN)); }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_digit(char32_t cp, bool valid) { return valid && (unicode_class(cp) & kClassN); }

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_sentence_end(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?':
    case 0x2026:                             // … horizontal ellipsis
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:  // ‼ ⁇ ⁈ ⁉
    case 0x3002: case 0xFF0E: case 0xFF01: case 0xFF1F:  // 。 ． ！ ？
    case 0x061F: case 0x06D4:                // Arabic question mark, full stop
    case 0x0964: case 0x0965:                // Devanagari danda, double danda
      return true;
    default:
      return false;
  }
}

}  // namespace

void tokenize_text(std::string_view text, TextLanguage language, SentenceBreaks breaks,
                   CorpusBuilder* builder) {
  std::string word;        // the current word's bytes, apostrophes normalised to '
  bool prev_digit = false;  // the character before the current one was a digit
  auto flush = [&] {
    if (!word.empty()) builder->add_token(lowercase(word, language));
    word.clear();
  };
  for (size_t pos = 0; pos < text.size();) {
    const Utf8Char c = decode_utf8_at(text, pos);
    const size_t next = pos + c.len;
    if (is_word_char(c.cp, c.valid)) {
      word.append(text.data() + pos, c.len);
    } else if (is_apostrophe(c.cp) && !word.empty() && next < text.size()) {
      const Utf8Char after = decode_utf8_at(text, next);
      if (is_word_char(after.cp, after.valid)) {
        word.push_back('\'');
      } else {
        flush();
      }
    } else {
      flush();
      if (is_line_break(c.cp)) {
        builder->end_sentence();
      } else if (breaks == SentenceBreaks::kPunctuationAndLines && is_sentence_end(c.cp)) {
        bool decimal_point = false;
        if (c.cp == '.' && prev_digit && next < text.size()) {
          const Utf8Char after = decode_utf8_at(text, next);
          decimal_point = is_digit(after.cp, after.valid);
        }
        if (!decimal_point) builder->end_sentence();
      }
    }
    prev_digit = is_digit(c.cp, c.valid);
    pos = next;
  }
  flush();
  builder->end_sentence();
}

Corpus corpus_from_text(std::string_view text, TextLanguage language) {
  CorpusBuilder builder;
  tokenize_text(text, language, SentenceBreaks::kPunctuationAndLines, &builder);
  return builder.finish();
}

}  // namespace playground
