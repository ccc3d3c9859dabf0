#include "common/error.h"

#include "common/utf8.h"

namespace playground {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadAsset: return "BAD_ASSET";
    case ErrorCode::kUnknownWord: return "UNKNOWN_WORD";
    case ErrorCode::kBadArgument: return "BAD_ARGUMENT";
    case ErrorCode::kBadExpression: return "BAD_EXPRESSION";
  }
  return "ERROR";
}

std::string quote(std::string_view text) {
  const std::string_view shown = utf8_prefix(text, kMaxQuotedChars);
  return "\"" + replace_invalid_utf8(shown) + (shown.size() < text.size() ? "\xE2\x80\xA6\"" : "\"");
}

std::string bounded_error_word(std::string_view word) {
  return std::string(utf8_prefix(word, SIZE_MAX, kMaxErrorWordBytes));
}

}  // namespace playground
