// The "words" tokenizer for JS (wasm/tokenizers.js WordTokenizer): the core's GloVe-style
// word_tokenize (src/tokenizers/word_tokenizer.h) with each word linked to a vector set.
#pragma once

#include <emscripten/val.h>

namespace playground::wasm {

class VectorSet;

// Envelope of { ids: Int32Array (index in `vectors`, -1 without a vector; all -1 when nothing
// is loaded), starts, ends: Uint32Array (UTF-16 range in the JS string, Utf16Offsets rounding),
// words: the normalised words joined by "\n" (no word contains one) } for the UTF-8 bytes
// `utf8` (a Uint8Array that JS encoded).
emscripten::val word_tokens(const VectorSet& vectors, const emscripten::val& utf8);

}  // namespace playground::wasm
