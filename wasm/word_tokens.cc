#include "word_tokens.h"

#include <string>
#include <vector>

#include "adapters.h"
#include "tokenizers/word_tokenizer.h"
#include "vector_set.h"

namespace playground::wasm {

val word_tokens(const VectorSet& vectors, const val& utf8) {
  return guarded([&] {
    const VectorStore* store = vectors.loaded();
    const std::string text = bytes_from(utf8);
    const std::vector<WordToken> tokens = word_tokenize(text);
    const size_t n = tokens.size();
    std::vector<int32_t> ids(n);
    std::vector<uint32_t> starts(n), ends(n);
    // One string instead of n: one conversion into JS, split there.
    std::string words;
    Utf16Offsets offsets(text);
    for (size_t i = 0; i < n; ++i) {
      ids[i] = store ? int32_t(word_vector_index(tokens[i], *store)) : -1;
      starts[i] = offsets.start(tokens[i].start);
      ends[i] = offsets.end(tokens[i].end);
      if (i > 0) words += '\n';
      words += tokens[i].text;
    }
    val out = val::object();
    out.set("ids", typed_copy("Int32Array", ids));
    out.set("starts", typed_copy("Uint32Array", starts));
    out.set("ends", typed_copy("Uint32Array", ends));
    out.set("words", words);
    return out;
  });
}

}  // namespace playground::wasm
