#include "common/utf8.h"

#include <gtest/gtest.h>

#include "common/crc32.h"

namespace playground {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8("kedi"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA7i\xC4\x9F" "dem"));        // çiğdem
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x91\x8B"));            // 👋
}

TEST(Utf8, RejectsMalformedText) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8, DecodesInvalidBytesAsReplacement) {
  EXPECT_EQ(decode_utf8("a\xFF" "b"), (std::vector<char32_t>{U'a', 0xFFFD, U'b'}));
  EXPECT_EQ(decode_utf8("\xC4\xB1"), (std::vector<char32_t>{0x131}));  // ı
}

TEST(Utf8, LowersAsciiOnly) { EXPECT_EQ(ascii_lower("King \xC4\xB0"), "king \xC4\xB0"); }

TEST(Crc32, MatchesTheStandardCheckValue) {
  const char* text = "123456789";
  EXPECT_EQ(crc32(reinterpret_cast<const uint8_t*>(text), 9), 0xCBF43926u);
}

}  // namespace
}  // namespace playground
