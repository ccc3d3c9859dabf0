#include "tokenizers/unicode_class.h"

#include <algorithm>

namespace playground {
namespace {
#include "tokenizers/unicode_tables.inc"
}  // namespace

uint8_t unicode_class(char32_t cp) {
  if (cp >= 0x110000) return 0;
  const uint32_t block = kUnicodeStage1[cp >> kUnicodeBlockShift];
  return kUnicodeStage2[(block << kUnicodeBlockShift) | (cp & ((1u << kUnicodeBlockShift) - 1))];
}

char32_t unicode_simple_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  const auto* begin = kUnicodeLower;
  const auto* end = kUnicodeLower + sizeof kUnicodeLower / sizeof kUnicodeLower[0];
  const auto* it = std::lower_bound(begin, end, uint32_t(cp),
                                    [](const uint32_t (&pair)[2], uint32_t c) { return pair[0] < c; });
  return (it != end && (*it)[0] == cp) ? char32_t((*it)[1]) : cp;
}

const char* unicode_tables_version() { return kUnicodeVersion; }

}  // namespace playground
