#include "tokenizers/pretokenizer.h"

#include <array>

#include "common/error.h"
#include "common/utf8.h"
#include "tokenizers/unicode_class.h"
#include "tokenizers/unicode_normalization.h"

namespace playground {
namespace {

constexpr char32_t kNoChar = 0xFFFFFFFF;  // end of text, or an invalid byte

// One character as the scanners see it. At the end of the text len == 0.
struct Ch {
  char32_t cp;
  uint8_t cls;
  uint8_t len;
};

// Class bits of the ASCII range, looked up without decoding.
const std::array<uint8_t, 128>& ascii_classes() {
  static const std::array<uint8_t, 128> table = [] {
    std::array<uint8_t, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = unicode_class(c);
    return t;
  }();
  return table;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text)
      : text_(text), bytes_(reinterpret_cast<const uint8_t*>(text.data())),
        ascii_(ascii_classes()) {}

  size_t size() const { return text_.size(); }

  Ch at(size_t pos) const {
    if (pos >= text_.size()) return {kNoChar, 0, 0};
    const uint8_t b = bytes_[pos];
    if (b < 0x80) return {b, ascii_[b], 1};
    const Utf8Char u = decode_utf8_at(text_, pos);
    if (!u.valid) return {kNoChar, 0, 1};
    return {u.cp, unicode_class(u.cp), u.len};
  }

  static bool is_letter(Ch c) { return c.cls & kClassL; }
  static bool is_number(Ch c) { return c.cls & kClassN; }
  static bool is_space(Ch c) { return c.cls & kClassWhiteSpace; }
  static bool is_cr_lf(Ch c) { return c.cp == '\r' || c.cp == '\n'; }
  // [^\s\p{L}\p{N}]: any character, invalid bytes included, that is not space, letter or number.
  static bool is_other(Ch c) { return c.len && !(c.cls & (kClassL | kClassN | kClassWhiteSpace)); }
  // [^\r\n\p{L}\p{N}]: the optional one-character prefix of a word in cl100k and o200k.
  static bool is_word_prefix(Ch c) { return c.len && !is_cr_lf(c) && !(c.cls & (kClassL | kClassN)); }
  // o200k's [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and [\p{Ll}\p{Lm}\p{Lo}\p{M}].
  static bool is_upperish(Ch c) { return c.cls & (kClassLu | kClassLt | kClassLm | kClassLo | kClassM); }
  static bool is_lowerish(Ch c) { return c.cls & (kClassLl | kClassLm | kClassLo | kClassM); }

  // End of the longest run of characters satisfying `pred` starting at `pos`.
  template <typename Pred>
  size_t run(size_t pos, Pred pred) const {
    for (Ch c = at(pos); pred(c); c = at(pos)) pos += c.len;
    return pos;
  }

  // Length in bytes of a contraction 's 't 're 've 'm 'll 'd at `pos`, or 0. With
  // `ignore_case` it is (?i:...) as Rust's regex applies it: simple case folding, under which
  // U+017F LATIN SMALL LETTER LONG S also matches s (no other code point folds to t r e v m l d).
  size_t contraction(size_t pos, bool ignore_case) const {
    if (pos >= text_.size() || bytes_[pos] != '\'') return 0;
    const Ch c1 = at(pos + 1);
    auto fold = [ignore_case](Ch c) -> char32_t {
      if (!ignore_case) return c.cp;
      if (c.cp >= 'A' && c.cp <= 'Z') return c.cp + 32;
      if (c.cp == 0x17F) return 's';
      return c.cp;
    };
    const char32_t f1 = fold(c1);
    if (f1 == 's' || f1 == 't' || f1 == 'm' || f1 == 'd') return 1 + c1.len;
    if (f1 == 'r' || f1 == 'v' || f1 == 'l') {
      const Ch c2 = at(pos + 1 + c1.len);
      const char32_t want = f1 == 'l' ? 'l' : 'e';
      if (fold(c2) == want) return 1 + c1.len + c2.len;
    }
    return 0;
  }

