// Fuzz targets over every parser of the core that takes outside bytes: the asset header, the
// vector and tokenizer assets, token id lists (decode), free expressions, and text for the
// tokenizers. Each target runs one input and returns whether it was accepted or refused with
// playground::Error; anything else escapes: another exception type, a crash, or a broken
// invariant of the result (thrown as InvariantBroken). Two drivers share them: the seeded
// mutation test (mutation_test.cc, in CTest) and the libFuzzer entry point (libfuzzer_main.cc,
// under -DEMBEDDING_PLAYGROUND_FUZZ=ON with clang).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace playground::fuzz {

// A result that breaks the parser's contract (a decoded asset that does not say what its header
// says, a decode that does not round-trip, ...).
class InvariantBroken : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

enum class Outcome { kAccepted, kRefused };

using Target = Outcome (*)(const uint8_t* data, size_t size);

struct TargetInfo {
  const char* name;  // as in the test names and the libFuzzer binaries: fuzz_<name>
  Target run;
  // Asset targets: the mutation driver also rewrites the body's CRC-32 of half the mutants, so
  // the checks behind the checksum are reached (the targets themselves also try a resealed copy).
  bool is_asset;
};

// read_asset_header on the bytes as they are.
Outcome asset_header(const uint8_t* data, size_t size);
// decode_vector_asset and VectorStore::from_asset, then a few queries on what loaded; the same
// for a copy whose CRC-32 is made to match.
Outcome vector_asset(const uint8_t* data, size_t size);
// Tokenizer::from_asset, then encode/decode round trips on what loaded; the same for a copy whose
// CRC-32 is made to match.
Outcome tokenizer_asset(const uint8_t* data, size_t size);
// The bytes as little-endian u32 token ids, decoded by a tiny tokenizer and by gpt2.
Outcome token_ids(const uint8_t* data, size_t size);
// The bytes as an expression: parse_expression over a toy vocabulary, then analogy() on it.
Outcome expression(const uint8_t* data, size_t size);
// The bytes as text: encode_spans with and without special tokens, word_tokenize, and the
// UTF-8 -> UTF-16 span mapping.
Outcome text(const uint8_t* data, size_t size);

// Every target, in a fixed order.
const std::vector<TargetInfo>& all_targets();

// The seed inputs of target `name`: small fixtures built in code and, for the asset targets, the
// committed assets' headers.
std::vector<std::vector<uint8_t>> seeds(const std::string& name);

}  // namespace playground::fuzz
