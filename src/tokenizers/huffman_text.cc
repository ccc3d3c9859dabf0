#include "tokenizers/huffman_text.h"

#include <algorithm>
#include <array>

#include "common/error.h"

namespace playground {
namespace {

constexpr uint32_t kEnd = 256;       // the end-of-text symbol
constexpr uint32_t kContexts = 257;  // bytes 0..255 and "start of text"

[[noreturn]] void bad(const std::string& what) { throw Error(ErrorCode::kBadArgument, what); }

// Code lengths of the symbols with non-zero `counts` (two-queue Huffman; see the header).
std::vector<uint8_t> code_lengths(const std::vector<uint64_t>& counts) {
  std::vector<uint32_t> leaves;
  for (uint32_t s = 0; s < counts.size(); ++s) {
    if (counts[s]) leaves.push_back(s);
  }
  std::stable_sort(leaves.begin(), leaves.end(), [&](uint32_t a, uint32_t b) { return counts[a] < counts[b]; });
  std::vector<uint8_t> lengths(counts.size(), 0);
  if (leaves.size() == 1) {
    lengths[leaves[0]] = 1;
    return lengths;
  }
  // Nodes 0..n-1 are the leaves in order, then the internal nodes in creation order.
  const size_t n = leaves.size();
  std::vector<uint64_t> weight(2 * n);
  std::vector<uint32_t> parent(2 * n, 0);
  for (size_t i = 0; i < n; ++i) weight[i] = counts[leaves[i]];
  size_t next_leaf = 0, next_inner = n, made = n;
  auto take = [&]() {
    if (next_leaf < n && (next_inner == made || weight[next_leaf] <= weight[next_inner])) return next_leaf++;
    return next_inner++;
  };
  while (made < 2 * n - 1) {
    const size_t a = take(), b = take();
    weight[made] = weight[a] + weight[b];
    parent[a] = parent[b] = uint32_t(made);
    ++made;
  }
  std::vector<uint32_t> depth(2 * n - 1, 0);
  for (size_t i = 2 * n - 2; i-- > 0;) depth[i] = depth[parent[i]] + 1;
  for (size_t i = 0; i < n; ++i) {
    if (depth[i] > kHuffmanMaxBits) bad("a Huffman code would be longer than 24 bits");
    lengths[leaves[i]] = uint8_t(depth[i]);
  }
  return lengths;
}

// Canonical codes: symbols ordered by (length, symbol) take consecutive values.
struct CanonicalCode {
  std::array<uint32_t, kHuffmanMaxBits + 1> count{}, first{}, offset{};
  std::vector<uint16_t> symbols;  // by (length, symbol)
};

CanonicalCode canonical(const std::vector<std::pair<uint32_t, uint8_t>>& symbol_lengths) {
  CanonicalCode c;
  for (const auto& [symbol, length] : symbol_lengths) ++c.count[length];
  uint64_t kraft = 0;
  for (uint32_t len = 1; len <= kHuffmanMaxBits; ++len) kraft += uint64_t(c.count[len]) << (kHuffmanMaxBits - len);
  if (kraft > (uint64_t(1) << kHuffmanMaxBits)) bad("its Huffman code lengths do not form a prefix code");
  uint32_t code = 0, at = 0;
  for (uint32_t len = 1; len <= kHuffmanMaxBits; ++len) {
    c.first[len] = code;
    c.offset[len] = at;
    code = (code + c.count[len]) << 1;
    at += c.count[len];
  }
  std::vector<std::pair<uint32_t, uint8_t>> sorted = symbol_lengths;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : a.first < b.first;
  });
  for (const auto& [symbol, length] : sorted) c.symbols.push_back(uint16_t(symbol));
  return c;
}

void put_u16(std::vector<uint8_t>* out, uint32_t v) {
  out->push_back(uint8_t(v));
  out->push_back(uint8_t(v >> 8));
}

}  // namespace

