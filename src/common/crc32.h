// CRC-32 (IEEE 802.3, the polynomial of zlib and PNG), used to detect a corrupt asset.
#pragma once

#include <cstddef>
#include <cstdint>

namespace playground {

// CRC-32 of `size` bytes at `data`; crc32("123456789") == 0xCBF43926.
uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace playground
