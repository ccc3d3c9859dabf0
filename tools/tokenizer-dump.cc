// Development tool for tools/tokenizer-diff.mjs: encodes every text of a corpus file with one
// tokenizer asset and writes the ids, so a Node script can compare them with npm `tiktoken`
// and `@lenml/tokenizers`. The CMake target playground_tokenizer_dump (native configure, built
// only on request; tokenizer-diff.mjs asks for it):
//
//   cmake --build build/native --target playground_tokenizer_dump
//   build/native/playground_tokenizer_dump assets/tokenizers/cl100k_base.bin corpus.bin ids.bin [all]
//
// With "all", special-token strings in the text are encoded as special tokens (as Hugging Face
// tokenizers always do with added tokens); otherwise they are plain text (encode_ordinary).
// corpus.bin: records of u32 byte length + UTF-8 bytes. ids.bin: per record, u32 count + u32
// ids (little-endian). Also prints the encode throughput on stderr.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/little_endian.h"
#include "tokenizers/tokenizer.h"

namespace {

std::vector<uint8_t> read_all(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && !(argc == 5 && std::string(argv[4]) == "all")) {
    std::fprintf(stderr, "usage: %s ASSET CORPUS OUT [all]\n", argv[0]);
    return 2;
  }
  try {
    const std::vector<uint8_t> asset = read_all(argv[1]);
    const playground::Tokenizer tok = playground::Tokenizer::from_asset(asset.data(), asset.size());
    const std::vector<uint8_t> corpus = read_all(argv[2]);
    playground::EncodeOptions options;
    options.allow_special = argc == 5;
    std::vector<uint8_t> out;
    size_t bytes = 0, records = 0;
    double seconds = 0;
    for (size_t pos = 0; pos + 4 <= corpus.size();) {
      const uint32_t len = playground::read_u32_le(&corpus[pos]);
      const std::string_view text(reinterpret_cast<const char*>(&corpus[pos + 4]), len);
      pos += 4 + len;
      const auto t0 = std::chrono::steady_clock::now();
      const std::vector<uint32_t> ids = tok.encode(text, options);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (tok.decode(ids) != text) std::fprintf(stderr, "record %zu does not round-trip\n", records);
      playground::append_u32_le(&out, uint32_t(ids.size()));
      for (uint32_t id : ids) playground::append_u32_le(&out, id);
      bytes += len;
      ++records;
    }
    std::ofstream(argv[3], std::ios::binary).write(reinterpret_cast<const char*>(out.data()), long(out.size()));
    std::fprintf(stderr, "%s: %zu texts, %.2f MB in %.3f s (%.1f MB/s)\n", tok.name().c_str(), records,
                 bytes / 1e6, seconds, seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  } catch (const playground::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
