// A byte-level BPE tokenizer: a pre-tokenizer (pretokenizer.h) that cuts text into pieces and
// a rank model (byte_bpe.h) that encodes each piece, as tiktoken's CoreBPE does
// (openai/tiktoken src/lib.rs). Built once from an asset, then immutable: every method is
// const and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/byte_bpe.h"
#include "tokenizers/pretokenizer.h"

namespace playground {

// One token of an encoding and the bytes of the input it covers, [start, end). A BOS/EOS
// added by the options covers no bytes (start == end).
struct TokenSpan {
  uint32_t id;
  uint32_t start;
  uint32_t end;
};

struct EncodeOptions {
  // false: special-token strings are plain text (tiktoken's encode_ordinary).
  // true: every special token typed in the text is emitted as its id (allowed_special="all").
  bool allow_special = false;
  bool add_bos = false;  // prepend the model's BOS id; throws kBadArgument if it has none
  bool add_eos = false;  // append the model's EOS id; throws kBadArgument if it has none
};

class Tokenizer {
 public:
  // Parses and validates an asset; throws Error(kBadAsset) naming the problem.
  static Tokenizer from_asset(const uint8_t* data, size_t size);

  // `bos_id` / `eos_id` may be kNoRank (the model has none).
  Tokenizer(std::string name, PretokenizerKind pretokenizer, ByteBpeModel model,
            uint32_t bos_id = kNoRank, uint32_t eos_id = kNoRank);

  const std::string& name() const { return name_; }
  PretokenizerKind pretokenizer() const { return pretokenizer_; }
  const ByteBpeModel& model() const { return model_; }
  uint32_t bos_id() const { return bos_id_; }
  uint32_t eos_id() const { return eos_id_; }
  // One more than the largest id (ordinary or special).
  uint32_t vocab_size() const { return model_.vocab_size(); }

  // Token ids of UTF-8 `text` (invalid bytes are encoded as themselves).
  std::vector<uint32_t> encode(std::string_view text, const EncodeOptions& options = {}) const;
  // encode() with each token's byte range in `text`.
  std::vector<TokenSpan> encode_spans(std::string_view text, const EncodeOptions& options = {}) const;
  // The bytes of `ids` concatenated (possibly ending inside a UTF-8 sequence); throws
  // Error(kBadArgument) naming the first unknown id.
  std::string decode(const std::vector<uint32_t>& ids) const;
  // decode() as well-formed UTF-8: each ill-formed part becomes U+FFFD, as JS TextDecoder
  // does; throws like decode().
  std::string decode_text(const std::vector<uint32_t>& ids) const;
  // Encodes `text` with the simple reference merge (ByteBpeModel::encode_piece_reference),
  // special tokens as text; for tests.
  std::vector<uint32_t> encode_reference(std::string_view text) const;

 private:
  // Appends the tokens of ordinary text[begin, end) to `spans`.
  void encode_ordinary_into(std::string_view text, size_t begin, size_t end,
                            std::vector<TokenSpan>* spans) const;

  std::string name_;
  PretokenizerKind pretokenizer_;
  ByteBpeModel model_;
  uint32_t bos_id_;
  uint32_t eos_id_;
};

}  // namespace playground
