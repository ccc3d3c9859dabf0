#include "tokenizers/normalizer.h"

#include "common/utf8.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr char32_t kMetaspace = 0x2581;  // ▁ LOWER ONE EIGHTH BLOCK

// BertNormalizer's control test: Cc, Cf, Co (unicode_categories' is_other) except \t \n \r.
bool is_bert_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  const GeneralCategory c = general_category(cp);
  return c == GeneralCategory::kCc || c == GeneralCategory::kCf || c == GeneralCategory::kCo;
}

bool is_bert_whitespace(char32_t cp) {
  return cp == '\t' || cp == '\n' || cp == '\r' || (unicode_class(cp) & kClassWhiteSpace);
}

// The CJK blocks of HF's is_chinese_char (normalizers/bert.rs); note 0x2B920, not 0x2B820.
bool is_chinese_char(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F) ||
         (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

void bert(std::vector<AlignedChar>* chars) {
  std::vector<AlignedChar> out;
  out.reserve(chars->size());
  bool ascii = true;
  for (const AlignedChar& c : *chars) {
    // clean_text: drop NUL, U+FFFD, controls (and invalid bytes, which HF would see as U+FFFD);
    // every whitespace character becomes a space.
    if (c.cp == 0 || c.cp == 0xFFFD || c.cp >= kInvalidByteBase || is_bert_control(c.cp)) continue;
    if (is_bert_whitespace(c.cp)) {
      out.push_back({' ', c.start, c.end});
      continue;
    }
    ascii = ascii && c.cp < 0x80;
    // handle_chinese_chars: a space on each side (with the character's range).
    if (is_chinese_char(c.cp)) {
      out.push_back({' ', c.start, c.end});
      out.push_back(c);
      out.push_back({' ', c.start, c.end});
      continue;
    }
    out.push_back(c);
  }
  // strip_accents (NFD, then drop Mn) before lowercase, in HF's order.
  if (!ascii) {
    nfd(&out);
    size_t kept = 0;
    for (const AlignedChar& c : out) {
      if (general_category(c.cp) != GeneralCategory::kMn) out[kept++] = c;
    }
    out.resize(kept);
  }
  chars->clear();
  std::vector<char32_t> lower;
  for (const AlignedChar& c : out) {
    lower.clear();
    append_lowercase(c.cp, &lower);
    for (char32_t l : lower) chars->push_back({l, c.start, c.end});
  }
}

void metaspace(std::vector<AlignedChar>* chars, bool prepend) {
  for (AlignedChar& c : *chars) {
    if (c.cp == ' ') c.cp = kMetaspace;
  }
  if (prepend && !chars->empty()) {
    const uint32_t at = chars->front().start;
    chars->insert(chars->begin(), AlignedChar{kMetaspace, at, at});
  }
}

// What BertNormalizer does to each ASCII character: 0 = drop, else the character it becomes
// (the rules of bert() above, tabulated once).
struct BertAsciiTable {
  char to[128];
  BertAsciiTable() {
    for (char32_t c = 0; c < 128; ++c) {
      if (c == 0 || is_bert_control(c)) {
        to[c] = 0;
      } else if (is_bert_whitespace(c)) {
        to[c] = ' ';
      } else {
        to[c] = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    }
  }
};

// Appends the UTF-8 of `chars`.
void append_chars(const std::vector<AlignedChar>& chars, std::string* out) {
  for (const AlignedChar& c : chars) append_utf8(c.cp, out);
}

// NFC by chunks: a chunk starts at an NFC-inert character (nothing before it can compose with
// it or be reordered past it, UAX #15 section 9) and runs to the next one; only chunks holding a
// character that is not inert go through nfc(). Text without such a chunk is returned as is.
std::string_view nfc_utf8(std::string_view text, std::string* out) {
  size_t copied = 0, chunk = 0;
  bool dirty = false, changed = false;
  std::vector<AlignedChar> chars;
  auto flush = [&](size_t end) {
    if (!changed) {
      out->clear();
      changed = true;
    }
    out->append(text, copied, chunk - copied);
    chars = decode_aligned(text.substr(chunk, end - chunk), 0);
    nfc(&chars);
    append_chars(chars, out);
    copied = end;
    dirty = false;
  };
  for (size_t pos = 0; pos < text.size();) {
    if (uint8_t(text[pos]) < 0x80) {
      if (dirty) flush(pos);
      chunk = pos++;
      continue;
    }
    const Utf8Char u = decode_utf8_at(text, pos);
    if (!u.valid || is_nfc_inert(u.cp)) {
      if (dirty) flush(pos);
      chunk = pos;
    } else {
      dirty = true;
    }
    pos += u.len;
  }
  if (dirty) flush(text.size());
  if (!changed) return text;
  out->append(text, copied, std::string_view::npos);
  return *out;
}

// BertNormalizer: ASCII by the table; each run of non-ASCII bytes through bert() (the runs are
// independent: an ASCII character is a starter without decomposition, so no reordering or
// composition crosses it).
void bert_utf8(std::string_view text, std::string* out) {
  static const BertAsciiTable table;
  out->clear();
  out->reserve(text.size() + 8);
  std::vector<AlignedChar> chars;
  for (size_t pos = 0; pos < text.size();) {
    const uint8_t b = uint8_t(text[pos]);
    if (b < 0x80) {
      if (table.to[b]) *out += table.to[b];
      ++pos;
      continue;
    }
    size_t end = pos + 1;
    while (end < text.size() && uint8_t(text[end]) >= 0x80) ++end;
    chars = decode_aligned(text.substr(pos, end - pos), 0);
    bert(&chars);
    append_chars(chars, out);
    pos = end;
  }
}

void metaspace_utf8(std::string_view text, bool prepend, std::string* out) {
  // Sized for the worst case (every byte a space), written through a pointer, then trimmed.
  out->resize(3 * text.size() + 3);
  char* w = &(*out)[0];
  auto put_metaspace = [&w] {
    w[0] = '\xE2';
    w[1] = '\x96';
    w[2] = '\x81';
    w += 3;
  };
  if (prepend && !text.empty()) put_metaspace();
  for (char c : text) {
    if (c == ' ') {
      put_metaspace();
    } else {
      *w++ = c;
    }
  }
  out->resize(size_t(w - out->data()));
}

}  // namespace

std::string_view normalize_utf8(NormalizerKind kind, std::string_view text, std::string* storage) {
  switch (kind) {
    case NormalizerKind::kNone: return text;
    case NormalizerKind::kNfc: return nfc_utf8(text, storage);
    case NormalizerKind::kBert: bert_utf8(text, storage); return *storage;
    case NormalizerKind::kMetaspacePrepend: metaspace_utf8(text, true, storage); return *storage;
    case NormalizerKind::kMetaspace: metaspace_utf8(text, false, storage); return *storage;
  }
  return text;
}

std::vector<AlignedChar> decode_aligned(std::string_view text, uint32_t offset) {
  std::vector<AlignedChar> out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const Utf8Char u = decode_utf8_at(text, pos);
    const char32_t cp = u.valid ? u.cp : kInvalidByteBase + uint8_t(text[pos]);
    out.push_back({cp, uint32_t(offset + pos), uint32_t(offset + pos + u.len)});
    pos += u.len;
  }
  return out;
}

