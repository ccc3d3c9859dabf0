#include "tokenizers/merge_bpe.h"

#include <algorithm>
#include <cstdio>

#include "common/error.h"
#include "common/utf8.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr uint64_t kEmptyKey = ~uint64_t(0);

[[noreturn]] void bad(const std::string& what) { throw Error(ErrorCode::kBadArgument, what); }

inline uint64_t pair_key(uint32_t a, uint32_t b) { return uint64_t(a) << 32 | b; }

inline uint64_t pair_hash(uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDull;
  k ^= k >> 33;
  return k;
}

}  // namespace

MergeBpeModel::MergeBpeModel(const std::vector<std::string>& tokens, const std::vector<MergeRule>& merges,
                             MergeBpeOptions options)
    : vocab_(tokens), options_(options) {
  for (int b = 0; b < 256; ++b) {
    byte_id_[b] = kNoToken;
    if (options_.byte_level) {
      const char c = char(b);
      byte_id_[b] = vocab_.find(std::string_view(&c, 1));
      if (byte_id_[b] == kNoToken) bad("The byte-level vocabulary lacks the single byte " + std::to_string(b));
    } else if (options_.byte_fallback) {
      char name[8];
      std::snprintf(name, sizeof name, "<0x%02X>", b);
      byte_id_[b] = vocab_.find(name);
    }
  }
  if (options_.unk_id != kNoToken && options_.unk_id >= tokens.size()) bad("The unknown token id is not a token");
  std::fill(std::begin(ascii_id_), std::end(ascii_id_), kNoToken);
  if (!options_.byte_level) {
    std::vector<std::pair<char32_t, uint32_t>> singles;
    for (uint32_t id = 0; id < tokens.size(); ++id) {
      const std::string& t = tokens[id];
      if (t.empty()) continue;
      const Utf8Char u = decode_utf8_at(t, 0);
      if (!u.valid || u.len != t.size()) continue;
      if (u.cp < 0x80) {
        ascii_id_[u.cp] = id;
      } else {
        singles.emplace_back(u.cp, id);
      }
    }
    size_t capacity = 16;
    while (capacity < singles.size() * 2) capacity <<= 1;
    char_ids_.assign(capacity, kEmptyKey);
    char_mask_ = capacity - 1;
    for (const auto& [cp, id] : singles) {
      uint64_t slot = pair_hash(cp) & char_mask_;
      while (char_ids_[slot] != kEmptyKey) slot = (slot + 1) & char_mask_;
      char_ids_[slot] = uint64_t(cp) << 32 | id;
    }
  }
  size_t capacity = 16;
  while (capacity < merges.size() * 2) capacity <<= 1;
  merges_.assign(capacity, Slot{kEmptyKey, 0, 0});
  mask_ = capacity - 1;
  for (uint32_t rank = 0; rank < merges.size(); ++rank) {
    const MergeRule m = merges[rank];
    if (m.left >= tokens.size() || m.right >= tokens.size() || tokens[m.left].empty() || tokens[m.right].empty()) {
      bad("Merge " + std::to_string(rank) + " joins an id that is not a token");
    }
    const uint32_t result = vocab_.find(tokens[m.left] + tokens[m.right]);
    if (result == kNoToken) bad("Merge " + std::to_string(rank) + " makes something that is not a token");
    const uint64_t key = pair_key(m.left, m.right);
    uint64_t slot = pair_hash(key) & mask_;
    while (merges_[slot].key != kEmptyKey) {
      if (merges_[slot].key == key) bad("Merge " + std::to_string(rank) + " repeats an earlier merge");
      slot = (slot + 1) & mask_;
    }
    merges_[slot] = Slot{key, rank, result};
  }
  merge_count_ = merges.size();
}

