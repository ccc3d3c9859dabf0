// Code point -> Unicode class bits, from tables generated out of the Unicode Character
// Database by tools/gen_unicode_tables.py (src/tokenizers/unicode_tables.inc). The classes
// are those the pre-tokenizer patterns use: \p{L} and its sub-categories, \p{M}, \p{N}
// (general categories) and \s (the White_Space property, as Rust's regex crate defines it).
// The tables follow Unicode 16.0, the version of the regex engine in npm `tiktoken` 1.0.22:
// Debian 12's Unicode 15.0 files plus tools/unicode-16.0-delta.txt.
#pragma once

#include <cstddef>
#include <cstdint>

namespace playground {

// Class bits; the generator writes the same layout.
enum UnicodeClassBit : uint8_t {
  kClassLu = 1 << 0,
  kClassLl = 1 << 1,
  kClassLt = 1 << 2,
  kClassLm = 1 << 3,
  kClassLo = 1 << 4,
  kClassM = 1 << 5,           // Mn, Mc, Me
  kClassN = 1 << 6,           // Nd, Nl, No
  kClassWhiteSpace = 1 << 7,  // White_Space (PropList.txt)
};
inline constexpr uint8_t kClassL = kClassLu | kClassLl | kClassLt | kClassLm | kClassLo;

// The class bits of code point `cp`; 0 for unassigned code points and anything above U+10FFFF.
uint8_t unicode_class(char32_t cp);

// Unicode simple lower-case mapping of `cp` (UnicodeData.txt field 13), or `cp` itself.
char32_t unicode_simple_lower(char32_t cp);

// The Unicode version the tables were generated from, e.g. "15.0.0".
const char* unicode_tables_version();

}  // namespace playground
