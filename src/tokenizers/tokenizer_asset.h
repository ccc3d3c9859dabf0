// Reads the playground's tokenizer asset (format "EPTK" version 1, documented in
// assets/tokenizers/README.md and written by tools/build-tokenizers.mjs): the ordinary tokens
// as length-prefixed bytes in rank order, the special tokens with their ids, the name of the
// pre-tokenizer pattern, and the BOS/EOS ids where the model has them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tokenizers/byte_bpe.h"

namespace playground {

inline constexpr uint32_t kTokenizerAssetVersion = 1;
inline constexpr size_t kTokenizerAssetHeaderSize = 28;
inline constexpr uint32_t kMaxTokenBytes = 1024;

struct DecodedTokenizer {
  std::string name;                   // e.g. "cl100k_base"
  std::string pattern;                // pre-tokenizer: "gpt2", "cl100k" or "o200k"
  std::vector<std::string> tokens;    // tokens[rank]; empty for an unused rank
  std::vector<SpecialToken> specials;
  uint32_t bos_id = kNoRank;          // kNoRank when the model has none
  uint32_t eos_id = kNoRank;
};

// Validates the file (magic, version, sizes, checksum, names, token lengths, special ids,
// BOS/EOS ids) and decodes it. Throws playground::Error(kBadAsset) naming the problem. The
// vocabulary's own consistency (no duplicate token, all 256 bytes present) is checked where
// the hash table is built, by ByteBpeModel, which Tokenizer::from_asset reports as kBadAsset.
DecodedTokenizer decode_tokenizer_asset(const uint8_t* data, size_t size);

// The asset bytes of `tokenizer` (the same bytes tools/build-tokenizers.mjs writes); used by
// the tests to build tiny assets in code.
std::vector<uint8_t> encode_tokenizer_asset(const DecodedTokenizer& tokenizer);

}  // namespace playground
