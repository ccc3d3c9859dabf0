#include "tokenizers/pipeline_asset.h"

#include <algorithm>
#include <unordered_map>

#include "common/asset_envelope.h"
#include "common/crc32.h"
#include "common/error.h"
#include "common/little_endian.h"
#include "common/utf8.h"
#include "tokenizers/huffman_text.h"
#include "tokenizers/token_table.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr uint32_t kMaxTokenBytes = 1024;

[[noreturn]] void fail(const std::string& what) { fail_asset(AssetKind::kTokenizer, what); }

class Reader {
 public:
  Reader(const uint8_t* p, size_t n) : p_(p), n_(n) {}
  size_t remaining() const { return n_ - pos_; }
  const uint8_t* here() const { return p_ + pos_; }
  const uint8_t* take(size_t count, const char* what) {
    if (count > remaining()) fail(std::string("it ends inside ") + what + " (truncated)");
    const uint8_t* at = p_ + pos_;
    pos_ += count;
    return at;
  }
  uint32_t u8(const char* what) { return *take(1, what); }
  uint32_t u32(const char* what) { return read_u32_le(take(4, what)); }
  uint32_t varint(const char* what) {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      const uint8_t b = *take(1, what);
      v |= uint32_t(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    fail(std::string("a length in ") + what + " is malformed");
  }
  std::string str8(const char* what) {
    const uint32_t n = u8(what);
    return std::string(reinterpret_cast<const char*>(take(n, what)), n);
  }

 private:
  const uint8_t* p_;
  size_t n_;
  size_t pos_ = 0;
};

void put_str8(std::vector<uint8_t>* out, const std::string& s) {
  out->push_back(uint8_t(s.size()));
  out->insert(out->end(), s.begin(), s.end());
}

uint32_t bits_for(uint32_t count) {
  uint32_t bits = 1;
  while (bits < 32 && (uint64_t(1) << bits) < count) ++bits;
  return bits;
}

size_t chars_in(const std::string& s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); pos += decode_utf8_at(s, pos).len) ++n;
  return n;
}

// Every split of a token into two tokens, ordered as the tokenizer.json converter ordered its
// merges (transformers' SentencePieceExtractor; the builder checks the result is the file's list).
std::vector<MergeRule> derive_all_splits(const std::vector<std::string>& tokens, MergeMode mode,
                                         const std::vector<std::pair<uint32_t, uint32_t>>& exceptions) {
  const TokenTable table(tokens);
  std::unordered_map<uint32_t, uint32_t> priority(exceptions.begin(), exceptions.end());
  struct Candidate {
    uint32_t priority, result, left, right, left_chars, right_chars;
  };
  std::vector<Candidate> all;
  for (uint32_t id = 0; id < tokens.size(); ++id) {
    const std::string& t = tokens[id];
    if (t.empty()) continue;
    const auto p = priority.find(id);
    const uint32_t prio = p == priority.end() ? default_merge_priority(id) : p->second;
    for (size_t k = decode_utf8_at(t, 0).len; k < t.size(); k += decode_utf8_at(t, k).len) {
      const uint32_t left = table.find(std::string_view(t).substr(0, k));
      if (left == kNoToken) continue;
      const uint32_t right = table.find(std::string_view(t).substr(k));
      if (right == kNoToken) continue;
      all.push_back({prio, id, left, right, 0, 0});
      if (mode == MergeMode::kAllSplitsByLength) {
        all.back().left_chars = uint32_t(chars_in(tokens[left]));
        all.back().right_chars = uint32_t(chars_in(tokens[right]));
      }
    }
  }
  if (mode == MergeMode::kAllSplitsByLeftId) {
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
      if (a.priority != b.priority) return a.priority < b.priority;
      if (a.result != b.result) return a.result < b.result;
      if (a.left != b.left) return a.left < b.left;
      return a.right < b.right;
    });
  } else if (mode == MergeMode::kAllSplitsByPairIds) {
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
      if (a.priority != b.priority) return a.priority < b.priority;
      if (a.left != b.left) return a.left < b.left;
      return a.right < b.right;
    });
  } else {
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
      if (a.priority != b.priority) return a.priority < b.priority;
      if (a.left_chars != b.left_chars) return a.left_chars > b.left_chars;
      if (a.right_chars != b.right_chars) return a.right_chars > b.right_chars;
      if (a.result != b.result) return a.result < b.result;
      return a.left < b.left;
    });
  }
  std::vector<MergeRule> merges;
  merges.reserve(all.size());
  for (const Candidate& c : all) merges.push_back({c.left, c.right});
  return merges;
}

}  // namespace

