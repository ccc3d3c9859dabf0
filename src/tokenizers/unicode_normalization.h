// Unicode data the tokenizer families need beyond the pre-tokenizer classes of unicode_class.h:
// general categories, canonical decomposition and composition (NFD and NFC, Unicode Standard
// Annex #15), and full lower-case mappings, from tables generated out of Debian's
// `unicode-data` (Unicode 15.0) by tools/gen_unicode_normalization.py.
#pragma once

#include <cstdint>
#include <vector>

namespace playground {

// Unicode general categories; the numbering is the generator's.
enum class GeneralCategory : uint8_t {
  kCn, kLu, kLl, kLt, kLm, kLo, kMn, kMc, kMe, kNd, kNl, kNo, kPc, kPd, kPs, kPe, kPi, kPf, kPo,
  kSm, kSc, kSk, kSo, kZs, kZl, kZp, kCc, kCf, kCs, kCo,
};

// General category of `cp`; kCn for unassigned code points and anything above U+10FFFF.
GeneralCategory general_category(char32_t cp);
// \p{P}: Pc Pd Ps Pe Pi Pf Po.
bool is_punctuation(char32_t cp);
// \p{S}: Sm Sc Sk So.
bool is_symbol(char32_t cp);
// Canonical combining class (0 for starters).
uint8_t combining_class(char32_t cp);

// One character with the byte range [start, end) of the original text it came from; the
// normalizers carry these ranges so token spans can point into the text the user typed.
struct AlignedChar {
  char32_t cp;
  uint32_t start;
  uint32_t end;
};

// Canonical decomposition (NFD) in place: each character is fully decomposed (Hangul
// syllables algorithmically) and runs of non-starters are put in canonical order. Each
// decomposed character keeps its source's range.
void nfd(std::vector<AlignedChar>* chars);
// NFC: NFD, then canonical composition. A composite covers the ranges of its parts.
void nfc(std::vector<AlignedChar>* chars);
// True if NFC leaves `cp` unchanged in any context (a starter with no decomposition that never
// composes with what precedes it); the fast path for text that is already NFC.
bool is_nfc_inert(char32_t cp);

// Appends the full lower-case mapping of `cp` (one or two code points: U+0130 becomes
// U+0069 U+0307), as Rust's char::to_lowercase does, without context (no final sigma).
void append_lowercase(char32_t cp, std::vector<char32_t>* out);

// The Unicode version the tables were generated from ("15.0.0").
const char* unicode_normalization_version();

}  // namespace playground
