#include "tokenizer_handle.h"

#include <vector>

#include "adapters.h"

namespace playground::wasm {

val TokenizerHandle::load(const val& array) { return load_asset(&tokenizer_, array); }

std::string TokenizerHandle::name() const { return tokenizer().name(); }
uint32_t TokenizerHandle::vocab_size() const { return tokenizer().vocab_size(); }
int32_t TokenizerHandle::bos_id() const {
  return tokenizer().bos_id() == kNoRank ? -1 : int32_t(tokenizer().bos_id());
}
int32_t TokenizerHandle::eos_id() const {
  return tokenizer().eos_id() == kNoRank ? -1 : int32_t(tokenizer().eos_id());
}

val TokenizerHandle::specials() const {
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

val TokenizerHandle::encode(const val& utf8, bool allow_special, bool add_bos, bool add_eos) const {
  return guarded([&] {
    return typed_copy("Uint32Array", tokenizer().encode(bytes_from(utf8), {allow_special, add_bos, add_eos}));
  });
}

val TokenizerHandle::spans(const val& utf8, bool allow_special, bool add_bos, bool add_eos) const {
  return guarded([&] {
    const std::string text = bytes_from(utf8);
    const std::vector<TokenSpan> spans = tokenizer().encode_spans(text, {allow_special, add_bos, add_eos});
    const size_t n = spans.size();
    std::vector<uint32_t> ids(n), starts(n), ends(n), byte_starts(n), byte_ends(n);
    Utf16Offsets offsets(text);
    for (size_t i = 0; i < n; ++i) {
      const TokenSpan& s = spans[i];
      ids[i] = s.id;
      byte_starts[i] = s.start;
      byte_ends[i] = s.end;
      starts[i] = offsets.start(s.start);
      ends[i] = s.start == s.end ? starts[i] : offsets.end(s.end);
    }
    val out = val::object();
    out.set("ids", typed_copy("Uint32Array", ids));
    out.set("starts", typed_copy("Uint32Array", starts));
    out.set("ends", typed_copy("Uint32Array", ends));
    out.set("byteStarts", typed_copy("Uint32Array", byte_starts));
    out.set("byteEnds", typed_copy("Uint32Array", byte_ends));
    return out;
  });
}

val TokenizerHandle::decode_bytes(const val& ids) const {
  return guarded([&] {
    const std::string bytes = tokenizer().decode(emscripten::convertJSArrayToNumberVector<uint32_t>(ids));
    return typed_copy("Uint8Array", reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  });
}

const Tokenizer& TokenizerHandle::tokenizer() const {
  if (!tokenizer_) throw Error(ErrorCode::kBadArgument, "No tokenizer is loaded.");
  return *tokenizer_;
}

}  // namespace playground::wasm
