// One loaded word-vector set as the JS wrapper holds it (wasm/vectors.js): the Embind class
// "VectorSet" over a VectorStore. Every query returns the adapters.h result envelope
// ({ ok, value } or the error's data); semantics are the core's (src/vectors/queries.h, pca.h,
// expression.h). JS owns each instance and deletes it when disposed or collected.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <optional>
#include <string>

#include "vectors/vector_store.h"

namespace playground::wasm {

class VectorSet {
 public:
  // Replaces the set with the asset in the Uint8Array `array`; envelope of true.
  emscripten::val load(const emscripten::val& array);

  size_t size() const;
  size_t dim() const;
  // All words, in the set's order.
  emscripten::val words() const;
  bool has(const std::string& word) const;
  // Up to `max_count` vocabulary words close to `word`, best first.
  emscripten::val suggest(const std::string& word, size_t max_count) const;

  // The word's stored vector as a Float32Array copy.
  emscripten::val vector(const std::string& word) const;
  emscripten::val similarity(const std::string& a, const std::string& b) const;
  // [{ word, score }] for the k nearest words / the k nearest to a vector (a JS array of numbers).
  emscripten::val nearest(const std::string& word, size_t k) const;
  emscripten::val nearest_to_vector(const emscripten::val& vector, size_t k) const;
  // `method` is "add" (3CosAdd) or "mul" (3CosMul); anything else is kBadArgument.
  emscripten::val analogy(const emscripten::val& positive, const emscripten::val& negative, size_t k,
                          const std::string& method) const;
  // { positive, negative, results } of a free expression such as "king - man + woman".
  emscripten::val expression(const std::string& text, size_t k, const std::string& method) const;
  // { word, scores } (gensim doesnt_match).
  emscripten::val doesnt_match(const emscripten::val& words) const;
  // { components, coords, explained, variance } (Float64Arrays, coords row-major) of the words,
  // or of the whole set; `unit` runs PCA on unit vectors.
  emscripten::val pca(const emscripten::val& words, size_t components, bool unit) const;
  emscripten::val pca_all(size_t components, bool unit) const;

  // The loaded store, or null before load().
  const VectorStore* loaded() const { return store_ ? &*store_ : nullptr; }

 private:
  // The loaded store; throws kBadArgument before load().
  const VectorStore& store() const;

  std::optional<VectorStore> store_;
};

}  // namespace playground::wasm
