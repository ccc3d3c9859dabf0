// The one error type the core throws for anything a user can cause: a bad asset,
// an unknown word, an argument out of range, an expression that does not parse.
// The WASM boundary turns it into a JS Error carrying the same message and code.
//
// A message may repeat what the user typed only through quote(), which keeps it short: a pasted
// 10 MB word must not become a 10 MB message (or a 10 MB text node on the page).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace playground {

enum class ErrorCode {
  kBadAsset,     // the vector asset is truncated, corrupt or of another version
  kUnknownWord,  // a word is not in the vocabulary; suggestions() may help
  kBadArgument,  // an argument is empty, out of range or contradictory
  kBadExpression // a free expression such as "king - man +" does not parse
};

// Stable names for the codes, as the JS wrapper exposes them in `error.code`.
const char* error_code_name(ErrorCode code);

// Characters of user input a message quotes at most.
inline constexpr size_t kMaxQuotedChars = 40;
// Bytes of the offending word an Error keeps in word() at most. No vocabulary word comes near it,
// so a longer word is unknown whatever its tail; the cut keeps a pasted megabyte from being
// copied along with every error.
inline constexpr size_t kMaxErrorWordBytes = 256;

// `text` in double quotes for a message: its first kMaxQuotedChars characters, cut on a character
// boundary and followed by "…" when there is more; ill-formed UTF-8 becomes U+FFFD, so the
// message is always well-formed.
std::string quote(std::string_view text);

// The first kMaxErrorWordBytes bytes of `word` (or all of it), cut on a character boundary.
std::string bounded_error_word(std::string_view word);

class Error : public std::runtime_error {
 public:
  // `word` is kept only up to kMaxErrorWordBytes (bounded_error_word).
  Error(ErrorCode code, const std::string& message,
        std::string_view word = {}, std::vector<std::string> suggestions = {})
      : std::runtime_error(message),
        code_(code),
        word_(bounded_error_word(word)),
        suggestions_(std::move(suggestions)) {}

  ErrorCode code() const { return code_; }
  // The offending word for kUnknownWord (its first kMaxErrorWordBytes bytes), empty otherwise.
  const std::string& word() const { return word_; }
  // Close vocabulary words for kUnknownWord ("did you mean …"), best first.
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  ErrorCode code_;
  std::string word_;
  std::vector<std::string> suggestions_;
};

}  // namespace playground
