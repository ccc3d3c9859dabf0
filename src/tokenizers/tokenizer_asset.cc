#include "tokenizers/tokenizer_asset.h"

#include <cstring>

#include "common/asset_envelope.h"
#include "common/crc32.h"
#include "common/error.h"

namespace playground {
namespace {

constexpr const char* kKind = "tokenizer";

[[noreturn]] void fail(const std::string& what) { fail_asset(kKind, what); }

void put_u32(std::vector<uint8_t>* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(uint8_t(v >> (8 * i)));
}

void put_varint(std::vector<uint8_t>* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(uint8_t(v | 0x80));
    v >>= 7;
  }
  out->push_back(uint8_t(v));
}

// Reads the body with bounds checks; every overrun is reported as truncation.
class Reader {
 public:
  Reader(const uint8_t* p, size_t n) : p_(p), n_(n) {}
  size_t remaining() const { return n_ - pos_; }
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

 private:
  const uint8_t* p_;
  size_t n_;
  size_t pos_ = 0;
};

bool is_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

DecodedTokenizer decode_tokenizer_asset(const uint8_t* data, size_t size) {
  check_asset_start(kKind, data, size, kTokenizerAssetHeaderSize, "EPTK", kTokenizerAssetVersion);
  const uint32_t token_count = read_u32_le(data + 8);
  const uint32_t special_count = read_u32_le(data + 12);
  const uint32_t body_bytes = read_u32_le(data + 16);
  const uint32_t checksum = read_u32_le(data + 20);
  const uint32_t reserved = read_u32_le(data + 24);
  check_asset_size(kKind, size, uint64_t(body_bytes) + kTokenizerAssetHeaderSize);
  if (reserved != 0) fail("its reserved header field is not zero");
  check_asset_checksum(kKind, data + kTokenizerAssetHeaderSize, body_bytes, checksum);
  if (token_count < 256) fail("it holds " + std::to_string(token_count) + " tokens, fewer than the 256 bytes");
  if (token_count > body_bytes) fail("its token count " + std::to_string(token_count) + " is impossible for its size");
  if (special_count > 65536) fail("its special token count " + std::to_string(special_count) + " is implausible");

  Reader r(data + kTokenizerAssetHeaderSize, body_bytes);
  DecodedTokenizer out;
  const uint32_t name_len = r.u8("the name");
  out.name.assign(reinterpret_cast<const char*>(r.take(name_len, "the name")), name_len);
  if (!is_name(out.name)) fail("its name is empty or not made of [a-z0-9_]");
  const uint32_t pattern_len = r.u8("the pattern name");
  out.pattern.assign(reinterpret_cast<const char*>(r.take(pattern_len, "the pattern name")), pattern_len);
  if (out.pattern != "gpt2" && out.pattern != "cl100k" && out.pattern != "o200k") {
    fail("its pre-tokenizer \"" + out.pattern + "\" is not one of gpt2, cl100k, o200k");
  }
  out.bos_id = r.u32("the BOS id");
  out.eos_id = r.u32("the EOS id");

  out.tokens.resize(token_count);
  for (uint32_t i = 0; i < token_count; ++i) {
    const uint32_t len = r.varint("the token list");
    if (len > kMaxTokenBytes) {
      fail("token " + std::to_string(i) + " has length " + std::to_string(len) + " (allowed 0.." +
           std::to_string(kMaxTokenBytes) + ")");
    }
    out.tokens[i].assign(reinterpret_cast<const char*>(r.take(len, "the token list")), len);
  }
  for (uint32_t i = 0; i < special_count; ++i) {
    SpecialToken s;
    s.id = r.u32("the special tokens");
    const uint32_t len = r.u8("the special tokens");
    s.text.assign(reinterpret_cast<const char*>(r.take(len, "the special tokens")), len);
    if (s.text.empty()) fail("special token " + std::to_string(s.id) + " is empty");
    if ((s.id < token_count && !out.tokens[s.id].empty()) || s.id == kNoRank) {
      fail("special token " + s.text + " has id " + std::to_string(s.id) + ", which an ordinary token uses");
    }
    for (const SpecialToken& o : out.specials) {
      if (o.id == s.id || o.text == s.text) fail("special tokens " + o.text + " and " + s.text + " clash");
    }
    out.specials.push_back(std::move(s));
  }
  if (r.remaining() != 0) fail(std::to_string(r.remaining()) + " bytes follow the special tokens");
  for (uint32_t id : {out.bos_id, out.eos_id}) {
    if (id == kNoRank || (id < token_count && !out.tokens[id].empty())) continue;
    bool found = false;
    for (const SpecialToken& s : out.specials) found |= s.id == id;
    if (!found) fail("its BOS/EOS id " + std::to_string(id) + " is not a token");
  }
  return out;
}

std::vector<uint8_t> encode_tokenizer_asset(const DecodedTokenizer& t) {
  std::vector<uint8_t> body;
  body.push_back(uint8_t(t.name.size()));
  body.insert(body.end(), t.name.begin(), t.name.end());
  body.push_back(uint8_t(t.pattern.size()));
  body.insert(body.end(), t.pattern.begin(), t.pattern.end());
  put_u32(&body, t.bos_id);
  put_u32(&body, t.eos_id);
  for (const std::string& tok : t.tokens) {
    put_varint(&body, uint32_t(tok.size()));
    body.insert(body.end(), tok.begin(), tok.end());
  }
  for (const SpecialToken& s : t.specials) {
    put_u32(&body, s.id);
    body.push_back(uint8_t(s.text.size()));
    body.insert(body.end(), s.text.begin(), s.text.end());
  }
  std::vector<uint8_t> out = {'E', 'P', 'T', 'K'};
  put_u32(&out, kTokenizerAssetVersion);
  put_u32(&out, uint32_t(t.tokens.size()));
  put_u32(&out, uint32_t(t.specials.size()));
  put_u32(&out, uint32_t(body.size()));
  put_u32(&out, crc32(body.data(), body.size()));
  put_u32(&out, 0);
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

}  // namespace playground
