#include "tokenizers/byte_bpe.h"

#include <algorithm>
#include <cstring>
#include <queue>

#include "common/error.h"

namespace playground {
namespace {

[[noreturn]] void bad(const std::string& what) { throw Error(ErrorCode::kBadArgument, what); }

inline uint64_t load_u64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint64_t mix(uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace

uint64_t ByteBpeModel::hash(std::string_view bytes) const {
  // Tokens are short (median ~6 bytes): one multiply per 8 bytes, then a final mix.
  uint64_t h = 0x9E3779B97F4A7C15ull * (bytes.size() + 1);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) h = (h ^ load_u64(bytes.data() + i)) * 0xFF51AFD7ED558CCDull;
  // The last 1..7 bytes without a byte loop: two overlapping 4-byte reads, or three single
  // bytes that between them cover a 1..3-byte tail (the length is already in h).
  const size_t rem = bytes.size() - i;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data() + i);
  uint64_t tail = 0;
  if (rem >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + rem - 4, 4);
    tail = uint64_t(a) | uint64_t(b) << 32;
  } else if (rem > 0) {
    tail = uint64_t(p[0]) | uint64_t(p[rem / 2]) << 8 | uint64_t(p[rem - 1]) << 16;
  }
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  return mix(h);
}

ByteBpeModel::ByteBpeModel(std::vector<std::string> tokens, std::vector<SpecialToken> specials)
    : specials_(std::move(specials)) {
  if (tokens.empty()) bad("A BPE model needs at least the 256 single-byte tokens");
  offsets_.reserve(tokens.size() + 1);
  offsets_.push_back(0);
  size_t total = 0;
  for (const std::string& t : tokens) total += t.size();
  if (total >= 0xFFFFFFFFu) bad("The BPE vocabulary is larger than 4 GiB");
  blob_.reserve(total);
  for (const std::string& t : tokens) {
    blob_ += t;
    offsets_.push_back(uint32_t(blob_.size()));
  }
  size_t capacity = 16;
  while (capacity < tokens.size() * 2) capacity <<= 1;
  table_.assign(capacity, kEmptySlot);
  table_mask_ = capacity - 1;
  for (uint32_t r = 0; r < tokens.size(); ++r) {
    const std::string& t = tokens[r];
    if (t.empty()) continue;  // an unused rank (p50k_base's 50256 holds a special token)
    const uint64_t h = hash(t);
    uint64_t slot = h & table_mask_;
    while (table_[slot] != kEmptySlot) {
      const uint32_t other = uint32_t(table_[slot]);
      if (token_bytes(other) == t) {
        bad("Tokens " + std::to_string(other) + " and " + std::to_string(r) + " have the same bytes");
      }
      slot = (slot + 1) & table_mask_;
    }
    table_[slot] = (h & 0xFFFFFFFF00000000ull) | r;
  }
  for (int b = 0; b < 256; ++b) {
    const char c = char(b);
    byte_rank_[b] = rank_of(std::string_view(&c, 1));
    if (byte_rank_[b] == kNoRank) bad("The single byte " + std::to_string(b) + " is not a token");
  }
  vocab_size_ = uint32_t(tokens.size());
  check_specials(tokens);
  trie_.emplace_back();
  for (const SpecialToken& s : specials_) {
    uint32_t node = 0;
    for (char ch : s.text) {
      const uint8_t b = uint8_t(ch);
      uint32_t next = kNoRank;
      for (const auto& [edge, child] : trie_[node].children) {
        if (edge == b) next = child;
      }
      if (next == kNoRank) {
        next = uint32_t(trie_.size());
        trie_[node].children.emplace_back(b, next);
        trie_.emplace_back();
      }
      node = next;
    }
    trie_[node].id = s.id;
    vocab_size_ = std::max(vocab_size_, s.id + 1);
  }
}

