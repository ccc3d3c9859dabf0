// Reads and writes the tokenizer-family asset: format "EPTK" version 2 (version 1 is the
// byte-level rank format of tokenizer_asset.h), documented in assets/tokenizers/README.md and
// written by tools/build-tokenizer-families.mjs. It describes a Hugging Face tokenizer pipeline
// (normalizer, pre-tokenizer, BPE-with-merges or WordPiece model, decoder, post-processor
// template, added tokens) compactly: a token made of two earlier tokens is stored as their two
// ids (bit-packed), and the merge list is either those pairs in id order or re-derived from the
// vocabulary (every split of a token into two tokens, ordered by a rule and a few exceptions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tokenizers/merge_bpe.h"
#include "tokenizers/normalizer.h"

namespace playground {


enum class PipelineModel : uint8_t { kBpe = 1, kWordPiece = 2 };
enum class PipelineDecoder : uint8_t {
  kByteLevel = 0,       // token bytes concatenated
  kMetaspaceStrip = 1,  // "▁" -> " ", <0xNN> -> byte, then one leading space removed (Llama 2)
  kMetaspace = 2,       // the same without the strip (Gemma 3)
  kWordPiece = 3,       // "##" joins, spaces between words, cleanup (BERT)
};
// How the merge list is stored (see the README for the exact rules).
enum class MergeMode : uint8_t {
  kNone = 0,                 // WordPiece
  kPairRecords = 1,          // the pair tokens' (left, right) in id order are the merges, in rank order
  kAllSplitsByLeftId = 2,    // every two-token split; order (priority, result id, left id, right id)
  kAllSplitsByLength = 3,    // every two-token split; order (priority, left chars desc, right chars desc, result id, left id)
  kAllSplitsByPairIds = 4,   // every two-token split; order (priority, left id, right id)
};

// How the tokens stored as text are coded.
enum class TextCoding : uint8_t {
  kPlain = 0,    // each a LEB128 length and the bytes
  kHuffman = 1,  // all of them in one order-1 canonical Huffman block (huffman_text.h)
};

struct AddedToken {
  uint32_t id;
  std::string text;
  bool special;  // true: matched only when specials are allowed; false: always (as HF does)
};

struct DecodedPipeline {
  std::string name;                 // e.g. "llama2"
  PipelineModel model = PipelineModel::kBpe;
  NormalizerKind normalizer = NormalizerKind::kNone;
  std::string pretokenizer;         // "" (none), "bert", or a pretokenizer.h name
  PipelineDecoder decoder = PipelineDecoder::kByteLevel;
  MergeBpeOptions bpe;              // unk_id is also WordPiece's unknown token
  uint32_t bos_id = kNoToken;
  uint32_t eos_id = kNoToken;
  std::vector<uint32_t> prefix;     // ids the post-processor puts before the text (add_special)
  std::vector<uint32_t> suffix;     // and after it
  std::vector<std::string> tokens;  // tokens[id], bytes
  std::vector<MergeRule> merges;    // in rank order
  std::vector<AddedToken> added;
};

// Validates and decodes the file (envelope, enums, ids in range, pair records pointing at earlier
// tokens, added tokens consistent with the vocabulary) and derives the merge list. Throws
// playground::Error(kBadAsset) naming the problem.
DecodedPipeline decode_pipeline_asset(const uint8_t* data, size_t size);

// The raw stored form, for writing: what decode_pipeline_asset reads before deriving merges.
struct PipelineAssetParts {
  DecodedPipeline pipeline;          // merges ignored; tokens used as text or pairs below
  MergeMode merge_mode = MergeMode::kNone;
  TextCoding text_coding = TextCoding::kPlain;
  std::vector<MergeRule> pairs;      // pairs[id]: {left, right} of a pair token, or {kNoToken, kNoToken}
  std::vector<std::pair<uint32_t, uint32_t>> priorities;  // (token id, priority) exceptions
};
// Writes the asset bytes (the same layout as the JS builder); for the tests.
std::vector<uint8_t> encode_pipeline_asset(const PipelineAssetParts& parts);

// The default merge priority of token `id` where no exception is stored.
inline uint32_t default_merge_priority(uint32_t id) { return (id + 1) << 8; }

}  // namespace playground
