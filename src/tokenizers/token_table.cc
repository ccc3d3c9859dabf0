#include "tokenizers/token_table.h"

#include <cstring>

#include "common/error.h"

namespace playground {
namespace {
constexpr uint64_t kEmpty = ~uint64_t(0);
}

uint64_t hash_bytes(std::string_view bytes) {
  // FNV-1a over 8-byte words, then a final mix; tokens are short.
  uint64_t h = 0xCBF29CE484222325ull ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0x100000001B3ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ uint8_t(bytes[i])) * 0x100000001B3ull;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

TokenTable::TokenTable(const std::vector<std::string>& tokens) {
  offsets_.reserve(tokens.size() + 1);
  offsets_.push_back(0);
  for (const std::string& t : tokens) {
    blob_ += t;
    if (blob_.size() >= 0xFFFFFFFFu) throw Error(ErrorCode::kBadArgument, "The vocabulary is larger than 4 GiB");
    offsets_.push_back(uint32_t(blob_.size()));
    if (t.size() > max_length_) max_length_ = t.size();
  }
  size_t capacity = 16;
  while (capacity < tokens.size() * 2) capacity <<= 1;
  table_.assign(capacity, kEmpty);
  mask_ = capacity - 1;
  for (uint32_t id = 0; id < tokens.size(); ++id) {
    if (tokens[id].empty()) continue;
    const uint64_t h = hash_bytes(tokens[id]);
    uint64_t slot = h & mask_;
    while (table_[slot] != kEmpty) {
      const uint32_t other = uint32_t(table_[slot]);
      if (bytes(other) == tokens[id]) {
        throw Error(ErrorCode::kBadArgument,
                    "Tokens " + std::to_string(other) + " and " + std::to_string(id) + " have the same bytes");
      }
      slot = (slot + 1) & mask_;
    }
    table_[slot] = (h & 0xFFFFFFFF00000000ull) | id;
  }
}

uint32_t TokenTable::find(std::string_view b) const {
  if (table_.empty()) return kNoToken;
  const uint64_t h = hash_bytes(b);
  const uint64_t fingerprint = h & 0xFFFFFFFF00000000ull;
  for (uint64_t slot = h & mask_;; slot = (slot + 1) & mask_) {
    const uint64_t e = table_[slot];
    if (e == kEmpty) return kNoToken;
    if ((e & 0xFFFFFFFF00000000ull) == fingerprint) {
      const uint32_t id = uint32_t(e);
      if (bytes(id) == b) return id;
    }
  }
}

}  // namespace playground
