#include "tokenizers/unicode_normalization.h"

#include <algorithm>

namespace playground {
namespace {
#include "tokenizers/unicode_normalization_tables.inc"

// Hangul syllable arithmetic (Unicode Standard, section 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

const uint32_t* find_decomposition(char32_t cp, uint32_t* length) {
  const auto* begin = kDecompositions;
  const auto* end = kDecompositions + sizeof kDecompositions / sizeof kDecompositions[0];
  const auto* it = std::lower_bound(begin, end, uint32_t(cp),
                                    [](const uint32_t (&e)[3], uint32_t c) { return e[0] < c; });
  if (it == end || (*it)[0] != cp) return nullptr;
  *length = (*it)[2];
  return kDecompositionPool + (*it)[1];
}

char32_t compose_pair(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount) {
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
      b < kTBase + kTCount) {
    return a + (b - kTBase);
  }
  const auto* begin = kCompositions;
  const auto* end = kCompositions + sizeof kCompositions / sizeof kCompositions[0];
  const auto* it = std::lower_bound(begin, end, std::make_pair(uint32_t(a), uint32_t(b)),
                                    [](const uint32_t (&e)[3], std::pair<uint32_t, uint32_t> k) {
                                      return std::make_pair(e[0], e[1]) < k;
                                    });
  if (it == end || (*it)[0] != a || (*it)[1] != b) return 0;
  return (*it)[2];
}

// Code points NFC may change or that may change what precedes them, as a bitset over all of
// Unicode (136 KiB) built once: non-starters, characters with a canonical decomposition (at
// U+0300 and above), Hangul syllables and the second parts of primary composites (Hangul V and
// T jamo included). Built from the tables in a few milliseconds; is_nfc_inert is then one load
// (measured: the binary searches it replaces were 13 % of Qwen 3's encode time on mixed text).
const std::vector<uint64_t>& nfc_active_bits() {
  static const std::vector<uint64_t> bits = [] {
    std::vector<uint64_t> b(0x110000 / 64, 0);
    auto set = [&b](uint32_t c) { b[c >> 6] |= uint64_t(1) << (c & 63); };
    constexpr uint32_t kBlock = 1u << kCombiningShift;
    const size_t blocks = sizeof kCombiningStage2 / kBlock;
    std::vector<bool> nonzero(blocks, false);
    for (size_t k = 0; k < blocks; ++k) {
      for (uint32_t i = 0; i < kBlock && !nonzero[k]; ++i) nonzero[k] = kCombiningStage2[k * kBlock + i] != 0;
    }
    for (uint32_t hi = 0; hi < sizeof kCombiningStage1 / sizeof kCombiningStage1[0]; ++hi) {
      const uint32_t block = kCombiningStage1[hi];
      if (!nonzero[block]) continue;
      for (uint32_t i = 0; i < kBlock; ++i) {
        if (kCombiningStage2[block * kBlock + i] != 0) set(hi * kBlock + i);
      }
    }
    for (const auto& e : kDecompositions) {
      if (e[0] >= 0x300) set(e[0]);
    }
    for (const auto& e : kCompositions) set(e[1]);
    for (char32_t c = kVBase; c < kVBase + kVCount; ++c) set(c);
    for (char32_t c = kTBase + 1; c < kTBase + kTCount; ++c) set(c);
    for (char32_t c = kSBase; c < kSBase + kSCount; ++c) set(c);
    return b;
  }();
  return bits;
}

}  // namespace

GeneralCategory general_category(char32_t cp) {
  if (cp >= 0x110000) return GeneralCategory::kCn;
  const uint32_t block = kCategoryStage1[cp >> kCategoryShift];
  return GeneralCategory(kCategoryStage2[(block << kCategoryShift) | (cp & ((1u << kCategoryShift) - 1))]);
}

bool is_punctuation(char32_t cp) {
  const GeneralCategory c = general_category(cp);
  return c >= GeneralCategory::kPc && c <= GeneralCategory::kPo;
}

bool is_symbol(char32_t cp) {
  const GeneralCategory c = general_category(cp);
  return c >= GeneralCategory::kSm && c <= GeneralCategory::kSo;
}

