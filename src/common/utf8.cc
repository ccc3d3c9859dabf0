#include "common/utf8.h"

namespace playground {

Utf8Char decode_utf8_at(std::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  const uint8_t b0 = s[pos];
  if (b0 < 0x80) return {b0, 1, true};
  const Utf8Char bad{kReplacementCharacter, 1, false};
  auto cont = [&](size_t i) { return i < n && (s[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(pos + 1)) return bad;
    return {char32_t((b0 & 0x1F) << 6 | (s[pos + 1] & 0x3F)), 2, true};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(pos + 1) || !cont(pos + 2)) return bad;
    const char32_t cp = (b0 & 0x0F) << 12 | (s[pos + 1] & 0x3F) << 6 | (s[pos + 2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;  // overlong or surrogate
    return {cp, 3, true};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(pos + 1) || !cont(pos + 2) || !cont(pos + 3)) return bad;
    const char32_t cp = (b0 & 0x07) << 18 | (s[pos + 1] & 0x3F) << 12 | (s[pos + 2] & 0x3F) << 6 |
                        (s[pos + 3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return bad;
    return {cp, 4, true};
  }
  return bad;  // a continuation byte, C0, C1 or F5..FF
}

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8_at(text, i);
    if (!c.valid) return false;
    i += c.len;
  }
  return true;
}

std::vector<char32_t> decode_utf8(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8_at(text, i);
    out.push_back(c.cp);
    i += c.len;
  }
  return out;
}

void append_utf8(std::string* out, char32_t cp) {
  if (cp >= 0x110000 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
  if (cp < 0x80) {
    out->push_back(char(cp));
  } else if (cp < 0x800) {
    out->push_back(char(0xC0 | cp >> 6));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(char(0xE0 | cp >> 12));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(char(0xF0 | cp >> 18));
    out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(char32_t cp) {
  std::string out;
  append_utf8(&out, cp);
  return out;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  static const char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size());
  size_t needed = 0, seen = 0, start = 0;
  uint8_t lower = 0x80, upper = 0xBF;
  for (size_t i = 0; i < bytes.size();) {
    const uint8_t b = uint8_t(bytes[i]);
    if (needed == 0) {
      start = i++;
      if (b <= 0x7F) {
        out += char(b);
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
      } else {
        out += kReplacement;
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is a maximal subpart: one U+FFFD, then reconsider this byte.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      out += kReplacement;
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    ++i;
    if (++seen == needed) {
      out.append(bytes.data() + start, i - start);
      needed = seen = 0;
    }
  }
  if (needed) out += kReplacement;
  return out;
}

std::string_view utf8_prefix(std::string_view text, size_t max_chars, size_t max_bytes) {
  size_t end = 0;
  for (size_t chars = 0; chars < max_chars && end < text.size(); ++chars) {
    const size_t len = decode_utf8_at(text, end).len;
    if (len > max_bytes - end) break;
    end += len;
  }
  return text.substr(0, end);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

uint32_t Utf16OffsetMapper::seek(size_t byte_offset) {
  if (byte_offset < byte_) {
    byte_ = 0;
    unit_ = 0;
  }
  while (byte_ < byte_offset && byte_ < text_.size()) {
    const Utf8Char c = decode_utf8_at(text_, byte_);
    const uint32_t units = c.cp > 0xFFFF ? 2 : 1;
    if (byte_ + c.len > byte_offset) return units;  // byte_offset is inside this character
    byte_ += c.len;
    unit_ += units;
  }
  return 0;
}

uint32_t Utf16OffsetMapper::floor(size_t byte_offset) {
  seek(byte_offset);
  return unit_;
}

uint32_t Utf16OffsetMapper::ceil(size_t byte_offset) {
  const uint32_t inside = seek(byte_offset);
  return unit_ + inside;
}

void utf8_spans_to_utf16(std::string_view text, uint32_t* starts, uint32_t* ends, size_t count) {
  Utf16OffsetMapper mapper(text);
  for (size_t i = 0; i < count; ++i) {
    starts[i] = mapper.floor(starts[i]);
    ends[i] = mapper.ceil(ends[i]);
  }
}

}  // namespace playground
