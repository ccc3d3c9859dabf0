// The checks every binary asset of the project starts with (vectors "EPWV", tokenizers "EPTK"):
// a header of fixed size, 4 magic bytes, a u32 format version, an exact total size and a CRC-32
// of the body. Each throws Error(kBadAsset) with "Invalid <kind> file: <what is wrong>".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace playground {

// Little-endian u32 at `p`.
inline uint32_t read_u32_le(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// Throws Error(kBadAsset) "Invalid <kind> file: <what>".
[[noreturn]] void fail_asset(const char* kind, const std::string& what);

// Checks that `size` covers the header, that the file starts with `magic` and that its version
// (the u32 at offset 4) is `version`.
void check_asset_start(const char* kind, const uint8_t* data, size_t size, size_t header_size,
                       const char (&magic)[5], uint32_t version);

// Checks that the file is exactly as long as its header describes.
void check_asset_size(const char* kind, size_t size, uint64_t expected);

// Checks the CRC-32 of the `body_size` bytes at `body`.
void check_asset_checksum(const char* kind, const uint8_t* body, size_t body_size, uint32_t expected);

}  // namespace playground
