// Embind registrations only: the handle classes live in vector_set.h, tokenizer_handle.h and
// word_tokens.h, conversions in adapters.h, the public API in the JS modules (playground.js).
#include <emscripten/bind.h>
#include <emscripten/heap.h>

#include "tokenizer_handle.h"
#include "vector_set.h"
#include "vectors/queries.h"
#include "word_tokens.h"

EMSCRIPTEN_BINDINGS(playground) {
  using playground::wasm::VectorSet;
  emscripten::class_<VectorSet>("VectorSet")
      .constructor<>()
      .function("load", &VectorSet::load)
      .function("size", &VectorSet::size)
      .function("dim", &VectorSet::dim)
      .function("words", &VectorSet::words)
      .function("has", &VectorSet::has)
      .function("suggest", &VectorSet::suggest)
      .function("vector", &VectorSet::vector)
      .function("similarity", &VectorSet::similarity)
      .function("nearest", &VectorSet::nearest)
      .function("nearestToVector", &VectorSet::nearest_to_vector)
      .function("analogy", &VectorSet::analogy)
      .function("expression", &VectorSet::expression)
      .function("doesntMatch", &VectorSet::doesnt_match)
      .function("pca", &VectorSet::pca)
      .function("pcaAll", &VectorSet::pca_all);

  using playground::wasm::TokenizerHandle;
  emscripten::class_<TokenizerHandle>("Tokenizer")
      .constructor<>()
      .function("load", &TokenizerHandle::load)
      .function("name", &TokenizerHandle::name)
      .function("vocabSize", &TokenizerHandle::vocab_size)
      .function("bosId", &TokenizerHandle::bos_id)
      .function("eosId", &TokenizerHandle::eos_id)
      .function("specials", &TokenizerHandle::specials)
      .function("encode", &TokenizerHandle::encode)
      .function("spans", &TokenizerHandle::spans)
      .function("decodeBytes", &TokenizerHandle::decode_bytes);
  emscripten::function("wordTokens", &playground::wasm::word_tokens);

  // Limits the wrapper checks before calling in, read from the core (one definition each).
  emscripten::constant("maxNeighbours", playground::kMaxNeighbours);
  // The WASM heap's current size in bytes (it only grows); for tests and debugging.
  emscripten::function("heapBytes", &emscripten_get_heap_size);
}
