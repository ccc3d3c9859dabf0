#include "tokenizers/pipeline_tokenizer.h"

#include <algorithm>
#include <unordered_map>

#include "common/error.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr std::string_view kMetaspaceUtf8 = "\xE2\x96\x81";  // ▁

bool starts_metaspace(std::string_view s, size_t i) { return s.compare(i, 3, kMetaspaceUtf8) == 0; }

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

// Ids and covered lengths of the pieces met so far in one encode call (natural text repeats its
// words; tiktoken measured a 95 % hit rate for the same idea, openai/tiktoken PR #319).
struct PieceCache {
  std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>> seen;
  std::vector<uint32_t> ids, lengths;
};

}  // namespace

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

void PipelineTokenizer::encode_segment(std::string_view text, size_t begin, size_t end, std::vector<TokenSpan>* out,
                                       bool reference) const {
  if (begin >= end) return;
  std::vector<AlignedChar> chars = decode_aligned(text.substr(begin, end - begin), uint32_t(begin));
  normalize(p_.normalizer, &chars);
  std::vector<uint32_t> ids, lengths;
  if (wordpiece_) {
    std::string word;
    std::vector<uint32_t> starts, ends;
    for (const auto& [first, last] : bert_pre_tokenize(chars)) {
      word.clear();
      starts.clear();
      ends.clear();
      for (size_t i = first; i < last; ++i) {
        const size_t before = word.size();
        append_utf8(chars[i].cp, &word);
        starts.insert(starts.end(), word.size() - before, chars[i].start);
        ends.insert(ends.end(), word.size() - before, chars[i].end);
      }
      ids.clear();
      lengths.clear();
      wordpiece_->encode_word(word, &ids, &lengths);
      size_t at = 0;
      for (size_t k = 0; k < ids.size(); ++k) {
        uint32_t s = starts[at], e = ends[at];
        for (size_t b = at; b < at + lengths[k]; ++b) {
          s = std::min(s, starts[b]);
          e = std::max(e, ends[b]);
        }
        out->push_back({ids[k], s, e});
        at += lengths[k];
      }
    }
    return;
  }
  const NormalizedText n = to_normalized_text(chars);
  const std::string_view norm = n.text;
  // Piece ends: the pre-tokenizer's, or (SentencePiece) cuts before a "▁" that follows another
  // character, which no merge can cross unless a bridging token fits there.
  std::vector<size_t> piece_ends;
  if (has_pretokenizer_) {
    piece_ends = pretokenize(pretokenizer_, norm);
  } else if (p_.decoder == PipelineDecoder::kMetaspace || p_.decoder == PipelineDecoder::kMetaspaceStrip) {
    for (size_t i = 1; i < norm.size(); ++i) {
      if (!starts_metaspace(norm, i) || (i >= 3 && starts_metaspace(norm, i - 3))) continue;
      bool bridged = false;
      for (const std::string& t : bridging_tokens_) {
        for (size_t k = 1; k + 3 <= t.size() && !bridged; ++k) {
          if (starts_metaspace(t, k) && k <= i && norm.compare(i - k, t.size(), t) == 0) bridged = true;
        }
      }
      if (!bridged) piece_ends.push_back(i);
    }
    piece_ends.push_back(norm.size());
  } else {
    piece_ends.push_back(norm.size());
  }
  PieceCache cache;
  size_t start = 0;
  for (size_t stop : piece_ends) {
    const std::string_view piece = norm.substr(start, stop - start);
    ids.clear();
    lengths.clear();
    if (reference) {
      bpe_->encode_word_reference(piece, &ids);
      for (uint32_t id : ids) lengths.push_back(uint32_t(token_text(id).size()));
      // Byte-fallback and unknown tokens do not spell their input; the reference is for ids only.
    } else if (const auto it = cache.seen.find(piece); it != cache.seen.end()) {
      ids.assign(cache.ids.begin() + it->second.first, cache.ids.begin() + it->second.first + it->second.second);
      lengths.assign(cache.lengths.begin() + it->second.first, cache.lengths.begin() + it->second.first + it->second.second);
    } else {
      bpe_->encode_word(piece, &ids, &lengths);
      if (piece.size() <= 256) {
        cache.seen.emplace(piece, std::make_pair(uint32_t(cache.ids.size()), uint32_t(ids.size())));
        cache.ids.insert(cache.ids.end(), ids.begin(), ids.end());
        cache.lengths.insert(cache.lengths.end(), lengths.begin(), lengths.end());
      }
    }
    size_t at = start;
    for (size_t k = 0; k < ids.size(); ++k) {
      const size_t stop_at = std::min(at + lengths[k], stop);
      uint32_t s = at < n.start.size() ? n.start[at] : uint32_t(end), e = s;
      for (size_t b = at; b < stop_at; ++b) {
        s = std::min(s, n.start[b]);
        e = std::max(e, n.end[b]);
      }
      out->push_back({ids[k], s, e});
      at = stop_at;
    }
    start = stop;
  }
}

std::vector<TokenSpan> PipelineTokenizer::encode_spans(std::string_view text, const FamilyEncodeOptions& options) const {
  if (text.size() >= 0xFFFFFFFFu) throw Error(ErrorCode::kBadArgument, "The text is larger than 4 GiB");
  std::vector<TokenSpan> spans;
  spans.reserve(text.size() / 3 + 4);
  if (options.add_special) {
    for (uint32_t id : p_.prefix) spans.push_back({id, 0, 0});
  }
  size_t plain = 0;
  if (trie_.size() > 1) {
    for (size_t pos = 0; pos < text.size();) {
      const auto [len, id] = match_added(text, pos, options.allow_special);
      if (len == 0) {
        ++pos;
        continue;
      }
      encode_segment(text, plain, pos, &spans, false);
      spans.push_back({id, uint32_t(pos), uint32_t(pos + len)});
      pos += len;
      plain = pos;
    }
  }
  encode_segment(text, plain, text.size(), &spans, false);
  if (options.add_special) {
    for (uint32_t id : p_.suffix) spans.push_back({id, uint32_t(text.size()), uint32_t(text.size())});
  }
  return spans;
}

std::vector<uint32_t> PipelineTokenizer::encode(std::string_view text, const FamilyEncodeOptions& options) const {
  std::vector<uint32_t> ids;
  for (const TokenSpan& s : encode_spans(text, options)) ids.push_back(s.id);
  return ids;
}

std::vector<uint32_t> PipelineTokenizer::encode_reference(std::string_view text) const {
  std::vector<TokenSpan> spans;
  encode_segment(text, 0, text.size(), &spans, !wordpiece_);
  std::vector<uint32_t> ids;
  for (const TokenSpan& s : spans) ids.push_back(s.id);
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
