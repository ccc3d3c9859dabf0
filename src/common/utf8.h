// The one place the core decodes, encodes and validates UTF-8 (RFC 3629; the Unicode Standard,
// chapter 3, "Well-Formed UTF-8 Byte Sequences"), and maps UTF-8 byte offsets to the UTF-16 code
// unit offsets of JS strings. Text crosses from JS as the UTF-8 of a JS string (TextEncoder), so
// it is well-formed there; every function here still accepts any bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// One decoded step through UTF-8 text.
struct Utf8Char {
  char32_t cp;   // the code point; U+FFFD for an invalid byte
  uint8_t len;   // bytes consumed, 1..4
  bool valid;    // false for a byte that does not start a well-formed sequence
};

// Decodes the character at `text[pos]` (pos < text.size()). An invalid or truncated sequence
// (overlong, surrogate, above U+10FFFF, stray continuation byte) consumes exactly one byte and
// is reported with valid == false.
Utf8Char decode_utf8_at(std::string_view text, size_t pos);

// True if `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Decodes `text` to code points; each invalid byte becomes one U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// Appends the UTF-8 of `cp` (1 to 4 bytes) to `out`; a surrogate or a value above U+10FFFF
// appends U+FFFD instead.
void append_utf8(std::string* out, char32_t cp);

// The UTF-8 of one code point (append_utf8 into an empty string).
std::string encode_utf8(char32_t cp);

// `bytes` with every ill-formed part replaced by U+FFFD, one per maximal subpart, exactly as
// the WHATWG Encoding Standard's UTF-8 decoder (JS TextDecoder) does: a token that ends inside
// a character (one emoji over several tokens) decodes to U+FFFD, as in the JS layer.
std::string replace_invalid_utf8(std::string_view bytes);

// The longest prefix of `text` that ends on a character boundary and holds at most `max_chars`
// characters and at most `max_bytes` bytes (an invalid byte counts as a one-byte character).
std::string_view utf8_prefix(std::string_view text, size_t max_chars, size_t max_bytes = SIZE_MAX);

// ASCII-only lower-casing: GloVe's vocabulary is lower case English.
std::string ascii_lower(std::string_view text);

// Maps UTF-8 byte offsets of one text to UTF-16 code unit offsets (the indices of the JS
// string the bytes came from), walking forward from the last offset asked for, so a run of
// ascending offsets costs one pass over the text. An offset inside a character maps to that
// character's start (floor) or end (ceil): a token holding part of an emoji covers the whole
// emoji. A code point above U+FFFF is two units; a byte of an ill-formed sequence (which
// TextEncoder never produces) counts as one unit. Offsets beyond the text clamp to its end; a
// smaller offset than the last restarts the walk from the beginning. Keeps a view of `text`,
// which must outlive the mapper.
class Utf16OffsetMapper {
 public:
  explicit Utf16OffsetMapper(std::string_view text) : text_(text) {}

  // UTF-16 offset of the character boundary at or before byte `byte_offset`.
  uint32_t floor(size_t byte_offset);
  // UTF-16 offset of the character boundary at or after byte `byte_offset`.
  uint32_t ceil(size_t byte_offset);

 private:
  // Moves the cursor to `byte_offset`, or to the start of the character holding it (clamped to
  // the end of the text); returns that character's UTF-16 length, 0 when on a boundary.
  uint32_t seek(size_t byte_offset);

  std::string_view text_;
  size_t byte_ = 0;    // cursor: a character boundary in text_
  uint32_t unit_ = 0;  // UTF-16 offset of byte_
};

// Converts `count` token spans [starts[i], ends[i]) of `text` from UTF-8 byte offsets to UTF-16
// offsets in place: starts round down, ends round up (Utf16OffsetMapper). The spans must come
// in text order (starts[i] <= ends[i] <= starts[i + 1], as the tokenizers emit them) for one
// pass over the text; any other order is still correct, only slower.
void utf8_spans_to_utf16(std::string_view text, uint32_t* starts, uint32_t* ends, size_t count);

}  // namespace playground
