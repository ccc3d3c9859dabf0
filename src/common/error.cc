#include "common/error.h"

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

}  // namespace playground
