// The seeded mutation fuzz test: for every target of fuzz_targets.h, kMutations mutants of its
// seeds (bit flips, byte and header-field overwrites with boundary values, insertions, erasures,
// truncations, duplications and splices; half the asset mutants with their CRC-32 rewritten so
// the checks behind it are reached), each of which must be accepted or refused with
// playground::Error. The same seeds give the same mutants on every machine (playground::Random).
// A failure prints the target, the mutant's index and bytes, to replay it.
//
// PLAYGROUND_FUZZ_MUTATIONS overrides the count (the WebAssembly build under Node runs fewer).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>

#include "common/random.h"
#include "fuzz_targets.h"
#include "test_fixtures.h"

namespace playground::fuzz {
namespace {

#ifndef PLAYGROUND_FUZZ_DEFAULT_MUTATIONS
#define PLAYGROUND_FUZZ_DEFAULT_MUTATIONS 100000
#endif

size_t mutation_count() {
  const char* env = std::getenv("PLAYGROUND_FUZZ_MUTATIONS");
  return env ? size_t(std::strtoull(env, nullptr, 10)) : size_t(PLAYGROUND_FUZZ_DEFAULT_MUTATIONS);
}

constexpr size_t kMaxMutantBytes = 1 << 16;

// Values at the edges of what the parsers check: counts, sizes, lengths, ids.
uint32_t interesting_u32(Random* rng, size_t size) {
  static const uint32_t kValues[] = {0,     1,     2,      3,      4,          24,         28,        255,
                                     256,   257,   1024,   1025,   4096,       4097,       65535,     65536,
                                     65537, 50256, 100256, 0x7FFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF};
  switch (rng->below(4)) {
    case 0: return uint32_t(size);
    case 1: return uint32_t(size - std::min<size_t>(size, rng->below(2) ? 24 : 28));
    case 2: return uint32_t(rng->next());
    default: return kValues[rng->below(sizeof kValues / sizeof kValues[0])];
  }
}

void mutate_once(std::vector<uint8_t>* m, const std::vector<std::vector<uint8_t>>& pool, Random* rng) {
  static const uint8_t kBytes[] = {0, 1, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF, '\n', ' ', '+', '-', '<', '|'};
  const size_t size = m->size();
  const auto at = [&](size_t extra) { return size_t(rng->below(size + extra)); };
  switch (rng->below(10)) {
    case 0:
      if (size) (*m)[at(0)] ^= uint8_t(1 << rng->below(8));
      break;
    case 1:
      if (size) (*m)[at(0)] = uint8_t(rng->next());
      break;
    case 2:
      if (size) (*m)[at(0)] = kBytes[rng->below(sizeof kBytes)];
      break;
    case 3:  // a header field (offsets 4..24)
      if (size >= 28) write_u32_le(m->data() + 4 * (1 + rng->below(6)), interesting_u32(rng, size));
      break;
    case 4: {  // insert 1..8 bytes
      const size_t pos = at(1);
      for (uint64_t n = 1 + rng->below(8); n > 0; --n) m->insert(m->begin() + long(pos), uint8_t(rng->next()));
      break;
    }
    case 5:  // erase 1..16 bytes
      if (size) {
        const size_t pos = at(0);
        m->erase(m->begin() + long(pos), m->begin() + long(std::min<size_t>(size, pos + 1 + size_t(rng->below(16)))));
      }
      break;
    case 6:  // truncate
      m->resize(at(1));
      break;
    case 7:  // duplicate a range elsewhere
      if (size) {
        const size_t from = at(0);
        const size_t len = std::min<size_t>(size - from, 1 + rng->below(32));
        const std::vector<uint8_t> chunk(m->begin() + long(from), m->begin() + long(from + len));
        m->insert(m->begin() + long(at(1)), chunk.begin(), chunk.end());
      }
      break;
    case 8: {  // splice: this input's head, another seed's tail
      const std::vector<uint8_t>& other = pool[rng->below(pool.size())];
      const size_t cut = at(1);
      const size_t from = size_t(rng->below(other.size() + 1));
      m->resize(cut);
      m->insert(m->end(), other.begin() + long(from), other.end());
      break;
    }
    default:  // a u32 anywhere (token lengths, special ids, scales)
      if (size >= 4) write_u32_le(m->data() + at(0) / 4 * 4 % (size - 3), interesting_u32(rng, size));
      break;
  }
  if (m->size() > kMaxMutantBytes) m->resize(kMaxMutantBytes);
}

std::string hex(const std::vector<uint8_t>& bytes) {
  std::string out;
  char buf[4];
  for (size_t i = 0; i < std::min<size_t>(bytes.size(), 512); ++i) {
    std::snprintf(buf, sizeof buf, "%02x", bytes[i]);
    out += buf;
  }
  return out + (bytes.size() > 512 ? "..." : "");
}

class Mutations : public ::testing::TestWithParam<TargetInfo> {};

}  // namespace

// How GoogleTest names a target in its messages.
void PrintTo(const TargetInfo& target, std::ostream* os) { *os << target.name; }

namespace {

TEST_P(Mutations, AcceptOrRefuseWithPlaygroundError) {
  const TargetInfo& target = GetParam();
  const std::vector<std::vector<uint8_t>> pool = seeds(target.name);
  ASSERT_FALSE(pool.empty());
  uint64_t seed = 0xCBF29CE484222325ULL;  // FNV-1a of the name: one stream per target, everywhere
  for (const char* c = target.name; *c; ++c) seed = (seed ^ uint8_t(*c)) * 0x100000001B3ULL;
  Random rng(seed);
  const size_t count = mutation_count();
  size_t accepted = 0;
  for (size_t i = 0; i < count; ++i) {
    std::vector<uint8_t> m = pool[rng.below(pool.size())];
    for (uint64_t n = 1 + rng.below(4); n > 0; --n) mutate_once(&m, pool, &rng);
    if (target.is_asset && rng.below(2)) testing::reseal(&m);
    try {
      accepted += target.run(m.data(), m.size()) == Outcome::kAccepted;
    } catch (const std::exception& e) {
      FAIL() << target.name << " mutant " << i << " (" << m.size() << " bytes): " << e.what() << "\n  " << hex(m);
    } catch (...) {
      FAIL() << target.name << " mutant " << i << ": a non-standard exception\n  " << hex(m);
    }
  }
  // Some mutants must get through, or the loop tests nothing but the first check.
  std::printf("  [fuzz] %-16s %zu mutants, %zu accepted\n", target.name, count, accepted);
  EXPECT_GT(accepted, count / 1000) << "too few mutants get past the first checks";
}

INSTANTIATE_TEST_SUITE_P(Parsers, Mutations, ::testing::ValuesIn(all_targets()),
                         [](const ::testing::TestParamInfo<TargetInfo>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace playground::fuzz