void ByteBpeModel::check_specials(const std::vector<std::string>& tokens) {
  // The one check of the special tokens, wherever they come from (an asset, a test): sorted
  // views find clashes in O(n log n), as an asset may hold up to 65,536 of them.
  special_by_id_.reserve(specials_.size());
  std::vector<std::pair<std::string_view, uint32_t>> by_text;
  by_text.reserve(specials_.size());
  for (uint32_t i = 0; i < specials_.size(); ++i) {
    const SpecialToken& s = specials_[i];
    if (s.text.empty()) bad("Special token " + std::to_string(s.id) + " is empty");
    if (s.id == kNoRank) bad("Special token " + quote(s.text) + " has an invalid id");
    if (s.id < tokens.size() && !tokens[s.id].empty()) {
      bad("Special token " + quote(s.text) + " has id " + std::to_string(s.id) + ", which an ordinary token uses");
    }
    special_by_id_.emplace_back(s.id, i);
    by_text.emplace_back(s.text, i);
  }
  std::sort(special_by_id_.begin(), special_by_id_.end());
  std::sort(by_text.begin(), by_text.end());
  const auto clash = [&](uint32_t a, uint32_t b) {
    bad("Special tokens " + quote(specials_[a].text) + " and " + quote(specials_[b].text) +
        " clash (the same id or the same text)");
  };
  for (size_t i = 1; i < special_by_id_.size(); ++i) {
    if (special_by_id_[i].first == special_by_id_[i - 1].first) clash(special_by_id_[i - 1].second, special_by_id_[i].second);
  }
  for (size_t i = 1; i < by_text.size(); ++i) {
    if (by_text[i].first == by_text[i - 1].first) clash(by_text[i - 1].second, by_text[i].second);
  }
}

const SpecialToken* ByteBpeModel::special_with_id(uint32_t id) const {
  const auto it = std::lower_bound(special_by_id_.begin(), special_by_id_.end(), std::make_pair(id, uint32_t(0)));
  return it != special_by_id_.end() && it->first == id ? &specials_[it->second] : nullptr;
}

uint32_t ByteBpeModel::rank_of(std::string_view bytes) const {
  // Each slot holds the high half of its token's hash beside the rank: most lookups in the
  // merge loop are for pairs that are not tokens, and the fingerprint rejects them without
  // touching the token bytes (rank_of dominated the encode profile on o200k before).
  const uint64_t h = hash(bytes);
  const uint64_t fingerprint = h & 0xFFFFFFFF00000000ull;
  uint64_t slot = h & table_mask_;
  for (;;) {
    const uint64_t entry = table_[slot];
    if (entry == kEmptySlot) return kNoRank;
    if ((entry & 0xFFFFFFFF00000000ull) == fingerprint) {
      const uint32_t r = uint32_t(entry);
      const uint32_t begin = offsets_[r];
      if (offsets_[r + 1] - begin == bytes.size() &&
          std::memcmp(blob_.data() + begin, bytes.data(), bytes.size()) == 0) {
        return r;
      }
    }
    slot = (slot + 1) & table_mask_;
  }
}

uint32_t ByteBpeModel::special_id(std::string_view text) const {
  for (const SpecialToken& s : specials_) {
    if (s.text == text) return s.id;
  }
  return kNoRank;
}

bool ByteBpeModel::is_valid_id(uint32_t id) const {
  return (id < rank_count() && offsets_[id + 1] > offsets_[id]) || special_with_id(id) != nullptr;
}

