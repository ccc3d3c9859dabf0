// The envelope every binary asset of the project has: a fixed-size header (4 magic bytes, a u32
// format version, counts that fix the file's exact size, and a CRC-32 of the body), then the body.
// Three formats use it, word vectors "EPWV" and fastText n-gram rows "EPNG" (assets/README.md) and
// tokenizers "EPTK" (assets/tokenizers/README.md); this file is the one place that knows their
// header fields.
// Every check throws Error(kBadAsset) with "Invalid <kind> file: <what is wrong>".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace playground {

enum class AssetKind { kVectors, kTokenizer, kNgrams };

// "vector", "tokenizer" or "n-gram", as the error messages name the file.
const char* asset_kind_name(AssetKind kind);

inline constexpr uint32_t kVectorAssetVersion = 1;
inline constexpr size_t kVectorAssetHeaderSize = 24;
inline constexpr uint32_t kMaxVectorDim = 4096;
inline constexpr uint32_t kTokenizerAssetVersion = 1;  // byte-level BPE (tokenizer_asset.h)
inline constexpr uint32_t kPipelineAssetVersion = 2;   // normalizer + pre-tokenizer + model (pipeline_asset.h)
inline constexpr size_t kTokenizerAssetHeaderSize = 28;
inline constexpr uint32_t kMaxSpecialTokens = 65536;
inline constexpr uint32_t kNgramAssetVersion = 1;
inline constexpr size_t kNgramAssetHeaderSize = 32;
inline constexpr uint32_t kMaxNgramLength = 100;
// Offset of the u32 CRC-32 of the body: 20 in "EPWV" and "EPTK", 28 in "EPNG".
inline constexpr size_t kAssetChecksumOffset = 20;
inline constexpr size_t kNgramAssetChecksumOffset = 28;
// read_asset_header never reads more than this many bytes.
inline constexpr size_t kAssetHeaderMaxSize = 32;
// Largest file a header may describe. Decoded word vectors take about four times their asset's
// size (float32 values and their unit copies), and a WebAssembly heap tops out at 2-4 GiB.
inline constexpr uint64_t kMaxAssetBytes = uint64_t(512) << 20;

// The header of an asset, as read_asset_header found it.
struct AssetHeader {
  AssetKind kind;
  uint32_t version;
  size_t header_size;   // bytes before the body: 24 (vectors), 28 (tokenizer) or 32 (n-grams)
  uint64_t total_size;  // the exact size the whole file must have, header included
  uint32_t checksum;    // CRC-32 of the body, bytes [header_size, total_size)
  // Vectors ("EPWV"); zero for the other kinds, but for `dim`, which n-gram rows have too.
  uint32_t word_count = 0;
  uint32_t dim = 0;
  uint32_t words_bytes = 0;  // length of the word list before its padding
  // Tokenizer ("EPTK"); zero for vectors. Version 1 counts its special tokens, version 2 its
  // added tokens (special or not) in `special_count`.
  uint32_t token_count = 0;
  uint32_t special_count = 0;
  // N-gram rows ("EPNG"): how many rows, and the settings that map an n-gram to its bucket.
  uint32_t ngram_rows = 0;
  uint32_t minn = 0;
  uint32_t maxn = 0;
  uint32_t buckets = 0;
};

// Reads and checks the header at the start of an asset, given the first `size` bytes of the file
// (the whole file or only a prefix: at least the header, kAssetHeaderMaxSize bytes are always
// enough). Checks the magic, the version and every field the header alone can refute (counts,
// dimension, reserved bytes, a total size within kMaxAssetBytes), but neither the body nor its
// checksum, so a caller can refuse a wrong-sized or oversized file before copying it anywhere:
// the file must then be exactly `total_size` bytes long. Throws Error(kBadAsset) naming the
// problem; `data` may be null when `size` is 0.
AssetHeader read_asset_header(const uint8_t* data, size_t size);

// read_asset_header for a file that must be of `expected` kind: any other magic, including the
// other format's, fails as "Invalid <expected kind> file: ...".
AssetHeader read_asset_header(const uint8_t* data, size_t size, AssetKind expected);

// Checks that the whole file (`size` bytes at `data`) is exactly as long as `header` describes
// and that its body matches the checksum. Throws Error(kBadAsset).
void check_asset_body(const AssetHeader& header, const uint8_t* data, size_t size);

// Throws Error(kBadAsset) "Invalid <kind> file: <what>", for the format readers' body checks.
[[noreturn]] void fail_asset(AssetKind kind, const std::string& what);

}  // namespace playground
