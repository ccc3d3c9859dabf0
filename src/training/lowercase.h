// Unicode full lower-casing of words for training on raw text (Unicode Standard §3.13,
// "Default Case Conversion"): the simple lower-case mapping of UnicodeData.txt (the generated
// table in src/tokenizers/unicode_tables.inc, Unicode 15.0), plus SpecialCasing.txt's one
// unconditional multi-character lower-case mapping (U+0130 İ -> "i" U+0307) and its
// Final_Sigma condition; with the Turkish tailoring of SpecialCasing.txt when asked.
#pragma once

#include <string>
#include <string_view>

namespace playground {

// The language of a text: it decides the lower-casing rules for I and İ.
enum class TextLanguage {
  kDefault,  // Unicode's default full lower-casing (English and most languages): I -> i, İ -> i̇
  kTurkish,  // SpecialCasing.txt "tr": İ -> i, I -> ı, and "I" + U+0307 -> i
};

// `word` (UTF-8) in lower case. Final sigma: a Σ preceded by a cased letter and not followed
// by one (skipping combining marks, modifier letters and apostrophes) becomes ς, as Python's
// str.lower() does; the context is `word` itself, so call it on whole words. Invalid UTF-8
// bytes become U+FFFD. Never throws.
std::string lowercase(std::string_view word, TextLanguage language);

}  // namespace playground
