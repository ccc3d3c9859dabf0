// Shared by the map objects' argument checks: one way to throw and to print numbers in the
// messages (no trailing zeros: "perplexity 30", "min_dist 0.1").
#pragma once

#include <string>

#include "common/error.h"

namespace playground {

[[noreturn]] inline void bad_argument(const std::string& message) { throw Error(ErrorCode::kBadArgument, message); }

inline std::string format_number(double x) {
  std::string s = std::to_string(x);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace playground
