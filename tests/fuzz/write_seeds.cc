// Writes every fuzz target's seeds (fuzz_targets.h) as files DIR/<target>/seed-<n>, the starting
// corpus of the libFuzzer binaries. Usage: playground_fuzz_seeds DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_targets.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  for (const playground::fuzz::TargetInfo& target : playground::fuzz::all_targets()) {
    const std::filesystem::path dir = std::filesystem::path(argv[1]) / target.name;
    std::filesystem::create_directories(dir);
    int n = 0;
    for (const std::vector<uint8_t>& seed : playground::fuzz::seeds(target.name)) {
      std::ofstream(dir / ("seed-" + std::to_string(n++)), std::ios::binary)
          .write(reinterpret_cast<const char*>(seed.data()), std::streamsize(seed.size()));
    }
  }
  return 0;
}