  // Whitespace alternatives shared by every pattern, at `pos` where a space character starts:
  //   \s*[\r\n]+   (only when `with_newline_rule`, i.e. cl100k and o200k)
  //   \s+(?!\S)    the run, minus its last character when a non-space follows
  //   \s+
  size_t whitespace(size_t pos, bool with_newline_rule) const {
    size_t end = pos, last_start = pos, after_last_newline = 0;
    for (Ch c = at(end); is_space(c); c = at(end)) {
      last_start = end;
      end += c.len;
      if (is_cr_lf(c)) after_last_newline = end;
    }
    // \s*[\r\n]+: greedy \s* backs off to the last \r or \n of the run; [\r\n]+ takes it.
    if (with_newline_rule && after_last_newline) return after_last_newline;
    // \s+(?!\S): at the end of the text the whole run; otherwise back off one character,
    // which needs a run of at least two.
    if (end == text_.size() || last_start > pos) return end == text_.size() ? end : last_start;
    return end;  // \s+
  }

 private:
  std::string_view text_;
  const uint8_t* bytes_;
  const std::array<uint8_t, 128>& ascii_;
};

// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
size_t next_gpt2(const Scanner& s, size_t pos) {
  if (size_t n = s.contraction(pos, /*ignore_case=*/false)) return pos + n;
  const Ch c = s.at(pos);
  size_t start = pos;
  Ch first = c;
  if (c.cp == ' ') {
    start = pos + 1;
    first = s.at(start);
  }
  if (Scanner::is_letter(first)) return s.run(start, Scanner::is_letter);
  if (Scanner::is_number(first)) return s.run(start, Scanner::is_number);
  if (Scanner::is_other(first)) return s.run(start, Scanner::is_other);
  return s.whitespace(pos, /*with_newline_rule=*/false);
}

// ` ?[^\s\p{L}\p{N}]+` followed by `[\r\n]*` (cl100k) or `[\r\n/]*` (o200k); 0 if no match.
size_t punctuation(const Scanner& s, size_t pos, bool slash_too) {
  size_t start = pos;
  if (s.at(pos).cp == ' ') ++start;
  if (!Scanner::is_other(s.at(start))) return 0;
  const size_t end = s.run(start, Scanner::is_other);
  return s.run(end, [slash_too](Ch c) { return Scanner::is_cr_lf(c) || (slash_too && c.cp == '/'); });
}

// \p{N}{1,3}
size_t digits(const Scanner& s, size_t pos) {
  for (int i = 0; i < 3; ++i) {
    const Ch c = s.at(pos);
    if (!Scanner::is_number(c)) break;
    pos += c.len;
  }
  return pos;
}

// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
size_t next_cl100k(const Scanner& s, size_t pos) {
  if (size_t n = s.contraction(pos, /*ignore_case=*/true)) return pos + n;
  const Ch c = s.at(pos);
  if (Scanner::is_letter(c)) return s.run(pos, Scanner::is_letter);
  if (Scanner::is_word_prefix(c) && Scanner::is_letter(s.at(pos + c.len))) {
    return s.run(pos + c.len, Scanner::is_letter);
  }
  if (Scanner::is_number(c)) return digits(s, pos);
  if (size_t end = punctuation(s, pos, /*slash_too=*/false)) return end;
  return s.whitespace(pos, /*with_newline_rule=*/true);
}

// o200k's first word alternative from `start` (after the optional prefix), or 0:
//   [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
// The classes overlap (Lm, Lo, M are in both), so when no Ll follows the greedy upper run the
// regex backs off to the last lower-ish character inside it and ends the word there.
size_t o200k_lower_word(const Scanner& s, size_t start) {
  size_t end = start, after_last_lowerish = 0;
  for (Ch c = s.at(end); Scanner::is_upperish(c); c = s.at(end)) {
    end += c.len;
    if (Scanner::is_lowerish(c)) after_last_lowerish = end;
  }
  if (Scanner::is_lowerish(s.at(end))) {
    end = s.run(end, Scanner::is_lowerish);
  } else if (after_last_lowerish) {
    end = after_last_lowerish;
  } else {
    return 0;
  }
  return end + s.contraction(end, /*ignore_case=*/true);
}

// o200k's second word alternative from `start`, or 0:
//   [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
size_t o200k_upper_word(const Scanner& s, size_t start) {
  size_t end = s.run(start, Scanner::is_upperish);
  if (end == start) return 0;
  end = s.run(end, Scanner::is_lowerish);
  return end + s.contraction(end, /*ignore_case=*/true);
}

// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
// |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
// |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
size_t next_o200k(const Scanner& s, size_t pos) {
  const Ch c = s.at(pos);
  // The optional prefix is greedy: each word alternative is tried with it, then without it
  // (a mark, \p{M}, is both a possible prefix and part of a word).
  const bool prefix = Scanner::is_word_prefix(c);
  if (prefix) {
    if (size_t end = o200k_lower_word(s, pos + c.len)) return end;
  }
  if (size_t end = o200k_lower_word(s, pos)) return end;
  if (prefix) {
    if (size_t end = o200k_upper_word(s, pos + c.len)) return end;
  }
  if (size_t end = o200k_upper_word(s, pos)) return end;
  if (Scanner::is_number(c)) return digits(s, pos);
  if (size_t end = punctuation(s, pos, /*slash_too=*/true)) return end;
  return s.whitespace(pos, /*with_newline_rule=*/true);
}

// ---- Tokenizer families (issue 11) ----------------------------------------------------------

// Qwen 3 (its tokenizer.json Split regex):
// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
size_t next_qwen3(const Scanner& s, size_t pos) {
  // A number starts no other alternative ([^\r\n\p{L}\p{N}] excludes it), so it is one piece.
  const Ch c = s.at(pos);
  if (Scanner::is_number(c)) return pos + c.len;
  return next_cl100k(s, pos);
}

// DeepSeek V3's third Split, applied to each piece the first two left (see pretokenize_deepseek):
// [!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
// Returns the end of the match at `pos`, or 0 if none starts there.
bool is_ascii_letter(Ch c) { return (c.cp >= 'a' && c.cp <= 'z') || (c.cp >= 'A' && c.cp <= 'Z'); }
bool is_ascii_punct(Ch c) {
  return (c.cp >= 33 && c.cp <= 47) || (c.cp >= 58 && c.cp <= 64) || (c.cp >= 91 && c.cp <= 96) ||
         (c.cp >= 123 && c.cp <= 126);
}
bool is_p_or_s(Ch c) { return c.len && c.cp != kNoChar && (is_punctuation(c.cp) || is_symbol(c.cp)); }
bool is_l_or_m(Ch c) { return c.cls & (kClassL | kClassM); }
size_t match_deepseek(const Scanner& s, size_t pos) {
  const Ch c = s.at(pos);
  const Ch d = s.at(pos + c.len);
  if (is_ascii_punct(c) && is_ascii_letter(d)) return s.run(pos + c.len, is_ascii_letter);
  const bool prefix = c.len && !Scanner::is_cr_lf(c) && !Scanner::is_letter(c) && !is_p_or_s(c);
  if (prefix && is_l_or_m(d)) return s.run(pos + c.len, is_l_or_m);
  if (is_l_or_m(c)) return s.run(pos, is_l_or_m);
  size_t start = pos;
  if (c.cp == ' ') ++start;
  if (is_p_or_s(s.at(start))) {
    return s.run(s.run(start, is_p_or_s), Scanner::is_cr_lf);
  }
  if (Scanner::is_space(c)) return s.whitespace(pos, /*with_newline_rule=*/true);
  return 0;
}

// Appends the pieces of `segment` (which starts at `offset` in the whole text) under the third
// Split: matches are pieces, and each run of characters where no match starts is one piece.
void split_deepseek(std::string_view segment, size_t offset, std::vector<size_t>* ends) {
  const Scanner s(segment);
  size_t gap = 0;  // start of the pending unmatched run
  for (size_t pos = 0; pos < segment.size();) {
    const size_t end = match_deepseek(s, pos);
    if (end == 0) {
      pos += std::max<size_t>(1, s.at(pos).len);
      continue;
    }
    if (gap < pos) ends->push_back(offset + pos);
    ends->push_back(offset + end);
    pos = gap = end;
  }
  if (gap < segment.size()) ends->push_back(offset + segment.size());
}

// [一-龥぀-ゟ゠-ヿ]: U+4E00..U+9FA5, U+3040..U+309F, U+30A0..U+30FF.
bool is_deepseek_cjk(Ch c) {
  return (c.cp >= 0x4E00 && c.cp <= 0x9FA5) || (c.cp >= 0x3040 && c.cp <= 0x30FF);
}

// DeepSeek V3's pre-tokenizer is a Sequence of three Splits (behavior Isolated), each applied to
// every piece of the one before: \p{N}{1,3}, then [一-龥぀-ゟ゠-ヿ]+, then the pattern above.
// Because each later Split sees only its piece, `\s+(?!\S)` ends at a digit or CJK boundary.
std::vector<size_t> pretokenize_deepseek(std::string_view text) {
  std::vector<size_t> ends;
  const Scanner s(text);
  size_t other = 0;  // start of the pending run that is neither digits nor CJK
  for (size_t pos = 0; pos < text.size();) {
    const Ch c = s.at(pos);
    size_t end = 0;
    if (Scanner::is_number(c)) {
      end = digits(s, pos);
    } else if (is_deepseek_cjk(c)) {
      end = s.run(pos, is_deepseek_cjk);
    }
    if (end == 0) {
      pos += c.len;
      continue;
    }
    if (other < pos) split_deepseek(text.substr(other, pos - other), other, &ends);
    ends.push_back(end);
    pos = other = end;
  }
  if (other < text.size()) split_deepseek(text.substr(other), other, &ends);
  return ends;
}

}  // namespace

