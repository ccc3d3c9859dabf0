#include "tokenizers/word_tokenizer.h"

#include "common/utf8.h"
#include "tokenizers/unicode_class.h"
#include "vectors/vector_store.h"

namespace playground {
namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;

struct Char {
  char32_t cp;  // U+FFFD for an invalid byte, kEnd past the end
  uint8_t cls;
  uint8_t len;
};

class Text {
 public:
  explicit Text(std::string_view text) : text_(text) {}
  size_t size() const { return text_.size(); }
  Char at(size_t pos) const {
    if (pos >= text_.size()) return {kEnd, 0, 0};
    const Utf8Char u = decode_utf8_at(text_, pos);
    return {u.cp, u.valid ? unicode_class(u.cp) : uint8_t(0), u.len};
  }

 private:
  std::string_view text_;
};

bool is_alnum(Char c) { return c.cls & (kClassL | kClassM | kClassN); }
bool is_letter(Char c) { return c.cls & (kClassL | kClassM); }
bool is_digit(Char c) { return c.cls & kClassN; }
bool is_space(Char c) { return (c.cls & kClassWhiteSpace) || c.cp == 0x200B || c.cp == 0xFEFF; }
bool is_apostrophe(Char c) { return c.cp == '\'' || c.cp == 0x2019; }
bool is_hyphen(Char c) { return c.cp == '-' || c.cp == 0x2010; }

char32_t fold(Char c) { return unicode_simple_lower(c.cp); }

// The normalised form of text[start, end): simple lower case, and in words ’ -> ' (GloVe
// spells its clitics with '; a lone ’ is a word of its own there and is kept).
std::string normalise(const Text& t, size_t start, size_t end, bool is_word) {
  std::string out;
  for (size_t pos = start; pos < end;) {
    const Char c = t.at(pos);
    append_utf8(&out, is_word && is_apostrophe(c) ? char32_t('\'') : fold(c));
    pos += c.len;
  }
  return out;
}

// Length of a clitic 's 're 'll 'm 've 'd at `pos` that ends a word, or 0.
size_t clitic_at(const Text& t, size_t pos) {
  const Char a = t.at(pos);
  if (!is_apostrophe(a)) return 0;
  size_t p = pos + a.len;
  const Char c1 = t.at(p);
  const char32_t f1 = fold(c1);
  size_t end = 0;
  if (f1 == 's' || f1 == 'm' || f1 == 'd') {
    end = p + c1.len;
  } else if (f1 == 'r' || f1 == 'v' || f1 == 'l') {
    const Char c2 = t.at(p + c1.len);
    if (fold(c2) == (f1 == 'l' ? 'l' : 'e')) end = p + c1.len + c2.len;
  }
  if (end == 0 || is_alnum(t.at(end))) return 0;
  return end - pos;
}

// Length of "n't" at `pos` (the n being the word's last letter) ending a word, or 0.
size_t negation_at(const Text& t, size_t pos) {
  const Char n = t.at(pos);
  if (fold(n) != 'n') return 0;
  const Char a = t.at(pos + 1);
  if (!is_apostrophe(a)) return 0;
  const Char tt = t.at(pos + 1 + a.len);
  if (fold(tt) != 't' || is_alnum(t.at(pos + 1 + a.len + 1))) return 0;
  return 1 + a.len + 1;
}

// End of a letter-dot abbreviation such as "U.S." or "e.g." starting at `pos`, or 0: two or
// more single letters each followed by a dot.
size_t abbreviation_at(const Text& t, size_t pos) {
  size_t p = pos;
  int letters = 0;
  for (;;) {
    const Char l = t.at(p);
    if (!is_letter(l) || t.at(p + l.len).cp != '.') break;
    p += l.len + 1;
    ++letters;
    if (is_alnum(t.at(p)) && !(is_letter(t.at(p)) && t.at(p + t.at(p).len).cp == '.')) return 0;
  }
  return letters >= 2 ? p : 0;
}

}  // namespace

std::vector<WordToken> word_tokenize(std::string_view text) {
  const Text t(text);
  std::vector<WordToken> out;
  auto emit = [&](size_t start, size_t end, bool is_word = true) {
    out.push_back({normalise(t, start, end, is_word), uint32_t(start), uint32_t(end)});
  };
  for (size_t pos = 0; pos < t.size();) {
    const Char c = t.at(pos);
    if (is_space(c)) {
      pos += c.len;
      continue;
    }
    if (is_alnum(c)) {
      if (size_t end = abbreviation_at(t, pos)) {
        emit(pos, end);
        pos = end;
        continue;
      }
      // A word: alphanumeric runs joined by hyphens, by apostrophes inside a word
      // ("o'clock"), and, between digits, by '.' and ',' ("3.14", "1,000").
      size_t end = pos, last_start = pos;
      for (;;) {
        Char d = t.at(end);
        while (is_alnum(d)) {
          last_start = end;
          end += d.len;
          d = t.at(end);
        }
        if (negation_at(t, last_start) || clitic_at(t, end)) break;
        const Char after = t.at(end + d.len);
        const bool joins =
            (is_hyphen(d) && is_alnum(after)) ||
            (is_apostrophe(d) && is_letter(after) && is_letter(t.at(last_start))) ||
            ((d.cp == '.' || d.cp == ',') && is_digit(t.at(last_start)) && is_digit(after));
        if (!joins) break;
        end += d.len;
      }
      if (size_t n = negation_at(t, last_start); n && last_start > pos) {
        emit(pos, last_start);
        emit(last_start, last_start + n);
        pos = last_start + n;
        continue;
      }
      emit(pos, end);
      pos = end;
      if (size_t n = clitic_at(t, pos)) {
        emit(pos, pos + n);
        pos += n;
      }
      continue;
    }
    // Punctuation: one mark per token, except runs of dots and of hyphens.
    size_t end = pos + c.len;
    if (c.cp == '.' || c.cp == '-') {
      while (t.at(end).cp == c.cp) ++end;
    }
    emit(pos, end, /*is_word=*/false);
    pos = end;
  }
  return out;
}

int64_t word_vector_index(const WordToken& token, const VectorStore& store) {
  const auto index = store.find(token.text);
  return index ? int64_t(*index) : -1;
}

}  // namespace playground
