#include "vector_set.h"

#include <vector>

#include "adapters.h"
#include "vectors/expression.h"
#include "vectors/pca.h"
#include "vectors/queries.h"

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

}  // namespace

val VectorSet::load(const val& array) { return load_asset(&store_, array); }

size_t VectorSet::size() const { return store().size(); }
size_t VectorSet::dim() const { return store().dim(); }
val VectorSet::words() const { return string_array(store().words()); }
bool VectorSet::has(const std::string& word) const { return store().find(word).has_value(); }

val VectorSet::suggest(const std::string& word, size_t max_count) const {
  return string_array(store().suggest(word, max_count));
}

val VectorSet::vector(const std::string& word) const {
  return guarded([&] { return typed_copy("Float32Array", store().raw(store().index_of(word)), store().dim()); });
}

val VectorSet::similarity(const std::string& a, const std::string& b) const {
  return guarded([&] { return val(playground::similarity(store(), a, b)); });
}

val VectorSet::nearest(const std::string& word, size_t k) const {
  return guarded([&] { return scored_array(playground::nearest(store(), word, k)); });
}

val VectorSet::nearest_to_vector(const val& vector, size_t k) const {
  return guarded([&] {
    return scored_array(
        playground::nearest_to_vector(store(), emscripten::convertJSArrayToNumberVector<float>(vector), k));
  });
}

val VectorSet::analogy(const val& positive, const val& negative, size_t k, const std::string& method) const {
  return guarded([&] {
    return scored_array(
        playground::analogy(store(), strings_from(positive), strings_from(negative), k, method_from(method)));
  });
}

val VectorSet::expression(const std::string& text, size_t k, const std::string& method) const {
  return guarded([&] {
    const Expression e = parse_expression(text, [&](std::string_view w) { return store().find(w).has_value(); });
    val out = val::object();
    out.set("positive", string_array(e.positive));
    out.set("negative", string_array(e.negative));
    out.set("results", scored_array(playground::analogy(store(), e.positive, e.negative, k, method_from(method))));
    return out;
  });
}

val VectorSet::doesnt_match(const val& words) const {
  return guarded([&] {
    const OddOneOut r = playground::doesnt_match(store(), strings_from(words));
    val out = val::object();
    out.set("word", r.word);
    out.set("scores", scored_array(r.scores));
    return out;
  });
}

val VectorSet::pca(const val& words, size_t components, bool unit) const {
  return guarded([&] {
    std::vector<size_t> rows;
    for (const std::string& w : strings_from(words)) rows.push_back(store().index_of(w));
    return pca_value(playground::pca(store(), rows, components, unit), rows.size());
  });
}

val VectorSet::pca_all(size_t components, bool unit) const {
  return guarded([&] {
    std::vector<size_t> rows(store().size());
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    return pca_value(playground::pca(store(), rows, components, unit), rows.size());
  });
}

const VectorStore& VectorSet::store() const {
  if (!store_) throw Error(ErrorCode::kBadArgument, "No vectors are loaded.");
  return *store_;
}

}  // namespace playground::wasm
