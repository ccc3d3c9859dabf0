// Native driver for the differential tests of the tokenizer families (tests/js/
// tokenizer-families.test.mjs) and their benchmark, until the JS API loads them: encodes
// length-prefixed UTF-8 texts from stdin with one asset and writes the results to stdout.
// CMake target playground_tokenize_cli (not built by default).
//
//   playground_tokenize_cli ASSET [--allow-special] [--add-special] [--spans] [--decode] < in > out
//
// stdin: records of u32 byte length + bytes (little-endian). stdout, per record: u32 count and
// count u32 ids; with --spans each id is followed by u32 start and u32 end (byte offsets); with
// --decode a u32 byte length and decode_text(ids) follow. stderr: texts, MB and MB/s of encode()
// (encode_spans, with --spans, is checked to give the same ids and exits 1 otherwise).
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
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s ASSET [--allow-special] [--add-special] [--spans] [--decode] < records\n", argv[0]);
    return 2;
  }
  bool allow = false, add = false, spans = false, decode = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--allow-special") allow = true;
    else if (a == "--add-special") add = true;
    else if (a == "--spans") spans = true;
    else if (a == "--decode") decode = true;
    else {
      std::fprintf(stderr, "unknown argument %s\n", a.c_str());
      return 2;
    }
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
    for (size_t pos = 0; pos + 4 <= input.size();) {
      const uint32_t len = u32(&input[pos]);
      if (pos + 4 + len > input.size()) throw playground::Error(playground::ErrorCode::kBadArgument, "truncated input record");
      const std::string_view text(reinterpret_cast<const char*>(&input[pos + 4]), len);
      pos += 4 + len;
      const auto t0 = std::chrono::steady_clock::now();
      std::vector<uint32_t> ids;
      std::vector<playground::TokenSpan> result;
      playground::FamilyEncodeOptions fo;
      fo.allow_special = allow;
      fo.add_special = add;
      playground::EncodeOptions co;
      co.allow_special = allow;
      co.add_bos = add && classic && classic->bos_id() != playground::kNoRank;
      ids = family ? family->encode(text, fo) : classic->encode(text, co);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (spans) {
        // encode_spans takes the aligned path: its ids must be encode()'s.
        result = family ? family->encode_spans(text, fo) : classic->encode_spans(text, co);
        bool same = result.size() == ids.size();
        for (size_t k = 0; same && k < ids.size(); ++k) same = result[k].id == ids[k];
        if (!same) throw playground::Error(playground::ErrorCode::kBadArgument, "encode and encode_spans differ on record " + std::to_string(records));
      }
      put(&out, uint32_t(ids.size()));
      for (size_t k = 0; k < ids.size(); ++k) {
        put(&out, ids[k]);
        if (spans) {
          put(&out, result[k].start);
          put(&out, result[k].end);
        }
      }
      if (decode) {
        const std::string d = family ? family->decode_text(ids) : classic->decode_text(ids);
        put(&out, uint32_t(d.size()));
        out += d;
      }
      bytes += len;
      ++records;
    }
    std::cout.write(out.data(), long(out.size()));
    std::fprintf(stderr, "%zu texts, %.3f MB, %.2f MB/s\n", records, bytes / 1e6, seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  } catch (const playground::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
