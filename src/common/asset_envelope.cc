#include "common/asset_envelope.h"

#include <cstring>

#include "common/crc32.h"
#include "common/error.h"
#include "common/little_endian.h"

namespace playground {
namespace {

struct Format {
  AssetKind kind;
  char magic[5];
  uint32_t version;
  size_t header_size;
  size_t checksum_offset;  // of the u32 CRC-32 of the body
};

constexpr Format kFormats[] = {
    {AssetKind::kVectors, "EPWV", kVectorAssetVersion, kVectorAssetHeaderSize, kAssetChecksumOffset},
    {AssetKind::kTokenizer, "EPTK", kTokenizerAssetVersion, kTokenizerAssetHeaderSize, kAssetChecksumOffset},
    {AssetKind::kNgrams, "EPNG", kNgramAssetVersion, kNgramAssetHeaderSize, kNgramAssetChecksumOffset},
};

const Format& format_of(AssetKind kind) {
  for (const Format& f : kFormats) {
    if (f.kind == kind) return f;
  }
  return kFormats[0];  // unreachable: every kind has a format
}

// The format whose magic `data` starts with (size >= 4), or null.
const Format* format_with_magic(const uint8_t* data) {
  for (const Format& f : kFormats) {
    if (std::memcmp(data, f.magic, 4) == 0) return &f;
  }
  return nullptr;
}

[[noreturn]] void fail_unknown(const std::string& what) {
  throw Error(ErrorCode::kBadAsset, "Invalid asset file: " + what);
}

std::string truncated_header(size_t size, size_t header_size) {
  return "it is " + std::to_string(size) + " bytes long, shorter than the " + std::to_string(header_size) +
         "-byte header (truncated download?)";
}

void check_total(AssetKind kind, uint64_t total) {
  if (total > kMaxAssetBytes) {
    fail_asset(kind, "its header describes " + std::to_string(total) + " bytes, more than the " +
                         std::to_string(kMaxAssetBytes) + " this build loads");
  }
}

// The fields after the magic, for a file of format `f` (size >= f.header_size).
AssetHeader read_fields(const Format& f, const uint8_t* data) {
  AssetHeader h{};
  h.kind = f.kind;
  h.header_size = f.header_size;
  h.version = read_u32_le(data + 4);
  const bool pipeline = f.kind == AssetKind::kTokenizer && h.version == kPipelineAssetVersion;
  if (h.version != f.version && !pipeline) {
    fail_asset(f.kind, "it has format version " + std::to_string(h.version) + ", this build reads version " +
                           std::to_string(f.version));
  }
  h.checksum = read_u32_le(data + f.checksum_offset);
  if (f.kind == AssetKind::kNgrams) {
    h.ngram_rows = read_u32_le(data + 8);
    h.dim = read_u32_le(data + 12);
    h.minn = read_u32_le(data + 16);
    h.maxn = read_u32_le(data + 20);
    h.buckets = read_u32_le(data + 24);
    if (h.dim == 0 || h.dim > kMaxVectorDim) {
      fail_asset(f.kind, "its dimension " + std::to_string(h.dim) + " is outside 1.." + std::to_string(kMaxVectorDim));
    }
    if (h.minn == 0 || h.maxn < h.minn || h.maxn > kMaxNgramLength || h.buckets == 0) {
      fail_asset(f.kind, "its n-gram settings (minn " + std::to_string(h.minn) + ", maxn " + std::to_string(h.maxn) +
                             ", buckets " + std::to_string(h.buckets) + ") are not usable");
    }
    if (h.ngram_rows > h.buckets) {
      fail_asset(f.kind, "it has " + std::to_string(h.ngram_rows) + " rows for only " + std::to_string(h.buckets) +
                             " buckets");
    }
    // Each row: its bucket (u32), its scale (f32) and dim int8 values.
    h.total_size = f.header_size + uint64_t(h.ngram_rows) * (8 + uint64_t(h.dim));
  } else if (f.kind == AssetKind::kVectors) {
    h.word_count = read_u32_le(data + 8);
    h.dim = read_u32_le(data + 12);
    h.words_bytes = read_u32_le(data + 16);
    if (h.word_count == 0) fail_asset(f.kind, "it holds no words");
    if (h.dim == 0 || h.dim > kMaxVectorDim) {
      fail_asset(f.kind, "its dimension " + std::to_string(h.dim) + " is outside 1.." + std::to_string(kMaxVectorDim));
    }
    if (h.word_count > h.words_bytes / 2) {  // each word is at least one byte and a newline
      fail_asset(f.kind, "its " + std::to_string(h.word_count) + " words cannot fit in a word list of " +
                             std::to_string(h.words_bytes) + " bytes");
    }
    const uint64_t words_padded = (uint64_t(h.words_bytes) + 3) / 4 * 4;
    h.total_size = f.header_size + words_padded + uint64_t(h.word_count) * 4 +
                   uint64_t(h.word_count) * h.dim * 2;
  } else {
    h.token_count = read_u32_le(data + 8);
    h.special_count = read_u32_le(data + 12);
    const uint32_t body_bytes = read_u32_le(data + 16);
    if (read_u32_le(data + 24) != 0) fail_asset(f.kind, "its reserved header field is not zero");
    if (!pipeline && h.token_count < 256) {
      fail_asset(f.kind, "it holds " + std::to_string(h.token_count) + " tokens, fewer than the 256 bytes");
    }
    if (pipeline && h.token_count == 0) fail_asset(f.kind, "it holds no tokens");
    if (h.special_count > kMaxSpecialTokens) {
      fail_asset(f.kind, "its special token count " + std::to_string(h.special_count) + " is implausible");
    }
    // Each token takes at least its length byte, each special token 6 bytes (id, length, text).
    if (uint64_t(h.token_count) + 6 * uint64_t(h.special_count) > body_bytes) {
      fail_asset(f.kind, "its counts of " + std::to_string(h.token_count) + " tokens and " +
                             std::to_string(h.special_count) + " special tokens are impossible for a body of " +
                             std::to_string(body_bytes) + " bytes");
    }
    h.total_size = f.header_size + uint64_t(body_bytes);
  }
  check_total(f.kind, h.total_size);
  return h;
}

}  // namespace

const char* asset_kind_name(AssetKind kind) {
  switch (kind) {
    case AssetKind::kVectors: return "vector";
    case AssetKind::kTokenizer: return "tokenizer";
    case AssetKind::kNgrams: return "n-gram";
  }
  return "asset";
}

void fail_asset(AssetKind kind, const std::string& what) {
  throw Error(ErrorCode::kBadAsset, std::string("Invalid ") + asset_kind_name(kind) + " file: " + what);
}

AssetHeader read_asset_header(const uint8_t* data, size_t size) {
  if (size < 4) fail_unknown("it is " + std::to_string(size) + " bytes long, too short for any header (truncated download?)");
  const Format* f = format_with_magic(data);
  if (f == nullptr) {
    fail_unknown("it starts with none of the magic bytes \"EPWV\" (word vectors), \"EPTK\" (tokenizer) or "
                 "\"EPNG\" (n-gram rows)");
  }
  if (size < f->header_size) fail_asset(f->kind, truncated_header(size, f->header_size));
  return read_fields(*f, data);
}

AssetHeader read_asset_header(const uint8_t* data, size_t size, AssetKind expected) {
  const Format& f = format_of(expected);
  if (size < f.header_size) fail_asset(expected, truncated_header(size, f.header_size));
  if (std::memcmp(data, f.magic, 4) != 0) {
    const Format* other = format_with_magic(data);
    fail_asset(expected, std::string("it does not start with the magic bytes \"") + f.magic + "\"" +
                             (other ? std::string(" (it is a ") + asset_kind_name(other->kind) + " file)" : ""));
  }
  return read_fields(f, data);
}

void check_asset_body(const AssetHeader& header, const uint8_t* data, size_t size) {
  if (size != header.total_size) {
    fail_asset(header.kind, "it is " + std::to_string(size) + " bytes long but its header describes " +
                                std::to_string(header.total_size) + " bytes (" +
                                (size < header.total_size ? "truncated" : "trailing data") + ")");
  }
  if (crc32(data + header.header_size, size - header.header_size) != header.checksum) {
    fail_asset(header.kind, "its checksum does not match (the file is corrupt)");
  }
}

}  // namespace playground
