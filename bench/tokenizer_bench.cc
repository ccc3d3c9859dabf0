// Native single-thread tokenizer throughput, for `npm run bench` (bench/tokenizers.mjs runs it
// on the same corpus as the JS comparison). Prints one line per tokenizer:
//   <name> <MB/s> <tokens>
// Usage: playground_tokenizer_bench CORPUS_FILE ASSET_DIR [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tokenizers/tokenizer.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS_FILE ASSET_DIR [runs]\n", argv[0]);
    return 2;
  }
  const std::string text = read_file(argv[1]);
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  for (const char* name : {"gpt2", "cl100k_base", "o200k_base", "llama3"}) {
    const std::string asset = read_file(std::string(argv[2]) + "/" + name + ".bin");
    const playground::Tokenizer tokenizer =
        playground::Tokenizer::from_asset(reinterpret_cast<const uint8_t*>(asset.data()), asset.size());
    size_t tokens = tokenizer.encode(text).size();  // warm-up
    std::vector<double> seconds;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      tokens = tokenizer.encode(text).size();
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("%s %.2f %zu\n", name, text.size() / 1e6 / seconds[seconds.size() / 2], tokens);
  }
  return 0;
}