std::string_view ByteBpeModel::token_bytes(uint32_t id) const {
  if (id < rank_count() && offsets_[id + 1] > offsets_[id]) {
    return std::string_view(blob_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  if (const SpecialToken* s = special_with_id(id)) return s->text;
  bad("Token id " + std::to_string(id) + " is not in this tokenizer's vocabulary (ids 0.." +
      std::to_string(vocab_size_ - 1) + ")");
}

std::pair<size_t, uint32_t> ByteBpeModel::match_special(std::string_view text, size_t pos) const {
  std::pair<size_t, uint32_t> best{0, kNoRank};
  uint32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    uint32_t next = kNoRank;
    for (const auto& [edge, child] : trie_[node].children) {
      if (edge == uint8_t(text[i])) next = child;
    }
    if (next == kNoRank) break;
    node = next;
    if (trie_[node].id != kNoRank) best = {i + 1 - pos, trie_[node].id};
  }
  return best;
}

void ByteBpeModel::encode_piece(std::string_view piece, std::vector<uint32_t>* out) const {
  if (piece.empty()) return;
  if (piece.size() == 1) {
    out->push_back(byte_rank_[uint8_t(piece[0])]);
    return;
  }
  const uint32_t whole = rank_of(piece);
  if (whole != kNoRank) {
    out->push_back(whole);
    return;
  }
  if (piece.size() < kLargePieceBytes) {
    merge_small(piece, out);
  } else {
    merge_large(piece, out);
  }
}

// tiktoken's `_byte_pair_merge`: parts[i] = (start of part i, rank of part i merged with
// part i + 1). Each round scans for the lowest rank (leftmost on ties), merges, and re-ranks
// only the two pairs that changed.
//
// Performance notes. Variants were compared by instruction and cache-miss counts (valgrind
// --tool=cachegrind) and perf profiles, which a shared machine does not blur as it blurs
// timings; the throughput figures themselves come from `npm run bench` (native and WASM, on
// English, code and multilingual text, and on the pathological inputs below).
// - The whole-piece lookup answers most pieces of English and code outright (a word with its
//   leading space is usually one token), so the merge loop runs on the remainder only. Text in
//   other scripts reaches the merge loop far more often; there rank_of dominated the profile,
//   mostly cache misses in the large o200k table. The hash fingerprint stored in each slot
//   (rank_of) cut its L1 read misses by about a quarter; carrying each part's own rank
//   (Part::token) removed the lookups of the final tokens; a branch-free hash tail cut hashing
//   instructions by about 40 %.
// - Below kLargePieceBytes the quadratic scan over a stack array: it allocates nothing and
//   touches a few cache lines. tiktoken splits at 100 bytes for the same reason; thresholds
//   of 32, 64 and 128 measured the same within noise.
// - Above it, merge_large keeps O(n log n) on one huge piece (100,000 x "a" is one gpt2 piece,
//   1,000,000 x "^" one 1 MB piece), where the flat scan's quadratic cost runs to minutes, as
//   tiktoken's own WASM build showed (openai/tiktoken #15, #245).
// - Repeated pieces: Tokenizer::encode keeps a piece cache per call (tokenizer.cc), so this
//   model stays immutable and thread-safe without a lock.
void ByteBpeModel::merge_small(std::string_view piece, std::vector<uint32_t>* out) const {
  struct Part {
    uint32_t start;
    uint32_t rank;   // rank of this part merged with the next one, or kNoRank
    uint32_t token;  // rank of this part itself, so the output needs no lookups
  };
  Part parts[kLargePieceBytes + 1];
  const size_t n = piece.size();
  auto pair_rank = [&](size_t i, size_t count) -> uint32_t {
    // rank of parts[i] merged with parts[i + 1], when parts[i + 2] exists as the end marker
    if (i + 2 >= count) return kNoRank;
    return rank_of(piece.substr(parts[i].start, parts[i + 2].start - parts[i].start));
  };
  size_t count = n + 1;  // parts[n] is the end marker
  for (size_t i = 0; i < n; ++i) parts[i] = {uint32_t(i), kNoRank, byte_rank_[uint8_t(piece[i])]};
  parts[n] = {uint32_t(n), kNoRank, kNoRank};
  for (size_t i = 0; i + 1 < n; ++i) parts[i].rank = rank_of(piece.substr(i, 2));
  for (;;) {
    uint32_t best = kNoRank;
    size_t at = 0;
    for (size_t i = 0; i + 1 < count; ++i) {
      if (parts[i].rank < best) {
        best = parts[i].rank;
        at = i;
      }
    }
    if (best == kNoRank) break;
    // Remove parts[at + 1]; parts[at] now spans both.
    std::memmove(&parts[at + 1], &parts[at + 2], (count - at - 2) * sizeof(Part));
    --count;
    parts[at].token = best;
    parts[at].rank = pair_rank(at, count);
    if (at > 0) parts[at - 1].rank = pair_rank(at - 1, count);
  }
  for (size_t i = 0; i + 1 < count; ++i) out->push_back(parts[i].token);
}

// tiktoken's `_byte_pair_merge_large` idea: a doubly linked list of parts and a min-heap of
// (rank, start) candidates. Merging changes at most two candidate pairs; their new ranks are
// pushed and the stale entries are skipped when popped (lazy invalidation). Ties on rank pop
// the smaller start first, which is the leftmost pair, as the flat scan chooses.
void ByteBpeModel::merge_large(std::string_view piece, std::vector<uint32_t>* out) const {
  const uint32_t n = uint32_t(piece.size());
  // Part i starts at byte i and ends where next[i] begins (n = the end); rank[i] is the rank of
  // part i merged with its successor. A merged-away part gets rank kDead.
  constexpr uint32_t kDead = kNoRank - 1;
  std::vector<uint32_t> next(n), prev(n), rank(n, kNoRank), token(n);
  for (uint32_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i - 1;  // wraps for i == 0; never read there
    token[i] = byte_rank_[uint8_t(piece[i])];
  }
  auto pair_rank = [&](uint32_t i) -> uint32_t {
    const uint32_t j = next[i];
    if (j >= n) return kNoRank;
    return rank_of(piece.substr(i, next[j] - i));
  };
  // Heap keys: rank in the high half, start in the low half, so the smallest key is the
  // lowest rank and, among equal ranks, the leftmost pair.
  std::vector<uint64_t> heap;
  heap.reserve(n);
  for (uint32_t i = 0; i + 1 < n; ++i) {
    rank[i] = rank_of(piece.substr(i, 2));
    if (rank[i] != kNoRank) heap.push_back(uint64_t(rank[i]) << 32 | i);
  }
  const auto later = std::greater<uint64_t>();
  std::make_heap(heap.begin(), heap.end(), later);
  auto push = [&](uint32_t r, uint32_t i) {
    if (r == kNoRank) return;
    heap.push_back(uint64_t(r) << 32 | i);
    std::push_heap(heap.begin(), heap.end(), later);
  };
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const uint64_t key = heap.back();
    heap.pop_back();
    const uint32_t r = uint32_t(key >> 32), i = uint32_t(key);
    if (rank[i] != r) continue;  // stale: part i was merged away or its pair changed
    const uint32_t j = next[i];
    rank[j] = kDead;
    token[i] = r;
    next[i] = next[j];
    if (next[j] < n) prev[next[j]] = i;
    rank[i] = pair_rank(i);
    push(rank[i], i);
    if (i > 0) {
      const uint32_t p = prev[i];
      rank[p] = pair_rank(p);
      push(rank[p], p);
    }
  }
  for (uint32_t i = 0; i < n; i = next[i]) out->push_back(token[i]);
}

void ByteBpeModel::encode_piece_reference(std::string_view piece, std::vector<uint32_t>* out) const {
  if (piece.empty()) return;
  if (rank_of(piece) != kNoRank) {
    out->push_back(rank_of(piece));
    return;
  }
  std::vector<std::string> parts;
  for (char c : piece) parts.emplace_back(1, c);
  for (;;) {
    uint32_t best = kNoRank;
    size_t at = 0;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      const uint32_t r = rank_of(parts[i] + parts[i + 1]);
      if (r < best) {
        best = r;
        at = i;
      }
    }
    if (best == kNoRank) break;
    parts[at] += parts[at + 1];
    parts.erase(parts.begin() + long(at) + 1);
  }
  for (const std::string& p : parts) out->push_back(rank_of(p));
}

}  // namespace playground
