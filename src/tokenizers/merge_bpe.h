// BPE with an explicit merge list, as Hugging Face tokenizers' `BPE` model applies it
// (huggingface/tokenizers src/models/bpe/{model,word}.rs; Sennrich et al. 2016, "Neural Machine
// Translation of Rare Words with Subword Units", ACL): a word is split into symbols (bytes for
// byte-level models, characters otherwise, with SentencePiece's byte fallback to <0xNN> tokens
// for characters the vocabulary lacks), then the adjacent pair with the lowest merge rank is
// merged, leftmost first, until no adjacent pair has a merge. Unlike tiktoken's rule (byte_bpe.h)
// the rank belongs to the pair, not to the merged token, and a token that no merge produces is
// reached only by `ignore_merges` (the whole word looked up first).
//
// Used for Llama 2 and Gemma 3 (SentencePiece BPE converted to tokenizer.json) and for Qwen 3 and
// DeepSeek V3 (byte-level). Immutable once built; encoding is const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizers/token_table.h"

namespace playground {

struct MergeRule {
  uint32_t left;
  uint32_t right;
};

struct MergeBpeOptions {
  bool byte_level = false;     // symbols are single bytes (each must be a token); else characters
  bool byte_fallback = false;  // a character that is no token becomes its <0xNN> tokens
  bool ignore_merges = false;  // a word that is a token is emitted whole
  bool fuse_unk = false;       // consecutive unknown characters make one unk token
  uint32_t unk_id = kNoToken;  // the unknown token, or kNoToken (then unknown characters are dropped)
};

class MergeBpeModel {
 public:
  // `tokens[id]` are the token bytes; `merges` in rank order (rank = index), each joining two
  // tokens into a token. Throws Error(kBadArgument) naming a merge whose parts or result are not
  // tokens, a duplicate merge, or a byte-level vocabulary without all 256 bytes.
  MergeBpeModel(const std::vector<std::string>& tokens, const std::vector<MergeRule>& merges,
                MergeBpeOptions options);

  const TokenTable& vocab() const { return vocab_; }
  const MergeBpeOptions& options() const { return options_; }
  size_t merge_count() const { return merge_count_; }
  // {rank, result id} of the merge of `left` with `right`, or {kNoToken, kNoToken}.
  std::pair<uint32_t, uint32_t> merge(uint32_t left, uint32_t right) const;

  // Appends the tokens of `word` to `ids` and, if `lengths` is not null, the number of bytes of
  // `word` each covers (an unknown token covers its characters; a byte token one byte).
  void encode_word(std::string_view word, std::vector<uint32_t>* ids, std::vector<uint32_t>* lengths) const;
  // Same result by the most direct reading of the algorithm (quadratic); for tests.
  void encode_word_reference(std::string_view word, std::vector<uint32_t>* ids) const;

  // Words with at least this many symbols use the heap; shorter ones a flat scan.
  static constexpr size_t kLargeWordSymbols = 32;
  // Words of at most this many bytes keep their symbols on the stack.
  static constexpr size_t kStackBytes = 128;

 private:
  struct Symbol {
    uint32_t id;
    uint32_t length;  // bytes of the word
  };
  // Writes the initial symbols of `word` to `symbols` (room for word.size()); returns how many.
  size_t initial_symbols(std::string_view word, Symbol* symbols) const;
  // Id of the token that is exactly the one character `cp` (kNoToken if none).
  uint32_t char_id(char32_t cp) const;
  size_t merge_small(Symbol* symbols, size_t n) const;
  void merge_large(std::vector<Symbol>* symbols) const;

  TokenTable vocab_;
  MergeBpeOptions options_;
  uint32_t byte_id_[256];           // byte-level: id of each byte; byte fallback: id of <0xNN>
  // Character models: the single-character tokens by code point, ASCII directly, the rest in an
  // open-addressing table of cp << 32 | id (found without hashing or comparing strings).
  uint32_t ascii_id_[128];
  std::vector<uint64_t> char_ids_;
  uint64_t char_mask_ = 0;
  struct Slot {
    uint64_t key;                   // left << 32 | right, or all ones
    uint32_t rank;
    uint32_t result;
  };
  std::vector<Slot> merges_;        // open addressing, load <= 1/2
  uint64_t mask_ = 0;
  size_t merge_count_ = 0;
};

}  // namespace playground
