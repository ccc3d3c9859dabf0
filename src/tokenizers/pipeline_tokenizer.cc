#include "tokenizers/pipeline_tokenizer.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "common/error.h"
#include "common/utf8.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr std::string_view kMetaspaceUtf8 = "\xE2\x96\x81";  // ▁

inline bool starts_metaspace(std::string_view s, size_t i) {
  return i + 3 <= s.size() && s[i] == kMetaspaceUtf8[0] && s[i + 1] == kMetaspaceUtf8[1] && s[i + 2] == kMetaspaceUtf8[2];
}

// "<0xNN>" -> NN, or -1 (HF's ByteFallback decoder test).
int byte_token_value(std::string_view t) {
  if (t.size() != 6 || t.compare(0, 3, "<0x") != 0 || t[5] != '>') return -1;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  const int hi = hex(t[3]), lo = hex(t[4]);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

// The tokens of the pieces met so far in one encode call, keyed by the piece's bytes (copied
// into the cache, since a segment's normalized text is overwritten by the next one). Natural
// text repeats its words; tiktoken measured a 95 % hit rate for the same idea (openai/tiktoken
// PR #319). Open addressing with the key's hash high half as a fingerprint, grown at load 1/2.
class PieceCache {
 public:
  // Pieces longer than this are encoded every time (they rarely repeat).
  static constexpr size_t kMaxPieceBytes = 64;

  explicit PieceCache(bool with_lengths) : with_lengths_(with_lengths) { slots_.assign(1024, Slot{}); }

  // Appends the cached tokens of `piece` (hash `h`) and returns true, or returns false.
  bool find(std::string_view piece, uint64_t h, std::vector<uint32_t>* ids, std::vector<uint32_t>* lengths) const {
    const uint32_t tag = uint32_t(h >> 32) | 1;
    for (size_t i = size_t(h) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& e = slots_[i];
      if (e.tag == 0) return false;
      if (e.tag == tag && e.key_size == piece.size() && keys_.compare(e.key, e.key_size, piece) == 0) {
        for (uint32_t k = e.offset; k < e.offset + e.count; ++k) ids->push_back(ids_[k]);
        if (lengths) lengths->insert(lengths->end(), lengths_.begin() + e.offset, lengths_.begin() + e.offset + e.count);
        return true;
      }
    }
  }

  void insert(std::string_view piece, uint64_t h, const uint32_t* ids, const uint32_t* lengths, size_t count) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const Slot e{uint32_t(h >> 32) | 1, uint32_t(keys_.size()), uint32_t(piece.size()), uint32_t(ids_.size()),
                 uint32_t(count), uint32_t(h)};
    keys_.append(piece);
    ids_.insert(ids_.end(), ids, ids + count);
    if (with_lengths_) lengths_.insert(lengths_.end(), lengths, lengths + count);
    place(e);
    ++used_;
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // hash high half | 1; 0 = empty
    uint32_t key, key_size, offset, count;
    uint32_t low;      // hash low half, for re-placing on growth
  };
  void place(const Slot& e) {
    size_t i = e.low & (slots_.size() - 1);
    while (slots_[i].tag != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = e;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& e : old) {
      if (e.tag != 0) place(e);
    }
  }

  bool with_lengths_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
  std::string keys_;
  std::vector<uint32_t> ids_, lengths_;
};

}  // namespace

// Per-call state of encode: buffers reused across segments and pieces, and the piece cache.
struct PipelineTokenizer::Scratch {
  explicit Scratch(bool with_lengths) : cache(with_lengths) {}
  std::string norm;
  std::vector<std::pair<uint32_t, uint32_t>> pieces;
  std::vector<uint32_t> lengths;
  PieceCache cache;
};

PipelineTokenizer PipelineTokenizer::from_asset(const uint8_t* data, size_t size) {
  DecodedPipeline p = decode_pipeline_asset(data, size);
  try {
    return PipelineTokenizer(std::move(p));
  } catch (const Error& e) {
    throw Error(ErrorCode::kBadAsset, std::string("Invalid tokenizer file: ") + e.what());
  }
}

