// Native driver for the differential tests of the tokenizer families (tests/js/
// tokenizer-families.test.mjs): encodes a batch of UTF-8 texts from stdin with one asset and
// writes the results to stdout, so a test pays one process start and one asset load per model.
// CMake target playground_tokenize_cli (not built by default).
//
//   playground_tokenize_cli ASSET < records > results
//
// stdin, per text: u8 flags (1 = allow special tokens, 2 = add the model's special tokens),
// u32 byte length, the bytes. stdout, per text: u32 count; count × (u32 id, u32 start, u32 end),
// the byte range of each token in the text; u32 byte length and decode_text(ids). All integers
// little-endian. The ids are encode()'s; encode_spans() (the aligned path) must give the same,
// or the driver exits 1 naming the text. stderr: texts, MB and MB/s of encode().
// Both asset versions load: "EPTK" 1 through Tokenizer, 2 through PipelineTokenizer.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "common/asset_envelope.h"
#include "common/error.h"
#include "tokenizers/pipeline_tokenizer.h"
#include "tokenizers/tokenizer.h"

namespace {

std::vector<uint8_t> read_all(std::istream& in) {
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

uint32_t u32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

void put(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) *out += char(v >> (8 * i));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s ASSET < records\n", argv[0]);
    return 2;
  }
  try {
    std::ifstream file(argv[1], std::ios::binary);
    const std::vector<uint8_t> asset = read_all(file);
    if (asset.size() < 8) throw playground::Error(playground::ErrorCode::kBadAsset, "cannot read the asset");
    std::unique_ptr<playground::PipelineTokenizer> family;
    std::unique_ptr<playground::Tokenizer> classic;
    if (u32(asset.data() + 4) == playground::kPipelineAssetVersion) {
      family = std::make_unique<playground::PipelineTokenizer>(playground::PipelineTokenizer::from_asset(asset.data(), asset.size()));
    } else {
      classic = std::make_unique<playground::Tokenizer>(playground::Tokenizer::from_asset(asset.data(), asset.size()));
    }
    std::ios::sync_with_stdio(false);
    const std::vector<uint8_t> input = read_all(std::cin);
    std::string out;
    size_t bytes = 0, records = 0;
    double seconds = 0;
    for (size_t pos = 0; pos < input.size(); ++records) {
      if (pos + 5 > input.size()) throw playground::Error(playground::ErrorCode::kBadArgument, "truncated input record");
      const uint8_t flags = input[pos];
      const uint32_t len = u32(&input[pos + 1]);
      if (pos + 5 + len > input.size()) throw playground::Error(playground::ErrorCode::kBadArgument, "truncated input record");
      const std::string_view text(reinterpret_cast<const char*>(&input[pos + 5]), len);
      pos += 5 + len;
      playground::FamilyEncodeOptions fo;
      fo.allow_special = flags & 1;
      fo.add_special = flags & 2;
      playground::EncodeOptions co;
      co.allow_special = flags & 1;
      co.add_bos = (flags & 2) && classic && classic->bos_id() != playground::kNoRank;
      const auto t0 = std::chrono::steady_clock::now();
      const std::vector<uint32_t> ids = family ? family->encode(text, fo) : classic->encode(text, co);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes += len;
      const std::vector<playground::TokenSpan> spans = family ? family->encode_spans(text, fo) : classic->encode_spans(text, co);
      bool same = spans.size() == ids.size();
      for (size_t k = 0; same && k < ids.size(); ++k) same = spans[k].id == ids[k];
      if (!same) {
        throw playground::Error(playground::ErrorCode::kBadArgument,
                                "encode and encode_spans differ on text " + std::to_string(records));
      }
      put(&out, uint32_t(ids.size()));
      for (const playground::TokenSpan& s : spans) {
        put(&out, s.id);
        put(&out, s.start);
        put(&out, s.end);
      }
      const std::string d = family ? family->decode_text(ids) : classic->decode_text(ids);
      put(&out, uint32_t(d.size()));
      out += d;
    }
    std::cout.write(out.data(), long(out.size()));
    std::fprintf(stderr, "%zu texts, %.3f MB, %.2f MB/s\n", records, bytes / 1e6, seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  } catch (const playground::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
