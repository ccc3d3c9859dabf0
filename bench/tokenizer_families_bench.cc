// Native single-thread throughput of the tokenizer families (issue 11), for
// bench/tokenizer-families.mjs, which runs it on the same corpus as its JS comparison (the
// classic tokenizers have bench/tokenizer_bench.cc). Prints one line per tokenizer:
//   <name> <MB/s> <tokens> <CPU MB/s> <encode_spans MB/s> <load ms>
// MB/s is encode()'s, the median over `runs` of wall-clock time; CPU MB/s divides by the least
// process CPU time of the runs instead, which is what to quote while other jobs share the
// machine. Both asset formats load: "EPTK" 1 (Tokenizer) and 2 (PipelineTokenizer, issue 11).
// BENCH_SPANS=0 in the environment skips encode_spans (its column is then 0).
// Usage: playground_tokenizer_families_bench CORPUS_FILE ASSET_DIR [runs] [name...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "tokenizers/pipeline_tokenizer.h"
#include "tokenizers/tokenizer.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + t.tv_nsec * 1e-9;
}

struct Timing {
  double wall;  // median seconds
  double cpu;   // least CPU seconds
};

Timing measure(int runs, const std::function<void()>& run) {
  run();  // warm-up
  std::vector<double> wall, cpu;
  for (int r = 0; r < runs; ++r) {
    const double c0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    run();
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(cpu_seconds() - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu.front()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS_FILE ASSET_DIR [runs] [name...]\n", argv[0]);
    return 2;
  }
  const std::string text = read_file(argv[1]);
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  std::vector<std::string> names(argv + std::min(argc, 4), argv + argc);
  if (names.empty()) names = {"bert_base_uncased", "llama2", "mistral", "gemma3", "qwen3", "deepseek_v3", "o200k_harmony"};
  const char* spans_env = std::getenv("BENCH_SPANS");
  const bool with_spans = !(spans_env && std::string(spans_env) == "0");
  const double mb = text.size() / 1e6;
  for (const std::string& name : names) {
    const std::string asset = read_file(std::string(argv[2]) + "/" + name + ".bin");
    if (asset.size() < 8) {
      std::fprintf(stderr, "%s: cannot read %s.bin\n", name.c_str(), name.c_str());
      return 1;
    }
    const auto* data = reinterpret_cast<const uint8_t*>(asset.data());
    size_t tokens = 0;
    Timing ids{}, spans{};
    const double load0 = cpu_seconds();
    double load_ms = 0;
    auto bench = [&](const auto& t) {
      load_ms = (cpu_seconds() - load0) * 1e3;
      ids = measure(runs, [&] { tokens = t.encode(text).size(); });
      if (with_spans) spans = measure(runs, [&] { t.encode_spans(text); });
    };
    if (asset[4] == 2) {
      bench(playground::PipelineTokenizer::from_asset(data, asset.size()));
    } else {
      bench(playground::Tokenizer::from_asset(data, asset.size()));
    }
    std::printf("%s %.2f %zu %.2f %.2f %.0f\n", name.c_str(), mb / ids.wall, tokens, mb / ids.cpu,
                with_spans ? mb / spans.wall : 0.0, load_ms);
    std::fflush(stdout);
  }
  return 0;
}
