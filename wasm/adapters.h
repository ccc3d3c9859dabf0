// Conversions between the C++ core and JS values, shared by the handle classes in wasm/
// (vector_set, tokenizer_handle, word_tokens). Every binding returns { ok: true, value } or
// { ok: false, code, message, word, suggestions }; wasm/errors.js turns the latter into a
// thrown PlaygroundError, so no C++ exception ever crosses into JS.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "vectors/queries.h"

namespace playground::wasm {

using emscripten::val;

inline val string_array(const std::vector<std::string>& items) {
  val out = val::array();
  for (size_t i = 0; i < items.size(); ++i) out.set(i, items[i]);
  return out;
}

inline val scored_array(const std::vector<ScoredWord>& items) {
  val out = val::array();
  for (size_t i = 0; i < items.size(); ++i) {
    val entry = val::object();
    entry.set("word", items[i].word);
    entry.set("score", items[i].score);
    out.set(i, entry);
  }
  return out;
}

// A copy of `count` values as a new JS typed array (never a view into WASM memory): the
// typed-array constructor copies the view it is given.
template <typename T>
val typed_copy(const char* constructor, const T* data, size_t count) {
  return val::global(constructor).new_(emscripten::typed_memory_view(count, data));
}

template <typename T>
val typed_copy(const char* constructor, const std::vector<T>& values) {
  return typed_copy(constructor, values.data(), values.size());
}

// The bytes of a JS Uint8Array, copied with one TypedArray.set (a memcpy). Embind's own
// std::string conversion copies a Uint8Array byte by byte in JS, which took ~300 ms for the
// 2 MB vector asset on a cold page.
inline std::string bytes_from(const val& array) {
  std::string out(array["length"].as<size_t>(), '\0');
  if (!out.empty()) {
    val(emscripten::typed_memory_view(out.size(), reinterpret_cast<uint8_t*>(out.data()))).call<void>("set", array);
  }
  return out;
}

inline std::vector<std::string> strings_from(const val& array) {
  return emscripten::vecFromJSArray<std::string>(array);
}

// Maps UTF-8 byte offsets of a text that JS encoded (TextEncoder: well-formed UTF-8, a lone
// surrogate already replaced by U+FFFD) to offsets in the JS string, in UTF-16 code units. A
// character of 4 bytes is 2 units, every other character 1. An offset inside a character
// rounds down for a start and up for an end, so a token holding part of an emoji covers the
// whole emoji. Two cursors that only move forward: starts and ends must each be ascending,
// which makes a whole encoding one linear pass.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view utf8) : text_(utf8) {}

  // UTF-16 offset of the start of the character holding byte `offset` (ascending calls).
  uint32_t start(size_t offset) {
    while (start_.byte < text_.size() && start_.byte + char_bytes(start_.byte) <= offset) advance(&start_);
    return start_.unit;
  }

  // UTF-16 offset of the end of the character holding byte `offset - 1` (ascending calls).
  uint32_t end(size_t offset) {
    while (end_.byte < text_.size() && end_.byte < offset) advance(&end_);
    return end_.unit;
  }

 private:
  struct Cursor {
    size_t byte = 0;
    uint32_t unit = 0;
  };

  size_t char_bytes(size_t at) const {
    const uint8_t lead = uint8_t(text_[at]);
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }

  void advance(Cursor* c) const {
    const size_t bytes = char_bytes(c->byte);
    c->byte += bytes;
    c->unit += bytes == 4 ? 2 : 1;
  }

  std::string_view text_;
  Cursor start_;
  Cursor end_;
};

inline val failure(const char* code, const std::string& message, const std::string& word = {},
                   const std::vector<std::string>& suggestions = {}) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", code);
  out.set("message", message);
  out.set("word", word);
  out.set("suggestions", string_array(suggestions));
  return out;
}

// Runs `body` (which returns a val) and wraps its result or its error.
template <typename Body>
val guarded(Body&& body) {
  try {
    val out = val::object();
    out.set("ok", true);
    out.set("value", body());
    return out;
  } catch (const Error& e) {
    return failure(error_code_name(e.code()), e.what(), e.word(), e.suggestions());
  } catch (const std::bad_alloc&) {
    return failure("OUT_OF_MEMORY", "Out of memory: the browser could not give the page more memory.");
  } catch (const std::exception& e) {
    return failure("INTERNAL", std::string("Internal error: ") + e.what());
  }
}

// Replaces `*slot` with T::from_asset of the asset in the Uint8Array `array`; envelope of true.
// On failure `*slot` is empty.
template <typename T>
val load_asset(std::optional<T>* slot, const val& array) {
  return guarded([&] {
    const std::string bytes = bytes_from(array);
    slot->reset();
    slot->emplace(T::from_asset(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    return val(true);
  });
}

}  // namespace playground::wasm
