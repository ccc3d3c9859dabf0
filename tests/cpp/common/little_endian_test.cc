#include "common/little_endian.h"

#include <gtest/gtest.h>

#include <limits>

namespace playground {
namespace {

TEST(LittleEndian, ReadsLeastSignificantByteFirst) {
  const uint8_t bytes[] = {0x78, 0x56, 0x34, 0x12, 0xFF};
  EXPECT_EQ(read_u16_le(bytes), 0x5678u);
  EXPECT_EQ(read_u32_le(bytes), 0x12345678u);
  EXPECT_EQ(read_u32_le(bytes + 1), 0xFF123456u);  // any alignment
  const uint8_t minus_two[] = {0xFE, 0xFF};
  EXPECT_EQ(read_i16_le(minus_two), -2);
}

TEST(LittleEndian, ReadsFloat32Bits) {
  const uint8_t one[] = {0x00, 0x00, 0x80, 0x3F};       // 1.0f
  const uint8_t infinity[] = {0x00, 0x00, 0x80, 0x7F};  // +inf
  EXPECT_EQ(read_f32_le(one), 1.0f);
  EXPECT_EQ(read_f32_le(infinity), std::numeric_limits<float>::infinity());
}

TEST(LittleEndian, WritesWhatItReads) {
  std::vector<uint8_t> out;
  append_u32_le(&out, 0xDEADBEEF);
  append_i16_le(&out, -12345);
  append_f32_le(&out, -0.375f);
  ASSERT_EQ(out.size(), 10u);
  EXPECT_EQ(out[0], 0xEF);
  EXPECT_EQ(read_u32_le(out.data()), 0xDEADBEEFu);
  EXPECT_EQ(read_i16_le(out.data() + 4), -12345);
  EXPECT_EQ(read_f32_le(out.data() + 6), -0.375f);
  write_u32_le(out.data() + 6, 7);
  EXPECT_EQ(read_u32_le(out.data() + 6), 7u);
}

}  // namespace
}  // namespace playground
