// Embind registrations only; conversions live in adapters.h, the public API in playground.js.
#include <emscripten/bind.h>

#include <memory>
#include <optional>

#include "adapters.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/word_tokenizer.h"
#include "vectors/expression.h"
#include "vectors/pca.h"
#include "vectors/queries.h"
#include "vectors/vector_store.h"

namespace playground::wasm {
namespace {

AnalogyMethod method_from(const std::string& name) {
  if (name == "add" || name.empty()) return AnalogyMethod::kAdd;
  if (name == "mul") return AnalogyMethod::kMul;
  throw Error(ErrorCode::kBadArgument, "Unknown analogy method \"" + name + "\"; use \"add\" or \"mul\".");
}

val pca_value(const PcaResult& r, size_t rows) {
  val out = val::object();
  out.set("components", r.components);
  out.set("coords", typed_copy("Float64Array", r.coords.data(), rows * r.components));
  out.set("explained", typed_copy("Float64Array", r.explained_variance_ratio.data(), r.components));
  out.set("variance", typed_copy("Float64Array", r.explained_variance.data(), r.components));
  return out;
}

// One loaded vector set. JS owns it through the wrapper, which deletes it when collected.
class VectorSet {
 public:
  val load(const val& array) {
    return guarded([&] {
      const std::string bytes = bytes_from(array);
      store_.reset();
      store_.emplace(VectorStore::from_asset(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
      return val(true);
    });
  }

  size_t size() const { return store().size(); }
  size_t dim() const { return store().dim(); }
  val words() const { return string_array(store().words()); }
  bool has(const std::string& word) const { return store().find(word).has_value(); }
  val suggest(const std::string& word, size_t max_count) const {
    return string_array(store().suggest(word, max_count));
  }

  val vector(const std::string& word) const {
    return guarded([&] { return typed_copy("Float32Array", store().raw(store().index_of(word)), store().dim()); });
  }

  val similarity(const std::string& a, const std::string& b) const {
    return guarded([&] { return val(playground::similarity(store(), a, b)); });
  }

  val nearest(const std::string& word, size_t k) const {
    return guarded([&] { return scored_array(playground::nearest(store(), word, k)); });
  }

  val nearest_to_vector(const val& vector, size_t k) const {
    return guarded([&] {
      return scored_array(playground::nearest_to_vector(store(), emscripten::convertJSArrayToNumberVector<float>(vector), k));
    });
  }

  val analogy(const val& positive, const val& negative, size_t k, const std::string& method) const {
    return guarded([&] {
      return scored_array(playground::analogy(store(), strings_from(positive), strings_from(negative), k,
                                              method_from(method)));
    });
  }

  val expression(const std::string& text, size_t k, const std::string& method) const {
    return guarded([&] {
      const Expression e = parse_expression(text, [&](std::string_view w) { return store().find(w).has_value(); });
      val out = val::object();
      out.set("positive", string_array(e.positive));
      out.set("negative", string_array(e.negative));
      out.set("results", scored_array(playground::analogy(store(), e.positive, e.negative, k, method_from(method))));
      return out;
    });
  }

  val doesnt_match(const val& words) const {
    return guarded([&] {
      const OddOneOut r = playground::doesnt_match(store(), strings_from(words));
      val out = val::object();
      out.set("word", r.word);
      out.set("scores", scored_array(r.scores));
      return out;
    });
  }

  val pca(const val& words, size_t components, bool unit) const {
    return guarded([&] {
      std::vector<size_t> rows;
      for (const std::string& w : strings_from(words)) rows.push_back(store().index_of(w));
      return pca_value(playground::pca(store(), rows, components, unit), rows.size());
    });
  }

  val pca_all(size_t components, bool unit) const {
    return guarded([&] {
      std::vector<size_t> rows(store().size());
      for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
      return pca_value(playground::pca(store(), rows, components, unit), rows.size());
    });
  }

  // The loaded store, or null.
  const VectorStore* loaded() const { return store_ ? &*store_ : nullptr; }

 private:
  const VectorStore& store() const {
    if (!store_) throw Error(ErrorCode::kBadArgument, "No vectors are loaded.");
    return *store_;
  }

  std::optional<VectorStore> store_;
};

std::vector<uint32_t> ids_from(const val& ids) {
  return emscripten::convertJSArrayToNumberVector<uint32_t>(ids);
}

// One loaded byte-level BPE tokenizer. Text crosses as UTF-8 bytes (the wrapper encodes with
// TextEncoder, which also turns lone surrogates into U+FFFD as tiktoken does); token ranges
// come back as byte offsets, which the wrapper maps to UTF-16 offsets.
class TokenizerHandle {
 public:
  val load(const val& array) {
    return guarded([&] {
      const std::string bytes = bytes_from(array);
      tokenizer_.reset();
      tokenizer_.emplace(Tokenizer::from_asset(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
      return val(true);
    });
  }

  std::string name() const { return tokenizer().name(); }
  uint32_t vocab_size() const { return tokenizer().vocab_size(); }
  int32_t bos_id() const { return tokenizer().bos_id() == kNoRank ? -1 : int32_t(tokenizer().bos_id()); }
  int32_t eos_id() const { return tokenizer().eos_id() == kNoRank ? -1 : int32_t(tokenizer().eos_id()); }

  val specials() const {
    val out = val::array();
    const auto& specials = tokenizer().model().specials();
    for (size_t i = 0; i < specials.size(); ++i) {
      val entry = val::object();
      entry.set("text", specials[i].text);
      entry.set("id", specials[i].id);
      out.set(i, entry);
    }
    return out;
  }

  val encode(const val& utf8, bool allow_special, bool add_bos, bool add_eos) const {
    return guarded([&] {
      const std::vector<uint32_t> ids = tokenizer().encode(bytes_from(utf8), {allow_special, add_bos, add_eos});
      return typed_copy("Uint32Array", ids.data(), ids.size());
    });
  }

  val encode_spans(const val& utf8, bool allow_special, bool add_bos, bool add_eos) const {
    return guarded([&] {
      const std::vector<TokenSpan> spans = tokenizer().encode_spans(bytes_from(utf8), {allow_special, add_bos, add_eos});
      std::vector<uint32_t> flat(spans.size() * 3);
      for (size_t i = 0; i < spans.size(); ++i) {
        flat[3 * i] = spans[i].id;
        flat[3 * i + 1] = spans[i].start;
        flat[3 * i + 2] = spans[i].end;
      }
      return typed_copy("Uint32Array", flat.data(), flat.size());
    });
  }

  // The raw bytes of `ids` (possibly ending inside a UTF-8 sequence).
  val decode_bytes(const val& ids) const {
    return guarded([&] {
      const std::string bytes = tokenizer().decode(ids_from(ids));
      return typed_copy("Uint8Array", reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    });
  }

 private:
  const Tokenizer& tokenizer() const {
    if (!tokenizer_) throw Error(ErrorCode::kBadArgument, "No tokenizer is loaded.");
    return *tokenizer_;
  }

  std::optional<Tokenizer> tokenizer_;
};

// The "words" tokenizer over a loaded vector set: flat [index or -1, start, end] triples plus
// the normalized words.
val word_tokens(const VectorSet& vectors, const val& utf8) {
  return guarded([&] {
    const VectorStore* store = vectors.loaded();
    const std::vector<WordToken> tokens = word_tokenize(bytes_from(utf8));
    std::vector<int32_t> flat(tokens.size() * 3);
    val words = val::array();
    for (size_t i = 0; i < tokens.size(); ++i) {
      flat[3 * i] = store ? int32_t(word_vector_index(tokens[i], *store)) : -1;
      flat[3 * i + 1] = int32_t(tokens[i].start);
      flat[3 * i + 2] = int32_t(tokens[i].end);
      words.set(i, tokens[i].text);
    }
    val out = val::object();
    out.set("spans", typed_copy("Int32Array", flat.data(), flat.size()));
    out.set("words", words);
    return out;
  });
}

}  // namespace
}  // namespace playground::wasm

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
      .function("encodeSpans", &TokenizerHandle::encode_spans)
      .function("decodeBytes", &TokenizerHandle::decode_bytes);
  emscripten::function("wordTokens", &playground::wasm::word_tokens);
}