void encode_huffman_texts(const std::vector<std::string_view>& texts, std::vector<uint8_t>* out) {
  std::vector<std::vector<uint64_t>> counts(kContexts, std::vector<uint64_t>(kContexts, 0));
  for (std::string_view t : texts) {
    if (t.empty()) bad("an empty text cannot be Huffman coded");
    uint32_t prev = kEnd;
    for (char ch : t) {
      ++counts[prev][uint8_t(ch)];
      prev = uint8_t(ch);
    }
    ++counts[prev][kEnd];
  }
  std::vector<std::vector<uint32_t>> codes(kContexts, std::vector<uint32_t>(kContexts, 0));
  std::vector<std::vector<uint8_t>> lengths(kContexts);
  std::vector<uint32_t> used;
  for (uint32_t ctx = 0; ctx < kContexts; ++ctx) {
    if (std::none_of(counts[ctx].begin(), counts[ctx].end(), [](uint64_t n) { return n != 0; })) continue;
    used.push_back(ctx);
    lengths[ctx] = code_lengths(counts[ctx]);
    std::vector<std::pair<uint32_t, uint8_t>> sl;
    for (uint32_t s = 0; s < kContexts; ++s) {
      if (lengths[ctx][s]) sl.emplace_back(s, lengths[ctx][s]);
    }
    const CanonicalCode c = canonical(sl);
    std::array<uint32_t, kHuffmanMaxBits + 1> next = c.first;
    for (uint16_t s : c.symbols) codes[ctx][s] = next[lengths[ctx][s]]++;
  }
  put_u16(out, uint32_t(used.size()));
  for (uint32_t ctx : used) {
    put_u16(out, ctx);
    out->push_back(lengths[ctx][kEnd]);
    uint32_t bytes = 0;
    for (uint32_t s = 0; s < 256; ++s) bytes += lengths[ctx][s] != 0;
    put_u16(out, bytes);
    for (uint32_t s = 0; s < 256; ++s) {
      if (!lengths[ctx][s]) continue;
      out->push_back(uint8_t(s));
      out->push_back(lengths[ctx][s]);
    }
  }
  std::vector<uint8_t> stream;
  uint64_t bits = 0;
  auto put_code = [&](uint32_t code, uint32_t length) {
    for (uint32_t k = length; k-- > 0; ++bits) {
      if ((bits & 7) == 0) stream.push_back(0);
      if (code >> k & 1) stream.back() |= uint8_t(0x80 >> (bits & 7));
    }
  };
  for (std::string_view t : texts) {
    uint32_t prev = kEnd;
    for (char ch : t) {
      put_code(codes[prev][uint8_t(ch)], lengths[prev][uint8_t(ch)]);
      prev = uint8_t(ch);
    }
    put_code(codes[prev][kEnd], lengths[prev][kEnd]);
  }
  if (bits > 0xFFFFFFFFu) bad("the Huffman-coded texts are larger than 512 MiB");
  for (int i = 0; i < 4; ++i) out->push_back(uint8_t(bits >> (8 * i)));
  out->insert(out->end(), stream.begin(), stream.end());
}

std::vector<std::string> decode_huffman_texts(const uint8_t* data, size_t size, size_t count,
                                              size_t max_text_bytes, size_t* used) {
  size_t pos = 0;
  auto need = [&](size_t n) {
    if (n > size - pos) bad("the Huffman-coded texts are cut short");
  };
  auto u8 = [&]() {
    need(1);
    return uint32_t(data[pos++]);
  };
  auto u16 = [&]() {
    need(2);
    const uint32_t v = uint32_t(data[pos]) | uint32_t(data[pos + 1]) << 8;
    pos += 2;
    return v;
  };
  std::vector<CanonicalCode> codes(kContexts);
  std::vector<bool> present(kContexts, false);
  const uint32_t contexts = u16();
  for (uint32_t i = 0; i < contexts; ++i) {
    const uint32_t ctx = u16();
    if (ctx >= kContexts || present[ctx]) bad("a Huffman context is out of range or repeated");
    present[ctx] = true;
    std::vector<std::pair<uint32_t, uint8_t>> sl;
    const uint32_t end_length = u8();
    if (end_length) sl.emplace_back(kEnd, uint8_t(end_length));
    const uint32_t bytes = u16();
    if (bytes > 256) bad("a Huffman context has more than 256 byte symbols");
    int last = -1;
    for (uint32_t k = 0; k < bytes; ++k) {
      const uint32_t symbol = u8(), length = u8();
      if (int(symbol) <= last) bad("the byte symbols of a Huffman context are not in increasing order");
      last = int(symbol);
      sl.emplace_back(symbol, uint8_t(length));
    }
    for (const auto& [symbol, length] : sl) {
      if (length < 1 || length > kHuffmanMaxBits) bad("a Huffman code length is not 1..24");
    }
    if (sl.empty()) bad("a Huffman context has no symbols");
    codes[ctx] = canonical(sl);
  }
  need(4);
  const uint64_t bits = uint64_t(data[pos]) | uint64_t(data[pos + 1]) << 8 | uint64_t(data[pos + 2]) << 16 |
                        uint64_t(data[pos + 3]) << 24;
  pos += 4;
  need(size_t((bits + 7) / 8));
  const uint8_t* stream = data + pos;
  uint64_t bit = 0;
  std::vector<std::string> texts(count);
  for (std::string& t : texts) {
    uint32_t ctx = kEnd;
    for (;;) {
      if (!present[ctx]) bad("a Huffman context the texts use has no code");
      const CanonicalCode& c = codes[ctx];
      uint32_t code = 0, symbol = kContexts;
      for (uint32_t len = 1; len <= kHuffmanMaxBits; ++len) {
        if (bit >= bits) bad("the Huffman-coded texts end inside a text");
        code = code << 1 | (stream[bit >> 3] >> (7 - (bit & 7)) & 1);
        ++bit;
        if (code - c.first[len] < c.count[len]) {
          symbol = c.symbols[c.offset[len] + code - c.first[len]];
          break;
        }
      }
      if (symbol == kContexts) bad("the Huffman-coded texts hold a bit pattern no code has");
      if (symbol == kEnd) break;
      if (t.size() == max_text_bytes) bad("a Huffman-coded text is longer than " + std::to_string(max_text_bytes) + " bytes");
      t += char(symbol);
      ctx = symbol;
    }
    if (t.empty()) bad("a Huffman-coded text is empty");
  }
  if (bit != bits) bad("bits are left over after the Huffman-coded texts");
  *used = pos + size_t((bits + 7) / 8);
  return texts;
}

}  // namespace playground