PretokenizerKind pretokenizer_kind_from_name(std::string_view name) {
  if (name == "gpt2") return PretokenizerKind::kGpt2;
  if (name == "cl100k") return PretokenizerKind::kCl100k;
  if (name == "o200k") return PretokenizerKind::kO200k;
  if (name == "qwen3") return PretokenizerKind::kQwen3;
  if (name == "deepseek_v3") return PretokenizerKind::kDeepSeekV3;
  throw Error(ErrorCode::kBadArgument,
              "Unknown pre-tokenizer " + quote(name) + " (known: gpt2, cl100k, o200k, qwen3, deepseek_v3)");
}

const char* pretokenizer_kind_name(PretokenizerKind kind) {
  switch (kind) {
    case PretokenizerKind::kGpt2: return "gpt2";
    case PretokenizerKind::kCl100k: return "cl100k";
    case PretokenizerKind::kO200k: return "o200k";
    case PretokenizerKind::kQwen3: return "qwen3";
    case PretokenizerKind::kDeepSeekV3: return "deepseek_v3";
  }
  return "";
}

const char* pretokenizer_pattern(PretokenizerKind kind) {
  switch (kind) {
    case PretokenizerKind::kGpt2:
      return R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
    case PretokenizerKind::kCl100k:
      return R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
    case PretokenizerKind::kO200k:
      return R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
    case PretokenizerKind::kQwen3:
      return R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
    case PretokenizerKind::kDeepSeekV3:
      return R"(\p{N}{1,3} | [一-龥぀-ゟ゠-ヿ]+ | [!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
  }
  return "";
}

