// Normalizers of the tokenizer families, as Hugging Face tokenizers defines them
// (huggingface/tokenizers src/normalizers/): NFC (Qwen 3), BertNormalizer (BERT uncased:
// clean text, spaces around CJK ideographs, accents stripped through NFD, lower-case), and
// the SentencePiece-style "Metaspace" replacements (Llama 2: prepend "▁" and turn spaces into
// "▁"; Gemma 3: spaces into "▁" only). Every output character carries the byte range of the
// input it came from, so token spans point into the text the user typed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/unicode_normalization.h"

namespace playground {

enum class NormalizerKind : uint8_t {
  kNone = 0,
  kNfc = 1,
  kBert = 2,               // clean_text, handle_chinese_chars, strip_accents, lowercase all on
  kMetaspacePrepend = 3,   // Prepend("▁") (only to non-empty text), then Replace(" ", "▁")
  kMetaspace = 4,          // Replace(" ", "▁")
};

// Code points above U+10FFFF stand for single invalid input bytes (kInvalidByteBase + byte),
// so byte-level models see them unchanged; the UTF-8 writer emits the byte itself.
inline constexpr char32_t kInvalidByteBase = 0x110000;

// Decodes UTF-8 `text`; the ranges are byte offsets plus `offset` (where `text` starts in the
// whole input).
std::vector<AlignedChar> decode_aligned(std::string_view text, uint32_t offset);

// Applies `kind` in place. Throws nothing; invalid bytes pass through unchanged (BERT drops them,
// as it drops U+FFFD).
void normalize(NormalizerKind kind, std::vector<AlignedChar>* chars);

// The normalized text of UTF-8 `text` without alignment, for encode(): the same bytes as
// to_normalized_text(normalize(kind, decode_aligned(text))).text, through fast paths — NFC of
// text whose characters are all NFC-inert is `text` itself (no copy), BERT handles ASCII by a
// table, the "▁" replacements work on bytes — and the aligned code above only on the short runs
// that need it. Returns `text` or a view of `*storage` (overwritten). Throws nothing.
std::string_view normalize_utf8(NormalizerKind kind, std::string_view text, std::string* storage);

// Text with the input range of each of its bytes.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> start;  // start[i]: input offset where the character holding byte i begins
  std::vector<uint32_t> end;    // end[i]: input offset where it ends
};

// UTF-8 of `chars` with the ranges per byte.
NormalizedText to_normalized_text(const std::vector<AlignedChar>& chars);
// Appends the UTF-8 of `cp` (or the raw byte for kInvalidByteBase + b).
void append_utf8(char32_t cp, std::string* out);

// BERT's punctuation (BertPreTokenizer): ASCII punctuation or \p{P}.
bool is_bert_punctuation(char32_t cp);

}  // namespace playground
