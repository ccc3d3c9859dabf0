// A vocabulary: token id <-> token bytes, with an open-addressing hash table for the lookup
// by bytes. Shared by the merge BPE (merge_bpe.h) and WordPiece (wordpiece.h) models.
// Immutable once built; all methods const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

inline constexpr uint32_t kNoToken = 0xFFFFFFFF;

// 64-bit hash of `bytes` for the tables keyed by token bytes (FNV-1a over 8-byte words and a
// final mix; tokens and pieces are short).
uint64_t hash_bytes(std::string_view bytes);

class TokenTable {
 public:
  TokenTable() = default;
  // `tokens[id]` are the bytes of token id; an empty string marks an unused id. Throws
  // Error(kBadArgument) naming two ids with the same bytes.
  explicit TokenTable(const std::vector<std::string>& tokens);

  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  // Id of the token spelled exactly `bytes`, or kNoToken.
  uint32_t find(std::string_view bytes) const;
  // Bytes of token `id` (empty for an unused id); id < size().
  std::string_view bytes(uint32_t id) const {
    return std::string_view(blob_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  // Length in bytes of the longest token.
  size_t max_length() const { return max_length_; }

 private:
  std::string blob_;
  std::vector<uint32_t> offsets_;
  std::vector<uint64_t> table_;  // (high 32 bits of the hash) << 32 | id, or all ones
  uint64_t mask_ = 0;
  size_t max_length_ = 0;
};

}  // namespace playground
