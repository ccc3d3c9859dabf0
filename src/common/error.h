// The one error type the core throws for anything a user can cause: a bad asset,
// an unknown word, an argument out of range, an expression that does not parse.
// The WASM boundary turns it into a JS Error carrying the same message and code.
#pragma once

#include <stdexcept>
#include <string>
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

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message,
        std::string word = {}, std::vector<std::string> suggestions = {})
      : std::runtime_error(message),
        code_(code),
        word_(std::move(word)),
        suggestions_(std::move(suggestions)) {}

  ErrorCode code() const { return code_; }
  // The offending word for kUnknownWord, empty otherwise.
  const std::string& word() const { return word_; }
  // Close vocabulary words for kUnknownWord ("did you mean …"), best first.
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  ErrorCode code_;
  std::string word_;
  std::vector<std::string> suggestions_;
};

}  // namespace playground
