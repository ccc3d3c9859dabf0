#include "training/lowercase.h"

#include <vector>

#include "common/utf8.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kFinalSigma = 0x03C2;
constexpr char32_t kCapitalIWithDot = 0x0130;
constexpr char32_t kDotlessI = 0x0131;
constexpr char32_t kCombiningDotAbove = 0x0307;

// Cased (Lu, Ll, Lt) and case-ignorable (marks, modifier letters, apostrophes, and the
// Word_Break MidLetter/MidNumLet punctuation that can sit inside a word) approximate the
// Unicode properties of the same names closely enough for the letters a word can hold.
bool is_cased(char32_t cp) { return unicode_class(cp) & (kClassLu | kClassLl | kClassLt); }
bool is_case_ignorable(char32_t cp) {
  if (unicode_class(cp) & (kClassM | kClassLm)) return true;
  switch (cp) {
    case 0x0027: case 0x002E: case 0x003A: case 0x00AD: case 0x00B7: case 0x2018: case 0x2019:
    case 0x2024: case 0x2027: case 0x200B: case 0x200C: case 0x200D:
      return true;
    default:
      return false;
  }
}

// SpecialCasing.txt's Final_Sigma condition for the Σ at `at`.
bool is_final_sigma(const std::vector<char32_t>& cps, size_t at) {
  size_t i = at;
  bool cased_before = false;
  while (i > 0) {
    const char32_t c = cps[--i];
    if (is_case_ignorable(c)) continue;
    cased_before = is_cased(c);
    break;
  }
  if (!cased_before) return false;
  for (size_t j = at + 1; j < cps.size(); ++j) {
    if (is_case_ignorable(cps[j])) continue;
    return !is_cased(cps[j]);
  }
  return true;
}

}  // namespace

std::string lowercase(std::string_view word, TextLanguage language) {
  std::string out;
  out.reserve(word.size() + 2);
  std::vector<char32_t> cps;
  cps.reserve(word.size());
  for (size_t pos = 0; pos < word.size();) {
    const Utf8Char c = decode_utf8_at(word, pos);
    cps.push_back(c.cp);
    pos += c.len;
  }
  const bool turkish = language == TextLanguage::kTurkish;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    if (cp < 0x80 && !(cp == 'I' && turkish)) {
      out.push_back(char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp == kCapitalIWithDot) {
      out.push_back('i');
      if (!turkish) append_utf8(&out, kCombiningDotAbove);
    } else if (cp == 'I') {  // Turkish: ı, unless a combining dot above follows (then "i")
      if (i + 1 < cps.size() && cps[i + 1] == kCombiningDotAbove) {
        out.push_back('i');
        ++i;
      } else {
        append_utf8(&out, kDotlessI);
      }
    } else if (cp == kCapitalSigma && is_final_sigma(cps, i)) {
      append_utf8(&out, kFinalSigma);
    } else {
      append_utf8(&out, unicode_simple_lower(cp));
    }
  }
  return out;
}

}  // namespace playground