std::pair<uint32_t, uint32_t> MergeBpeModel::merge(uint32_t left, uint32_t right) const {
  const uint64_t key = pair_key(left, right);
  for (uint64_t slot = pair_hash(key) & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = merges_[slot];
    if (s.key == key) return {s.rank, s.result};
    if (s.key == kEmptyKey) return {kNoToken, kNoToken};
  }
}

uint32_t MergeBpeModel::char_id(char32_t cp) const {
  if (cp < 0x80) return ascii_id_[cp];
  for (uint64_t slot = pair_hash(cp) & char_mask_;; slot = (slot + 1) & char_mask_) {
    const uint64_t e = char_ids_[slot];
    if (e == kEmptyKey) return kNoToken;
    if (e >> 32 == cp) return uint32_t(e);
  }
}

// HF's BPE::merge_word: characters (or bytes) to ids, byte fallback, unknowns fused or not.
size_t MergeBpeModel::initial_symbols(std::string_view word, Symbol* symbols) const {
  size_t n = 0;
  if (options_.byte_level) {
    for (char c : word) symbols[n++] = {byte_id_[uint8_t(c)], 1};
    return n;
  }
  uint32_t unk_length = 0;  // pending unknown characters (bytes)
  auto flush_unk = [&] {
    if (unk_length) symbols[n++] = {options_.unk_id, unk_length};
    unk_length = 0;
  };
  for (size_t pos = 0; pos < word.size();) {
    uint32_t id;
    uint8_t len = 1;
    if (uint8_t(word[pos]) < 0x80) {
      id = ascii_id_[uint8_t(word[pos])];
    } else {
      const Utf8Char u = decode_utf8_at(word, pos);
      len = u.len;
      id = u.valid ? char_id(u.cp) : vocab_.find(word.substr(pos, 1));
    }
    const std::string_view ch = word.substr(pos, len);
    pos += len;
    if (id != kNoToken) {
      flush_unk();
      symbols[n++] = {id, len};
      continue;
    }
    if (options_.byte_fallback) {
      bool all = true;
      for (char c : ch) all = all && byte_id_[uint8_t(c)] != kNoToken;
      if (all) {
        flush_unk();  // HF adds a pending unk before the next known symbol only; bytes count as known
        for (char c : ch) symbols[n++] = {byte_id_[uint8_t(c)], 1};
        continue;
      }
    }
    if (options_.unk_id == kNoToken) continue;  // HF drops characters it cannot represent
    if (!options_.fuse_unk) flush_unk();
    unk_length += len;
  }
  flush_unk();
  return n;
}

// The flat scan of tiktoken's _byte_pair_merge, with HF's pair ranks: each round merges the
// lowest-ranked adjacent pair (leftmost on ties) and re-ranks the two pairs it changed.
size_t MergeBpeModel::merge_small(Symbol* s, size_t n) const {
  uint32_t rank[kLargeWordSymbols], result[kLargeWordSymbols];
  auto rerank = [&](size_t i) {
    const auto m = merge(s[i].id, s[i + 1].id);
    rank[i] = m.first;
    result[i] = m.second;
  };
  for (size_t i = 0; i + 1 < n; ++i) rerank(i);
  while (n > 1) {
    uint32_t best = kNoToken;
    size_t at = 0;
    for (size_t i = 0; i + 1 < n; ++i) {
      if (rank[i] < best) {
        best = rank[i];
        at = i;
      }
    }
    if (best == kNoToken) break;
    s[at] = {result[at], s[at].length + s[at + 1].length};
    for (size_t i = at + 1; i + 1 < n; ++i) {
      s[i] = s[i + 1];
      rank[i] = rank[i + 1];
      result[i] = result[i + 1];
    }
    --n;
    if (at + 1 < n) rerank(at);
    if (at > 0) rerank(at - 1);
  }
  return n;
}

