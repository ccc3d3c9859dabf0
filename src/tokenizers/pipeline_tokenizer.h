// The tokenizer families of issue 11 — WordPiece (BERT), SentencePiece-style BPE with byte
// fallback (Llama 2, Gemma 3) and byte-level BPE with merges (Qwen 3, DeepSeek V3) — as one
// Hugging Face-style pipeline: added tokens split out, normalizer, pre-tokenizer, model,
// post-processor template, decoder (huggingface/tokenizers src/tokenizer/mod.rs). Built once
// from an "EPTK" version 2 asset (pipeline_asset.h), then immutable: every method is const and
// thread-safe. Token spans are byte ranges of the text as given, through the normalizer's
// alignment (normalizer.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/merge_bpe.h"
#include "tokenizers/pipeline_asset.h"
#include "tokenizers/pretokenizer.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/wordpiece.h"

namespace playground {

struct FamilyEncodeOptions {
  // false: special added tokens typed in the text are plain text (non-special added tokens are
  // always matched, as Hugging Face does); true: they are emitted as their ids.
  bool allow_special = false;
  // true: the model's own post-processor template (BERT [CLS] … [SEP], Llama 2 <s>, Gemma 3
  // <bos>, DeepSeek V3 BOS); false: nothing added.
  bool add_special = false;
};

class PipelineTokenizer {
 public:
  // Parses and validates an asset; throws Error(kBadAsset) naming the problem.
  static PipelineTokenizer from_asset(const uint8_t* data, size_t size);
  // Builds from decoded parts; throws Error(kBadArgument) on an inconsistent model.
  explicit PipelineTokenizer(DecodedPipeline pipeline);

  const std::string& name() const { return p_.name; }
  // "wordpiece", "sentencepiece_bpe" or "byte_level_bpe".
  const char* family() const;
  // One more than the largest id (model or added token).
  uint32_t vocab_size() const { return vocab_size_; }
  uint32_t bos_id() const { return p_.bos_id; }
  uint32_t eos_id() const { return p_.eos_id; }
  const std::vector<AddedToken>& added_tokens() const { return p_.added; }
  // The vocabulary entry of `id` as stored: bytes for byte-level models, the piece with "▁" or
  // "##" for the others, an added token's text. Throws Error(kBadArgument) for an unknown id.
  std::string_view token_text(uint32_t id) const;

  // Token ids of UTF-8 `text` (the fast path: no offsets are computed). Throws
  // Error(kBadArgument) for a text of 4 GiB or more.
  std::vector<uint32_t> encode(std::string_view text, const FamilyEncodeOptions& options = {}) const;
  // encode() with each token's byte range in `text`; template tokens cover no bytes. Takes the
  // aligned normalizer (every character with its input range), 2-5x slower than encode().
  std::vector<TokenSpan> encode_spans(std::string_view text, const FamilyEncodeOptions& options = {}) const;
  // The text of `ids` as the model's decoder gives it, as bytes (a byte-level or byte-fallback
  // run may end inside a character). Throws Error(kBadArgument) naming an unknown id.
  std::string decode(const std::vector<uint32_t>& ids) const;
  // decode() as well-formed UTF-8: byte-level models as JS TextDecoder; byte-fallback runs that
  // are not UTF-8 become one U+FFFD per byte, as HF's ByteFallback decoder does.
  std::string decode_text(const std::vector<uint32_t>& ids) const;
  // The same ids by the simplest path — aligned normalizer, the models' quadratic reference merge,
  // no cache — with the whole text one segment (added tokens not looked for); for tests.
  std::vector<uint32_t> encode_reference(std::string_view text) const;

 private:
  struct Scratch;
  // Encodes text[begin, end) (no added tokens inside) into `ids`, or into `spans` if not null;
  // `reference` takes the simple path (aligned normalizer, quadratic merge, no cache).
  void encode_segment(std::string_view text, size_t begin, size_t end, Scratch* scratch, std::vector<uint32_t>* ids,
                      std::vector<TokenSpan>* spans, bool reference) const;
  // The pre-tokenizer's pieces of normalized text, as [begin, end) byte ranges.
  void split_pieces(std::string_view norm, std::vector<std::pair<uint32_t, uint32_t>>* pieces) const;
  void encode_impl(std::string_view text, const FamilyEncodeOptions& options, std::vector<uint32_t>* ids,
                   std::vector<TokenSpan>* spans) const;
  std::pair<size_t, uint32_t> match_added(std::string_view text, size_t pos, bool allow_special) const;
  std::string decode_impl(const std::vector<uint32_t>& ids, bool well_formed) const;

  DecodedPipeline p_;
  uint32_t vocab_size_ = 0;
  bool has_pretokenizer_ = false;
  PretokenizerKind pretokenizer_ = PretokenizerKind::kGpt2;
  std::unique_ptr<MergeBpeModel> bpe_;
  std::unique_ptr<WordPieceModel> wordpiece_;
  // Added tokens as a byte trie (leftmost-longest matching, as HF's AddedVocabulary).
  struct TrieNode {
    std::vector<std::pair<uint8_t, uint32_t>> children;
    int32_t added = -1;  // index into p_.added
  };
  std::vector<TrieNode> trie_;
  bool added_first_byte_[256] = {};  // bytes an added token starts with
  int single_first_byte_ = -1;       // the only such byte, or -1 (none) / -2 (several)
  // SentencePiece models without a pre-tokenizer: tokens with a non-"▁" character followed by
  // "▁" inside; where none of them fits, the text is cut before such a "▁" (see chunk_ends).
  std::vector<std::string> bridging_tokens_;
};

}  // namespace playground
