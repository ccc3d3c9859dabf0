#include "tokenizers/tokenizer_asset.h"

#include "common/asset_envelope.h"
#include "common/crc32.h"
#include "common/error.h"
#include "common/little_endian.h"

namespace playground {
namespace {

[[noreturn]] void fail(const std::string& what) { fail_asset(AssetKind::kTokenizer, what); }


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
      if (shift == 28 && b > 0x0F) break;  // more than 32 bits
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
  const AssetHeader header = read_asset_header(data, size, AssetKind::kTokenizer);
  if (header.version != kTokenizerAssetVersion) {
    fail("it has format version " + std::to_string(header.version) + "; this reader takes version " +
         std::to_string(kTokenizerAssetVersion) + " (version 2 holds a normalizer + model pipeline, read by PipelineTokenizer)");
  }
  check_asset_body(header, data, size);
  const uint32_t token_count = header.token_count;

  Reader r(data + header.header_size, size - header.header_size);
  DecodedTokenizer out;
  const uint32_t name_len = r.u8("the name");
  out.name.assign(reinterpret_cast<const char*>(r.take(name_len, "the name")), name_len);
  if (!is_name(out.name)) fail("its name is empty or not made of [a-z0-9_]");
  const uint32_t pattern_len = r.u8("the pattern name");
  out.pattern.assign(reinterpret_cast<const char*>(r.take(pattern_len, "the pattern name")), pattern_len);
  if (out.pattern != "gpt2" && out.pattern != "cl100k" && out.pattern != "o200k") {
    fail("its pre-tokenizer " + quote(out.pattern) + " is not one of gpt2, cl100k, o200k");
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
  for (uint32_t i = 0; i < header.special_count; ++i) {
    SpecialToken s;
    s.id = r.u32("the special tokens");
    const uint32_t len = r.u8("the special tokens");
    s.text.assign(reinterpret_cast<const char*>(r.take(len, "the special tokens")), len);
    out.specials.push_back(std::move(s));
  }
  if (r.remaining() != 0) fail(std::to_string(r.remaining()) + " bytes follow the special tokens");
  return out;
}

std::vector<uint8_t> encode_tokenizer_asset(const DecodedTokenizer& t) {
  std::vector<uint8_t> body;
  body.push_back(uint8_t(t.name.size()));
  body.insert(body.end(), t.name.begin(), t.name.end());
  body.push_back(uint8_t(t.pattern.size()));
  body.insert(body.end(), t.pattern.begin(), t.pattern.end());
  append_u32_le(&body, t.bos_id);
  append_u32_le(&body, t.eos_id);
  for (const std::string& tok : t.tokens) {
    append_varint(&body, uint32_t(tok.size()));
    body.insert(body.end(), tok.begin(), tok.end());
  }
  for (const SpecialToken& s : t.specials) {
    append_u32_le(&body, s.id);
    body.push_back(uint8_t(s.text.size()));
    body.insert(body.end(), s.text.begin(), s.text.end());
  }
  std::vector<uint8_t> out = {'E', 'P', 'T', 'K'};
  append_u32_le(&out, kTokenizerAssetVersion);
  append_u32_le(&out, uint32_t(t.tokens.size()));
  append_u32_le(&out, uint32_t(t.specials.size()));
  append_u32_le(&out, uint32_t(body.size()));
  append_u32_le(&out, crc32(body.data(), body.size()));
  append_u32_le(&out, 0);
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

}  // namespace playground