// HF's Word::merge_all: a linked list of symbols and a min-heap of (rank, position) with lazy
// invalidation, O(n log n) on any word (a SentencePiece model sees a whole line of text without
// spaces as one word).
void MergeBpeModel::merge_large(std::vector<Symbol>* symbols) const {
  std::vector<Symbol>& s = *symbols;
  const uint32_t n = uint32_t(s.size());
  std::vector<uint32_t> next(n), prev(n), rank(n, kNoToken), result(n, kNoToken);
  for (uint32_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  std::vector<uint64_t> heap;
  heap.reserve(n);
  const auto later = std::greater<uint64_t>();
  auto pair_at = [&](uint32_t i) {
    const uint32_t j = next[i];
    if (j >= n) {
      rank[i] = kNoToken;
      return;
    }
    const auto m = merge(s[i].id, s[j].id);
    rank[i] = m.first;
    result[i] = m.second;
    if (m.first != kNoToken) {
      heap.push_back(uint64_t(m.first) << 32 | i);
      std::push_heap(heap.begin(), heap.end(), later);
    }
  };
  for (uint32_t i = 0; i + 1 < n; ++i) pair_at(i);
  constexpr uint32_t kDead = kNoToken - 1;
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const uint64_t key = heap.back();
    heap.pop_back();
    const uint32_t r = uint32_t(key >> 32), i = uint32_t(key);
    if (rank[i] != r) continue;  // stale
    const uint32_t j = next[i];
    s[i] = {result[i], s[i].length + s[j].length};
    rank[j] = kDead;
    next[i] = next[j];
    if (next[j] < n) prev[next[j]] = i;
    pair_at(i);
    if (i > 0) pair_at(prev[i]);
  }
  size_t out = 0;
  for (uint32_t i = 0; i < n; i = next[i]) s[out++] = s[i];
  s.resize(out);
}

void MergeBpeModel::encode_word(std::string_view word, std::vector<uint32_t>* ids,
                                std::vector<uint32_t>* lengths) const {
  if (word.empty()) return;
  if (options_.ignore_merges) {
    const uint32_t whole = vocab_.find(word);
    if (whole != kNoToken) {
      ids->push_back(whole);
      if (lengths) lengths->push_back(uint32_t(word.size()));
      return;
    }
  }
  auto emit = [&](const Symbol* s, size_t n) {
    for (size_t k = 0; k < n; ++k) {
      ids->push_back(s[k].id);
      if (lengths) lengths->push_back(s[k].length);
    }
  };
  // A word has at most one symbol per byte: short words stay on the stack.
  Symbol stack[kStackBytes];
  std::vector<Symbol> heap;
  Symbol* symbols = stack;
  if (word.size() > kStackBytes) {
    heap.resize(word.size());
    symbols = heap.data();
  }
  size_t n = initial_symbols(word, symbols);
  if (n < kLargeWordSymbols) {
    n = merge_small(symbols, n);
  } else {
    if (heap.empty()) heap.assign(symbols, symbols + n);
    heap.resize(n);
    merge_large(&heap);
    symbols = heap.data();
    n = heap.size();
  }
  emit(symbols, n);
}

void MergeBpeModel::encode_word_reference(std::string_view word, std::vector<uint32_t>* ids) const {
  if (word.empty()) return;
  if (options_.ignore_merges && vocab_.find(word) != kNoToken) {
    ids->push_back(vocab_.find(word));
    return;
  }
  std::vector<Symbol> s(word.size());
  s.resize(initial_symbols(word, s.data()));
  for (;;) {
    uint32_t best = kNoToken;
    size_t at = 0;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      const uint32_t r = merge(s[i].id, s[i + 1].id).first;
      if (r < best) {
        best = r;
        at = i;
      }
    }
    if (best == kNoToken) break;
    s[at] = {merge(s[at].id, s[at + 1].id).second, s[at].length + s[at + 1].length};
    s.erase(s.begin() + long(at) + 1);
  }
  for (const Symbol& sym : s) ids->push_back(sym.id);
}

}  // namespace playground
