// Embind registrations only; conversions live in adapters.h, the public API in playground.js.
#include <emscripten/bind.h>

#include <memory>
#include <optional>

#include "adapters.h"
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
  val load(const std::string& bytes) {
    return guarded([&] {
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

 private:
  const VectorStore& store() const {
    if (!store_) throw Error(ErrorCode::kBadArgument, "No vectors are loaded.");
    return *store_;
  }

  std::optional<VectorStore> store_;
};

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
}