size_t next_piece_end(PretokenizerKind kind, std::string_view text, size_t pos) {
  const Scanner s(text);
  switch (kind) {
    case PretokenizerKind::kGpt2: return next_gpt2(s, pos);
    case PretokenizerKind::kCl100k: return next_cl100k(s, pos);
    case PretokenizerKind::kO200k: return next_o200k(s, pos);
    case PretokenizerKind::kQwen3: return next_qwen3(s, pos);
    case PretokenizerKind::kDeepSeekV3: {
      for (size_t end : pretokenize_deepseek(text)) {
        if (end > pos) return end;
      }
      return text.size();
    }
  }
  return text.size();
}

std::vector<size_t> pretokenize(PretokenizerKind kind, std::string_view text) {
  if (kind == PretokenizerKind::kDeepSeekV3) return pretokenize_deepseek(text);
  std::vector<size_t> ends;
  const Scanner s(text);
  for (size_t pos = 0; pos < text.size();) {
    switch (kind) {
      case PretokenizerKind::kGpt2: pos = next_gpt2(s, pos); break;
      case PretokenizerKind::kCl100k: pos = next_cl100k(s, pos); break;
      case PretokenizerKind::kO200k: pos = next_o200k(s, pos); break;
      case PretokenizerKind::kQwen3: pos = next_qwen3(s, pos); break;
      case PretokenizerKind::kDeepSeekV3: break;  // handled above
    }
    ends.push_back(pos);
  }
  return ends;
}

std::vector<std::string> pretokenize_to_strings(PretokenizerKind kind, std::string_view text) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t end : pretokenize(kind, text)) {
    pieces.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return pieces;
}

}  // namespace playground
