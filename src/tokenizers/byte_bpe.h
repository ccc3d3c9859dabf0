// Byte-level BPE with merge ranks, as OpenAI's tiktoken does it (openai/tiktoken src/lib.rs:
// `_byte_pair_merge`, `byte_pair_encode`): a piece of bytes is split into single bytes and
// the adjacent pair whose concatenation has the lowest rank is merged, leftmost first, until
// no adjacent pair is a token. The token ids are the ranks. Llama 3 is the same model: its
// tokenizer.json merges are ordered as its token ids (tools/build-tokenizers.mjs checks this).
//
// The model is immutable once built; every method is const and safe to call from several
// threads at once (scratch memory is per call).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace playground {

inline constexpr uint32_t kNoRank = 0xFFFFFFFF;

struct SpecialToken {
  std::string text;  // e.g. "<|endoftext|>"
  uint32_t id;
};

class ByteBpeModel {
 public:
  // `tokens[r]` holds the bytes of the token of rank r, or is empty if no token has rank r;
  // all 256 single bytes must be among them. `specials` are non-empty, have ids not used by any
  // rank (nor kNoRank) and neither share an id nor a text. Throws Error(kBadArgument) otherwise
  // (duplicate token, missing byte, empty or clashing special).
  ByteBpeModel(std::vector<std::string> tokens, std::vector<SpecialToken> specials);

  // One more than the largest rank of an ordinary token.
  size_t rank_count() const { return offsets_.size() - 1; }
  // One more than the largest id, ordinary or special: the size of the id space.
  uint32_t vocab_size() const { return vocab_size_; }
  const std::vector<SpecialToken>& specials() const { return specials_; }

  // Rank of the token whose bytes are exactly `bytes`, or kNoRank.
  uint32_t rank_of(std::string_view bytes) const;
  // Id of the special token spelled `text`, or kNoRank.
  uint32_t special_id(std::string_view text) const;
  // True if `id` is an ordinary rank or a special token's id.
  bool is_valid_id(uint32_t id) const;
  // The bytes of token `id` (ordinary or special); throws Error(kBadArgument) naming an
  // unknown id.
  std::string_view token_bytes(uint32_t id) const;

  // Appends the ranks of one pre-tokenized piece to `out` (tiktoken's byte_pair_encode):
  // the whole piece if it is a token, else the merge loop — a flat scan for short pieces and
  // a heap with lazy invalidation for long ones, so it stays O(n log n) on any piece.
  void encode_piece(std::string_view piece, std::vector<uint32_t>* out) const;
  // Same result by the most direct reading of the algorithm (quadratic); for tests only.
  void encode_piece_reference(std::string_view piece, std::vector<uint32_t>* out) const;

  // The length of the longest special token starting at `text[pos]`, with its id; {0, kNoRank}
  // if none starts there.
  std::pair<size_t, uint32_t> match_special(std::string_view text, size_t pos) const;

  // Pieces at least this long use the heap merge; shorter ones the flat scan.
  static constexpr size_t kLargePieceBytes = 128;

 private:
  void merge_small(std::string_view piece, std::vector<uint32_t>* out) const;
  void merge_large(std::string_view piece, std::vector<uint32_t>* out) const;
  uint64_t hash(std::string_view bytes) const;
  // Throws unless the specials meet the constructor's contract; fills special_by_id_.
  void check_specials(const std::vector<std::string>& tokens);
  // The special token with id `id`, or null.
  const SpecialToken* special_with_id(uint32_t id) const;

  std::string blob_;               // token bytes, concatenated in rank order
  std::vector<uint32_t> offsets_;  // rank r spans blob_[offsets_[r], offsets_[r + 1])
  // Open addressing, linear probing, load <= 1/2: (high 32 bits of the hash) << 32 | rank.
  static constexpr uint64_t kEmptySlot = ~uint64_t(0);
  std::vector<uint64_t> table_;
  uint64_t table_mask_ = 0;
  uint32_t byte_rank_[256];        // rank of each single byte
  std::vector<SpecialToken> specials_;
  std::vector<std::pair<uint32_t, uint32_t>> special_by_id_;  // (id, index in specials_), sorted
  // A byte trie over the special tokens: node -> (byte -> child) edges, and the id ending there.
  struct TrieNode {
    std::vector<std::pair<uint8_t, uint32_t>> children;
    uint32_t id = kNoRank;
  };
  std::vector<TrieNode> trie_;
  uint32_t vocab_size_ = 0;
};

}  // namespace playground
