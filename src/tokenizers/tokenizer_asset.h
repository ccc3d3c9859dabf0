// Reads the playground's tokenizer asset (format "EPTK" version 1, documented in
// assets/tokenizers/README.md and written by tools/build-tokenizers.mjs; its header is read by
// common/asset_envelope.h): the ordinary tokens as length-prefixed bytes in rank order, the
// special tokens with their ids, the name of the pre-tokenizer pattern, and the BOS/EOS ids
// where the model has them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/asset_envelope.h"
#include "tokenizers/byte_bpe.h"

namespace playground {

inline constexpr uint32_t kMaxTokenBytes = 1024;

struct DecodedTokenizer {
  std::string name;                   // e.g. "cl100k_base"
  std::string pattern;                // pre-tokenizer: "gpt2", "cl100k" or "o200k"
  std::vector<std::string> tokens;    // tokens[rank]; empty for an unused rank
  std::vector<SpecialToken> specials;
  uint32_t bos_id = kNoRank;          // kNoRank when the model has none
  uint32_t eos_id = kNoRank;
};

// Validates the file (magic, version, sizes, checksum, names, token lengths) and decodes it.
// Throws playground::Error(kBadAsset) naming the problem. The vocabulary's own consistency (no
// duplicate token, all 256 bytes present, special ids free and distinct, BOS/EOS tokens) is
// checked once, where the model is built (ByteBpeModel, Tokenizer), which Tokenizer::from_asset
// reports as kBadAsset.
DecodedTokenizer decode_tokenizer_asset(const uint8_t* data, size_t size);

// The asset bytes of `tokenizer` (the same bytes tools/build-tokenizers.mjs writes); used by
// the tests to build tiny assets in code.
std::vector<uint8_t> encode_tokenizer_asset(const DecodedTokenizer& tokenizer);

}  // namespace playground