PipelineTokenizer::PipelineTokenizer(DecodedPipeline pipeline) : p_(std::move(pipeline)) {
  if (p_.model == PipelineModel::kWordPiece) {
    wordpiece_ = std::make_unique<WordPieceModel>(p_.tokens, p_.bpe.unk_id);
    if (p_.pretokenizer != "bert") throw Error(ErrorCode::kBadArgument, "WordPiece needs the bert pre-tokenizer");
  } else {
    bpe_ = std::make_unique<MergeBpeModel>(p_.tokens, p_.merges, p_.bpe);
    if (!p_.pretokenizer.empty()) {
      has_pretokenizer_ = true;
      pretokenizer_ = pretokenizer_kind_from_name(p_.pretokenizer);
    } else if (p_.decoder == PipelineDecoder::kMetaspace || p_.decoder == PipelineDecoder::kMetaspaceStrip) {
      for (const std::string& t : p_.tokens) {
        for (size_t i = 1; i + 3 <= t.size(); ++i) {
          if (starts_metaspace(t, i) && !(i >= 3 && starts_metaspace(t, i - 3))) {
            bridging_tokens_.push_back(t);
            break;
          }
        }
      }
    }
  }
  vocab_size_ = uint32_t(p_.tokens.size());
  trie_.emplace_back();
  for (size_t k = 0; k < p_.added.size(); ++k) {
    const AddedToken& a = p_.added[k];
    vocab_size_ = std::max(vocab_size_, a.id + 1);
    uint32_t node = 0;
    for (char ch : a.text) {
      uint32_t next = kNoToken;
      for (const auto& [edge, child] : trie_[node].children) {
        if (edge == uint8_t(ch)) next = child;
      }
      if (next == kNoToken) {
        next = uint32_t(trie_.size());
        trie_[node].children.emplace_back(uint8_t(ch), next);
        trie_.emplace_back();
      }
      node = next;
    }
    trie_[node].added = int32_t(k);
    added_first_byte_[uint8_t(a.text[0])] = true;
  }
  for (int b = 0; b < 256; ++b) {
    if (!added_first_byte_[b]) continue;
    single_first_byte_ = single_first_byte_ == -1 ? b : -2;
  }
}

const char* PipelineTokenizer::family() const {
  if (wordpiece_) return "wordpiece";
  return p_.bpe.byte_level ? "byte_level_bpe" : "sentencepiece_bpe";
}

std::string_view PipelineTokenizer::token_text(uint32_t id) const {
  if (id < p_.tokens.size() && !p_.tokens[id].empty()) return p_.tokens[id];
  for (const AddedToken& a : p_.added) {
    if (a.id == id) return a.text;
  }
  throw Error(ErrorCode::kBadArgument, "Token id " + std::to_string(id) + " is not in this tokenizer's vocabulary (ids 0.." +
                                           std::to_string(vocab_size_ - 1) + ")");
}

std::pair<size_t, uint32_t> PipelineTokenizer::match_added(std::string_view text, size_t pos, bool allow_special) const {
  std::pair<size_t, uint32_t> best{0, kNoToken};
  uint32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    uint32_t next = kNoToken;
    for (const auto& [edge, child] : trie_[node].children) {
      if (edge == uint8_t(text[i])) next = child;
    }
    if (next == kNoToken) break;
    node = next;
    const int32_t k = trie_[node].added;
    if (k >= 0 && (allow_special || !p_.added[size_t(k)].special)) best = {i + 1 - pos, p_.added[size_t(k)].id};
  }
  return best;
}

void PipelineTokenizer::split_pieces(std::string_view norm, std::vector<std::pair<uint32_t, uint32_t>>* pieces) const {
  pieces->clear();
  if (wordpiece_) {
    bert_pre_tokenize(norm, pieces);
    return;
  }
  uint32_t start = 0;
  if (has_pretokenizer_) {
    for (size_t stop : pretokenize(pretokenizer_, norm)) {
      pieces->emplace_back(start, uint32_t(stop));
      start = uint32_t(stop);
    }
    return;
  }
  if (p_.decoder == PipelineDecoder::kMetaspace || p_.decoder == PipelineDecoder::kMetaspaceStrip) {
    // Cut before a "▁" that follows another character: no merge crosses there unless a bridging
    // token fits (Gemma 3 has one, ">▁</").
    for (size_t i = norm.find('\xE2', 1); i != std::string_view::npos; i = norm.find('\xE2', i + 1)) {
      if (!starts_metaspace(norm, i) || (i >= 3 && starts_metaspace(norm, i - 3))) continue;
      bool bridged = false;
      for (const std::string& t : bridging_tokens_) {
        for (size_t k = 1; k + 3 <= t.size() && !bridged; ++k) {
          if (starts_metaspace(t, k) && k <= i && norm.compare(i - k, t.size(), t) == 0) bridged = true;
        }
      }
      if (bridged) continue;
      pieces->emplace_back(start, uint32_t(i));
      start = uint32_t(i);
    }
  }
  pieces->emplace_back(start, uint32_t(norm.size()));
}