uint8_t combining_class(char32_t cp) {
  if (cp >= 0x110000) return 0;
  const uint32_t block = kCombiningStage1[cp >> kCombiningShift];
  return kCombiningStage2[(block << kCombiningShift) | (cp & ((1u << kCombiningShift) - 1))];
}

bool is_nfc_inert(char32_t cp) {
  if (cp < 0x300) return true;  // Latin-1 and Latin Extended: NFC-stable starters that compose only forward
  if (cp >= 0x110000) return true;  // invalid input bytes pass through unchanged
  return !(nfc_active_bits()[cp >> 6] >> (cp & 63) & 1);
}

void nfd(std::vector<AlignedChar>* chars) {
  std::vector<AlignedChar> out;
  out.reserve(chars->size() + 8);
  for (const AlignedChar& c : *chars) {
    if (c.cp >= kSBase && c.cp < kSBase + kSCount) {
      const char32_t s = c.cp - kSBase;
      out.push_back({kLBase + s / kNCount, c.start, c.end});
      out.push_back({kVBase + (s % kNCount) / kTCount, c.start, c.end});
      if (s % kTCount) out.push_back({kTBase + s % kTCount, c.start, c.end});
      continue;
    }
    uint32_t length = 0;
    const uint32_t* d = c.cp < 0xC0 ? nullptr : find_decomposition(c.cp, &length);
    if (!d) {
      out.push_back(c);
      continue;
    }
    for (uint32_t k = 0; k < length; ++k) out.push_back({d[k], c.start, c.end});
  }
  // Canonical ordering: a stable sort of each run of non-starters by combining class.
  for (size_t i = 0; i < out.size();) {
    if (combining_class(out[i].cp) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && combining_class(out[j].cp) != 0) ++j;
    std::stable_sort(out.begin() + long(i), out.begin() + long(j), [](const AlignedChar& a, const AlignedChar& b) {
      return combining_class(a.cp) < combining_class(b.cp);
    });
    i = j;
  }
  chars->swap(out);
}

void nfc(std::vector<AlignedChar>* chars) {
  bool inert = true;
  for (const AlignedChar& c : *chars) inert = inert && is_nfc_inert(c.cp);
  if (inert) return;
  nfd(chars);
  // Canonical composition (UAX #15, section 1.3): each character is combined with the last
  // starter unless a character in between blocks it (same or higher class, or a starter).
  std::vector<AlignedChar>& v = *chars;
  size_t starter = 0, out = 0;
  bool have_starter = false;
  uint8_t last_class = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const AlignedChar c = v[i];
    const uint8_t cc = combining_class(c.cp);
    const bool blocked = have_starter && out > starter + 1 && (last_class == 0 || last_class >= cc);
    if (have_starter && !blocked) {
      const char32_t composite = compose_pair(v[starter].cp, c.cp);
      if (composite) {
        v[starter].cp = composite;
        v[starter].start = std::min(v[starter].start, c.start);
        v[starter].end = std::max(v[starter].end, c.end);
        continue;
      }
    }
    if (cc == 0) {
      starter = out;
      have_starter = true;
      last_class = 0;
    } else {
      last_class = cc;
    }
    v[out++] = c;
  }
  v.resize(out);
}

void append_lowercase(char32_t cp, std::vector<char32_t>* out) {
  if (cp < 0x80) {
    out->push_back((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    return;
  }
  const auto* begin = kLowerCase;
  const auto* end = kLowerCase + sizeof kLowerCase / sizeof kLowerCase[0];
  const auto* it = std::lower_bound(begin, end, uint32_t(cp),
                                    [](const uint32_t (&e)[3], uint32_t c) { return e[0] < c; });
  if (it == end || (*it)[0] != cp) {
    out->push_back(cp);
    return;
  }
  out->push_back((*it)[1]);
  if ((*it)[2]) out->push_back((*it)[2]);
}

const char* unicode_normalization_version() { return kNormalizationUnicodeVersion; }

}  // namespace playground
