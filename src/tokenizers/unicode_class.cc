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

Utf8Char decode_utf8_at(std::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  const uint8_t b0 = s[pos];
  if (b0 < 0x80) return {b0, 1, true};
  const Utf8Char bad{0xFFFD, 1, false};
  auto cont = [&](size_t i) { return i < n && (s[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(pos + 1)) return bad;
    return {char32_t((b0 & 0x1F) << 6 | (s[pos + 1] & 0x3F)), 2, true};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(pos + 1) || !cont(pos + 2)) return bad;
    const char32_t cp = (b0 & 0x0F) << 12 | (s[pos + 1] & 0x3F) << 6 | (s[pos + 2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;  // overlong or surrogate
    return {cp, 3, true};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(pos + 1) || !cont(pos + 2) || !cont(pos + 3)) return bad;
    const char32_t cp = (b0 & 0x07) << 18 | (s[pos + 1] & 0x3F) << 12 | (s[pos + 2] & 0x3F) << 6 |
                        (s[pos + 3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return bad;
    return {cp, 4, true};
  }
  return bad;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  static const char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size());
  size_t needed = 0, seen = 0, start = 0;
  uint8_t lower = 0x80, upper = 0xBF;
  for (size_t i = 0; i < bytes.size();) {
    const uint8_t b = uint8_t(bytes[i]);
    if (needed == 0) {
      start = i++;
      if (b <= 0x7F) {
        out += char(b);
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
      } else {
        out += kReplacement;
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is a maximal subpart: one U+FFFD, then reconsider this byte.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      out += kReplacement;
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    ++i;
    if (++seen == needed) {
      out.append(bytes.data() + start, i - start);
      needed = seen = 0;
    }
  }
  if (needed) out += kReplacement;
  return out;
}

}  // namespace playground
