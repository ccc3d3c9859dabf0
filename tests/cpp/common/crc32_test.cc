#include "common/crc32.h"

#include <gtest/gtest.h>

#include <string>

namespace playground {
namespace {

uint32_t crc_of(const std::string& s) { return crc32(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }

TEST(Crc32, MatchesTheStandardCheckValue) {
  EXPECT_EQ(crc_of("123456789"), 0xCBF43926u);  // the "check" value of CRC-32/ISO-HDLC
}

TEST(Crc32, MatchesZlibOnKnownInputs) {
  // Values from Python's zlib.crc32.
  EXPECT_EQ(crc_of(""), 0x00000000u);
  EXPECT_EQ(crc_of("a"), 0xE8B7BE43u);
  EXPECT_EQ(crc_of("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
  EXPECT_EQ(crc_of(std::string(1000, '\0')), 0x060B1780u);
}

TEST(Crc32, DetectsEverySingleBitFlip) {
  std::string s = "EPWV body bytes";
  const uint32_t clean = crc_of(s);
  for (size_t i = 0; i < s.size() * 8; ++i) {
    s[i / 8] ^= char(1 << (i % 8));
    EXPECT_NE(crc_of(s), clean) << i;
    s[i / 8] ^= char(1 << (i % 8));
  }
}

}  // namespace
}  // namespace playground