DecodedPipeline decode_pipeline_asset(const uint8_t* data, size_t size) {
  const AssetHeader header = read_asset_header(data, size, AssetKind::kTokenizer);
  if (header.version != kPipelineAssetVersion) {
    fail("it has format version " + std::to_string(header.version) + "; this reader takes version " +
         std::to_string(kPipelineAssetVersion) + " (version 1 is a byte-level BPE tokenizer, read by Tokenizer)");
  }
  check_asset_body(header, data, size);
  const uint32_t token_count = header.token_count;
  const uint32_t added_count = header.special_count;
  const size_t body_bytes = size - header.header_size;
  if (token_count > body_bytes) fail("its token count " + std::to_string(token_count) + " is impossible for its size");
  if (added_count > 65536) fail("its added token count " + std::to_string(added_count) + " is implausible");

  Reader r(data + header.header_size, body_bytes);
  DecodedPipeline p;
  p.name = r.str8("the name");
  if (p.name.empty()) fail("its name is empty");
  for (char c : p.name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) fail("its name is not made of [a-z0-9_]");
  }
  const uint32_t model = r.u8("the model kind");
  if (model != 1 && model != 2) fail("its model kind " + std::to_string(model) + " is not 1 (BPE) or 2 (WordPiece)");
  p.model = PipelineModel(model);
  const uint32_t normalizer = r.u8("the normalizer");
  if (normalizer > 4) fail("its normalizer " + std::to_string(normalizer) + " is unknown");
  p.normalizer = NormalizerKind(normalizer);
  p.pretokenizer = r.str8("the pre-tokenizer");
  const uint32_t decoder = r.u8("the decoder");
  if (decoder > 3) fail("its decoder " + std::to_string(decoder) + " is unknown");
  p.decoder = PipelineDecoder(decoder);
  const uint32_t flags = r.u8("the flags");
  if (flags > 15) fail("its flags " + std::to_string(flags) + " are unknown");
  p.bpe.byte_level = flags & 1;
  p.bpe.byte_fallback = flags & 2;
  p.bpe.ignore_merges = flags & 4;
  p.bpe.fuse_unk = flags & 8;
  p.bpe.unk_id = r.u32("the unknown token id");
  p.bos_id = r.u32("the BOS id");
  p.eos_id = r.u32("the EOS id");
  for (auto* list : {&p.prefix, &p.suffix}) {
    const uint32_t n = r.u8("the template");
    for (uint32_t i = 0; i < n; ++i) list->push_back(r.u32("the template"));
  }
  const uint32_t mode = r.u8("the merge mode");
  if (mode > 4) fail("its merge mode " + std::to_string(mode) + " is unknown");
  if ((mode == 0) != (p.model == PipelineModel::kWordPiece)) fail("its merge mode does not fit its model");
  const uint32_t id_bits = r.u8("the id width");
  if (id_bits < bits_for(token_count) || id_bits > 32) fail("its id width " + std::to_string(id_bits) + " is wrong");
  const uint32_t text_coding = r.u8("the text coding");
  if (text_coding > 1) fail("its text coding " + std::to_string(text_coding) + " is unknown");

  // Token table: a bitmap of pair tokens, their bit-packed (left, right), then the text tokens.
  const uint8_t* bitmap = r.take((token_count + 7) / 8, "the token bitmap");
  uint32_t pair_count = 0;
  for (uint32_t id = 0; id < token_count; ++id) pair_count += bitmap[id >> 3] >> (id & 7) & 1;
  const uint64_t pair_bits = uint64_t(pair_count) * 2 * id_bits;
  const uint8_t* packed = r.take(size_t((pair_bits + 7) / 8), "the pair tokens");
  uint64_t bit = 0;
  auto read_bits = [&]() {
    uint32_t v = 0;
    for (uint32_t k = 0; k < id_bits; ++k, ++bit) v |= uint32_t(packed[bit >> 3] >> (bit & 7) & 1) << k;
    return v;
  };
  p.tokens.resize(token_count);
  std::vector<std::string> texts;
  size_t next_text = 0;
  if (TextCoding(text_coding) == TextCoding::kHuffman) {
    size_t used = 0;
    try {
      texts = decode_huffman_texts(r.here(), r.remaining(), token_count - pair_count, kMaxTokenBytes, &used);
    } catch (const Error& e) {
      fail(e.what());
    }
    r.take(used, "the text tokens");
  }
  std::vector<MergeRule> records;
  for (uint32_t id = 0; id < token_count; ++id) {
    if (bitmap[id >> 3] >> (id & 7) & 1) {
      const uint32_t left = read_bits(), right = read_bits();
      if (left >= id || right >= id || p.tokens[left].empty() || p.tokens[right].empty()) {
        fail("token " + std::to_string(id) + " is built from ids that are not earlier tokens");
      }
      p.tokens[id] = p.tokens[left] + p.tokens[right];
      if (p.tokens[id].size() > kMaxTokenBytes) fail("token " + std::to_string(id) + " is longer than 1024 bytes");
      records.push_back({left, right});
    } else if (TextCoding(text_coding) == TextCoding::kHuffman) {
      p.tokens[id] = std::move(texts[next_text++]);
    } else {
      const uint32_t len = r.varint("the text tokens");
      if (len == 0 || len > kMaxTokenBytes) fail("token " + std::to_string(id) + " has length " + std::to_string(len));
      p.tokens[id].assign(reinterpret_cast<const char*>(r.take(len, "the text tokens")), len);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> exceptions(r.u32("the merge priorities"));
  for (auto& e : exceptions) {
    e.first = r.u32("the merge priorities");
    e.second = r.u32("the merge priorities");
    if (e.first >= token_count) fail("a merge priority names token " + std::to_string(e.first) + ", out of range");
  }
  for (uint32_t i = 0; i < added_count; ++i) {
    AddedToken a;
    a.id = r.u32("the added tokens");
    const uint32_t f = r.u8("the added tokens");
    if (f > 1) fail("an added token has unknown flags");
    a.special = f & 1;
    a.text = r.str8("the added tokens");
    if (a.text.empty()) fail("added token " + std::to_string(a.id) + " is empty");
    if (a.id == kNoToken) fail("added token " + a.text + " has an invalid id");
    if (a.id < token_count && p.tokens[a.id] != a.text) {
      fail("added token " + a.text + " has id " + std::to_string(a.id) + ", which another token uses");
    }
    p.added.push_back(std::move(a));
  }
  if (r.remaining() != 0) fail(std::to_string(r.remaining()) + " bytes follow the added tokens");

  uint32_t vocab_size = token_count;
  for (const AddedToken& a : p.added) vocab_size = std::max(vocab_size, a.id + 1);
  auto is_id = [&](uint32_t id) {
    if (id < token_count) return true;
    for (const AddedToken& a : p.added) {
      if (a.id == id) return true;
    }
    return false;
  };
  for (uint32_t id : {p.bos_id, p.eos_id, p.bpe.unk_id}) {
    if (id != kNoToken && !is_id(id)) fail("its BOS/EOS/unknown id " + std::to_string(id) + " is not a token");
  }
  for (const auto* list : {&p.prefix, &p.suffix}) {
    for (uint32_t id : *list) {
      if (!is_id(id)) fail("its template id " + std::to_string(id) + " is not a token");
    }
  }
  if (p.model == PipelineModel::kWordPiece && p.bpe.unk_id >= token_count) fail("a WordPiece model needs an unknown token");
  switch (MergeMode(mode)) {
    case MergeMode::kNone: break;
    case MergeMode::kPairRecords: p.merges = std::move(records); break;
    case MergeMode::kAllSplitsByLeftId:
    case MergeMode::kAllSplitsByLength:
    case MergeMode::kAllSplitsByPairIds:
      try {
        p.merges = derive_all_splits(p.tokens, MergeMode(mode), exceptions);
      } catch (const Error& e) {
        fail(e.what());
      }
      break;
  }
  return p;
}

std::vector<uint8_t> encode_pipeline_asset(const PipelineAssetParts& parts) {
  const DecodedPipeline& p = parts.pipeline;
  const uint32_t n = uint32_t(p.tokens.size());
  const uint32_t id_bits = bits_for(n);
  std::vector<uint8_t> body;
  put_str8(&body, p.name);
  body.push_back(uint8_t(p.model));
  body.push_back(uint8_t(p.normalizer));
  put_str8(&body, p.pretokenizer);
  body.push_back(uint8_t(p.decoder));
  body.push_back(uint8_t(p.bpe.byte_level | p.bpe.byte_fallback << 1 | p.bpe.ignore_merges << 2 | p.bpe.fuse_unk << 3));
  append_u32_le(&body, p.bpe.unk_id);
  append_u32_le(&body, p.bos_id);
  append_u32_le(&body, p.eos_id);
  for (const auto* list : {&p.prefix, &p.suffix}) {
    body.push_back(uint8_t(list->size()));
    for (uint32_t id : *list) append_u32_le(&body, id);
  }
  body.push_back(uint8_t(parts.merge_mode));
  body.push_back(uint8_t(id_bits));
  body.push_back(uint8_t(parts.text_coding));
  auto is_pair = [&](uint32_t id) { return id < parts.pairs.size() && parts.pairs[id].left != kNoToken; };
  std::vector<uint8_t> bitmap((n + 7) / 8, 0), packed;
  uint64_t bit = 0;
  for (uint32_t id = 0; id < n; ++id) {
    if (!is_pair(id)) continue;
    bitmap[id >> 3] |= uint8_t(1 << (id & 7));
    for (uint32_t v : {parts.pairs[id].left, parts.pairs[id].right}) {
      for (uint32_t k = 0; k < id_bits; ++k, ++bit) {
        if (packed.size() <= (bit >> 3)) packed.push_back(0);
        packed[bit >> 3] |= uint8_t((v >> k & 1) << (bit & 7));
      }
    }
  }
  body.insert(body.end(), bitmap.begin(), bitmap.end());
  body.insert(body.end(), packed.begin(), packed.end());
  if (parts.text_coding == TextCoding::kHuffman) {
    std::vector<std::string_view> texts;
    for (uint32_t id = 0; id < n; ++id) {
      if (!is_pair(id)) texts.push_back(p.tokens[id]);
    }
    encode_huffman_texts(texts, &body);
  } else {
    for (uint32_t id = 0; id < n; ++id) {
      if (is_pair(id)) continue;
      append_varint(&body, uint32_t(p.tokens[id].size()));
      body.insert(body.end(), p.tokens[id].begin(), p.tokens[id].end());
    }
  }
  append_u32_le(&body, uint32_t(parts.priorities.size()));
  for (const auto& [id, prio] : parts.priorities) {
    append_u32_le(&body, id);
    append_u32_le(&body, prio);
  }
  for (const AddedToken& a : p.added) {
    append_u32_le(&body, a.id);
    body.push_back(a.special ? 1 : 0);
    put_str8(&body, a.text);
  }
  std::vector<uint8_t> out = {'E', 'P', 'T', 'K'};
  append_u32_le(&out, kPipelineAssetVersion);
  append_u32_le(&out, n);
  append_u32_le(&out, uint32_t(p.added.size()));
  append_u32_le(&out, uint32_t(body.size()));
  append_u32_le(&out, crc32(body.data(), body.size()));
  append_u32_le(&out, 0);
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

}  // namespace playground