// Performance notes (this project's shared 2-core VM, g++ -O2; CPU time, because the machine
// was busy while measuring; bench/tokenizer-families.mjs):
// - encode() builds no alignment: normalize_utf8 returns the text itself where nothing changes
//   (no normalizer; NFC of text whose characters are NFC-inert) and handles ASCII by table
//   (BERT) or bytes ("▁" replacement); the aligned normalizer runs only on the short runs that
//   need it, and only encode_spans() builds per-byte offsets. Before, every call decoded the
//   text into 12-byte aligned characters, normalized those and rebuilt per-byte offset arrays:
//   2.4-6.3 MB/s.
// - The piece cache (above) answers most pieces of natural text; the rest go to the model,
//   which keeps short words on the stack (merge_bpe.cc) and finds characters by code point.
// - Added tokens are looked for only at bytes one of them starts with (added_first_byte_).
void PipelineTokenizer::encode_segment(std::string_view text, size_t begin, size_t end, Scratch* s,
                                       std::vector<uint32_t>* ids, std::vector<TokenSpan>* spans,
                                       bool reference) const {
  if (begin >= end) return;
  const std::string_view segment = text.substr(begin, end - begin);
  NormalizedText aligned;
  std::string_view norm;
  if (spans || reference) {
    std::vector<AlignedChar> chars = decode_aligned(segment, uint32_t(begin));
    normalize(p_.normalizer, &chars);
    aligned = to_normalized_text(chars);
    norm = aligned.text;
  } else {
    norm = normalize_utf8(p_.normalizer, segment, &s->norm);
  }
  split_pieces(norm, &s->pieces);
  std::vector<uint32_t> piece_ids;
  std::vector<uint32_t>* out = spans ? &piece_ids : ids;
  std::vector<uint32_t>* lengths = spans ? &s->lengths : nullptr;
  for (const auto& [a, b] : s->pieces) {
    const std::string_view piece = norm.substr(a, b - a);
    piece_ids.clear();
    if (lengths) lengths->clear();
    if (reference) {
      if (wordpiece_) {
        wordpiece_->encode_word(piece, out, nullptr);
      } else {
        bpe_->encode_word_reference(piece, out);
      }
      continue;
    }
    const bool cacheable = piece.size() <= PieceCache::kMaxPieceBytes;
    const uint64_t h = cacheable ? hash_bytes(piece) : 0;
    if (cacheable && s->cache.find(piece, h, out, lengths)) {
      // cached
    } else {
      const size_t before = out->size();
      if (wordpiece_) {
        wordpiece_->encode_word(piece, out, lengths);
      } else {
        bpe_->encode_word(piece, out, lengths);
      }
      if (cacheable) s->cache.insert(piece, h, out->data() + before, lengths ? lengths->data() : nullptr, out->size() - before);
    }
    if (!spans) continue;
    // Each token's range: from the first to the last input character of the bytes it covers.
    size_t at = a;
    for (size_t k = 0; k < piece_ids.size(); ++k) {
      const size_t stop_at = std::min<size_t>(at + (*lengths)[k], b);
      uint32_t first = at < aligned.start.size() ? aligned.start[at] : uint32_t(end), last = first;
      for (size_t i = at; i < stop_at; ++i) {
        first = std::min(first, aligned.start[i]);
        last = std::max(last, aligned.end[i]);
      }
      spans->push_back({piece_ids[k], first, last});
      at = stop_at;
    }
  }
}

