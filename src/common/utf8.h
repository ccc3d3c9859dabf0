// Small UTF-8 helpers for validating and comparing words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

// True if `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Decodes well-formed UTF-8 to code points; an invalid byte becomes U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// ASCII-only lower-casing: GloVe's vocabulary is lower case English.
std::string ascii_lower(std::string_view text);

}  // namespace playground
