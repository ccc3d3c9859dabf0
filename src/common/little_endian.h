// Little-endian reads and writes of the fixed-width fields in the project's binary assets. Byte by
// byte, so they work at any alignment and on any host byte order.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace playground {

inline uint16_t read_u16_le(const uint8_t* p) { return uint16_t(p[0] | p[1] << 8); }

inline uint32_t read_u32_le(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

inline int16_t read_i16_le(const uint8_t* p) { return int16_t(read_u16_le(p)); }

// The IEEE 754 binary32 whose bits are the u32 at `p`.
inline float read_f32_le(const uint8_t* p) {
  const uint32_t bits = read_u32_le(p);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// Writes `v` to p[0..3].
inline void write_u32_le(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i));
}

// Appends the 4 bytes of `v` to `out`.
inline void append_u32_le(std::vector<uint8_t>* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(uint8_t(v >> (8 * i)));
}

// Appends `v` as an unsigned LEB128 varint (7 bits a byte, low bits first, high bit = more).
inline void append_varint(std::vector<uint8_t>* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(uint8_t(v | 0x80));
    v >>= 7;
  }
  out->push_back(uint8_t(v));
}

// Appends the 2 bytes of `v` to `out`.
inline void append_i16_le(std::vector<uint8_t>* out, int16_t v) {
  out->push_back(uint8_t(uint16_t(v) & 0xFF));
  out->push_back(uint8_t(uint16_t(v) >> 8));
}

// Appends the bits of `v` as a u32.
inline void append_f32_le(std::vector<uint8_t>* out, float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  append_u32_le(out, bits);
}

}  // namespace playground