void PipelineTokenizer::encode_impl(std::string_view text, const FamilyEncodeOptions& options,
                                    std::vector<uint32_t>* ids, std::vector<TokenSpan>* spans) const {
  if (text.size() >= 0xFFFFFFFFu) throw Error(ErrorCode::kBadArgument, "The text is larger than 4 GiB");
  auto emit = [&](uint32_t id, size_t start, size_t end) {
    if (spans) {
      spans->push_back({id, uint32_t(start), uint32_t(end)});
    } else {
      ids->push_back(id);
    }
  };
  if (options.add_special) {
    for (uint32_t id : p_.prefix) emit(id, 0, 0);
  }
  Scratch scratch(spans != nullptr);
  size_t plain = 0;
  if (trie_.size() > 1) {
    for (size_t pos = 0; pos < text.size(); ++pos) {
      if (single_first_byte_ >= 0) {
        // One byte starts every added token (Llama 2, Qwen 3, DeepSeek V3: '<'): memchr to it.
        const void* at = std::memchr(text.data() + pos, single_first_byte_, text.size() - pos);
        if (!at) break;
        pos = size_t(static_cast<const char*>(at) - text.data());
      } else if (!added_first_byte_[uint8_t(text[pos])]) {
        continue;
      }
      const auto [len, id] = match_added(text, pos, options.allow_special);
      if (len == 0) continue;
      encode_segment(text, plain, pos, &scratch, ids, spans, false);
      emit(id, pos, pos + len);
      plain = pos + len;
      pos = plain - 1;
    }
  }
  encode_segment(text, plain, text.size(), &scratch, ids, spans, false);
  if (options.add_special) {
    for (uint32_t id : p_.suffix) emit(id, text.size(), text.size());
  }
}

std::vector<uint32_t> PipelineTokenizer::encode(std::string_view text, const FamilyEncodeOptions& options) const {
  std::vector<uint32_t> ids;
  ids.reserve(text.size() / 2 + 4);  // tokens are rarely shorter than 2 bytes; untouched pages cost nothing
  encode_impl(text, options, &ids, nullptr);
  return ids;
}

std::vector<TokenSpan> PipelineTokenizer::encode_spans(std::string_view text, const FamilyEncodeOptions& options) const {
  std::vector<TokenSpan> spans;
  spans.reserve(text.size() / 3 + 4);
  encode_impl(text, options, nullptr, &spans);
  return spans;
}

std::vector<uint32_t> PipelineTokenizer::encode_reference(std::string_view text) const {
  if (text.size() >= 0xFFFFFFFFu) throw Error(ErrorCode::kBadArgument, "The text is larger than 4 GiB");
  Scratch scratch(false);
  std::vector<uint32_t> ids;
  encode_segment(text, 0, text.size(), &scratch, &ids, nullptr, true);
  return ids;
}

std::string PipelineTokenizer::decode_impl(const std::vector<uint32_t>& ids, bool well_formed) const {
  std::string out;
  if (p_.decoder == PipelineDecoder::kByteLevel) {
    for (uint32_t id : ids) out += token_text(id);
    return well_formed ? replace_invalid_utf8(out) : out;
  }
  if (p_.decoder == PipelineDecoder::kWordPiece) {
    std::vector<std::string_view> tokens;
    for (uint32_t id : ids) tokens.push_back(token_text(id));
    return wordpiece_decode(tokens);
  }
  // Metaspace: Replace("▁", " "), ByteFallback, Fuse, and Strip(" ", 1, 0) for Llama 2.
  std::string bytes;
  auto flush = [&] {
    if (bytes.empty()) return;
    if (well_formed && replace_invalid_utf8(bytes) != bytes) {
      for (size_t k = 0; k < bytes.size(); ++k) out += "\xEF\xBF\xBD";
    } else {
      out += bytes;
    }
    bytes.clear();
  };
  for (uint32_t id : ids) {
    const std::string_view t = token_text(id);
    const int b = byte_token_value(t);
    if (b >= 0) {
      bytes += char(b);
      continue;
    }
    flush();
    for (size_t i = 0; i < t.size();) {
      if (starts_metaspace(t, i)) {
        out += ' ';
        i += 3;
      } else {
        out += t[i++];
      }
    }
  }
  flush();
  if (p_.decoder == PipelineDecoder::kMetaspaceStrip && !out.empty() && out[0] == ' ') out.erase(0, 1);
  return out;
}

std::string PipelineTokenizer::decode(const std::vector<uint32_t>& ids) const { return decode_impl(ids, false); }

std::string PipelineTokenizer::decode_text(const std::vector<uint32_t>& ids) const { return decode_impl(ids, true); }

}  // namespace playground
