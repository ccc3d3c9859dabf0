// One loaded byte-level BPE tokenizer as the JS wrapper holds it (wasm/tokenizers.js): the
// Embind class "Tokenizer" over playground::Tokenizer (src/tokenizers/tokenizer.h). Text
// crosses as UTF-8 bytes that JS encoded with TextEncoder (a lone surrogate is already U+FFFD,
// as tiktoken has it); results are copies in JS typed arrays, in the adapters.h envelope.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <optional>
#include <string>

#include "tokenizers/tokenizer.h"

namespace playground::wasm {

class TokenizerHandle {
 public:
  // Replaces the tokenizer with the asset in the Uint8Array `array`; envelope of true.
  emscripten::val load(const emscripten::val& array);

  // The name stored in the asset (e.g. "gpt2" for both gpt2 and r50k_base).
  std::string name() const;
  uint32_t vocab_size() const;
  // The BOS / EOS id, -1 if the model has none.
  int32_t bos_id() const;
  int32_t eos_id() const;
  // [{ text, id }] of the special tokens.
  emscripten::val specials() const;

  // The ids of UTF-8 `utf8` (a Uint8Array) as a Uint32Array.
  emscripten::val encode(const emscripten::val& utf8, bool allow_special, bool add_bos, bool add_eos) const;
  // { ids, starts, ends, byteStarts, byteEnds } (Uint32Arrays): each token's id, its range in
  // the JS string in UTF-16 units (Utf16Offsets rounding: a token holding part of a character
  // covers the whole character; BOS/EOS have start == end) and its UTF-8 byte range.
  emscripten::val spans(const emscripten::val& utf8, bool allow_special, bool add_bos, bool add_eos) const;
  // The raw bytes of `ids` (a JS array of numbers), possibly ending inside a UTF-8 sequence.
  emscripten::val decode_bytes(const emscripten::val& ids) const;

 private:
  // The loaded tokenizer; throws kBadArgument before load().
  const Tokenizer& tokenizer() const;

  std::optional<Tokenizer> tokenizer_;
};

}  // namespace playground::wasm