void normalize(NormalizerKind kind, std::vector<AlignedChar>* chars) {
  switch (kind) {
    case NormalizerKind::kNone: return;
    case NormalizerKind::kNfc: nfc(chars); return;
    case NormalizerKind::kBert: bert(chars); return;
    case NormalizerKind::kMetaspacePrepend: metaspace(chars, true); return;
    case NormalizerKind::kMetaspace: metaspace(chars, false); return;
  }
}

void append_utf8(char32_t cp, std::string* out) {
  if (cp >= kInvalidByteBase) {
    *out += char(cp - kInvalidByteBase);
  } else if (cp < 0x80) {
    *out += char(cp);
  } else if (cp < 0x800) {
    *out += char(0xC0 | cp >> 6);
    *out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += char(0xE0 | cp >> 12);
    *out += char(0x80 | ((cp >> 6) & 0x3F));
    *out += char(0x80 | (cp & 0x3F));
  } else {
    *out += char(0xF0 | cp >> 18);
    *out += char(0x80 | ((cp >> 12) & 0x3F));
    *out += char(0x80 | ((cp >> 6) & 0x3F));
    *out += char(0x80 | (cp & 0x3F));
  }
}

NormalizedText to_normalized_text(const std::vector<AlignedChar>& chars) {
  NormalizedText n;
  n.text.reserve(chars.size() + chars.size() / 2);
  for (const AlignedChar& c : chars) {
    const size_t before = n.text.size();
    append_utf8(c.cp, &n.text);
    n.start.insert(n.start.end(), n.text.size() - before, c.start);
    n.end.insert(n.end.end(), n.text.size() - before, c.end);
  }
  return n;
}

bool is_bert_punctuation(char32_t cp) {
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
    return true;
  }
  return cp >= 0x80 && cp < kInvalidByteBase && is_punctuation(cp);
}

}  // namespace playground
