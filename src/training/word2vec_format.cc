#include "training/word2vec_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common/error.h"

namespace playground {
namespace {

// The shortest decimal digits that read back as `x` (finite, non-zero): digits without a
// point and the decimal exponent of the first digit. A p-digit candidate is the correctly
// rounded one ("%.*e"); the smallest p whose candidate round-trips through strtof is taken.
// Performance: ~2-3 snprintf/strtof pairs per number (most floats need 7-9 digits).
void shortest_digits(float x, std::string* digits, int* exponent) {
  char buf[40];
  auto try_precision = [&](int p) {
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, double(x));
    return std::strtof(buf, nullptr) == x;
  };
  int p = 7;
  if (try_precision(p)) {
    while (p > 1 && try_precision(p - 1)) --p;
  } else {
    while (p < 9 && !try_precision(++p)) {
    }
  }
  try_precision(p);  // leaves the chosen candidate in buf: [-]d[.ddd]e±XX
  const char* s = buf + (buf[0] == '-');
  digits->clear();
  for (; *s != 'e'; ++s) {
    if (*s != '.') digits->push_back(*s);
  }
  *exponent = std::atoi(s + 1);
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

}  // namespace

std::string format_float32(float x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0) return out + "0.0";
  std::string digits;
  int e = 0;
  shortest_digits(x, &digits, &e);
  const double a = std::fabs(double(x));  // numpy compares in double: float32(1e-4) < 1e-4
  if (a >= 1e-4 && a < 1e16) {
    // Positional: digits with the point after e + 1 of them, at least one digit each side.
    const int n = int(digits.size());
    if (e < 0) {
      out += "0.";
      out.append(size_t(-e - 1), '0');
      out += digits;
    } else if (e + 1 >= n) {
      out += digits;
      out.append(size_t(e + 1 - n), '0');
      out += ".0";
    } else {
      out += digits.substr(0, size_t(e + 1));
      out += '.';
      out += digits.substr(size_t(e + 1));
    }
  } else {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    out += exp;
  }
  return out;
}

std::string word2vec_text(const std::vector<std::string>& words, uint32_t dim, const std::vector<float>& values) {
  if (values.size() != words.size() * size_t(dim)) {
    throw Error(ErrorCode::kBadArgument, "word2vec_text: expected words × dim values.");
  }
  std::string out = std::to_string(words.size()) + " " + std::to_string(dim) + "\n";
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.empty() || w.find_first_of(" \t\n\r") != std::string::npos) {
      throw Error(ErrorCode::kBadArgument, "A word with a space or line break cannot be saved in word2vec format.");
    }
    out += w;
    for (uint32_t j = 0; j < dim; ++j) {
      out += ' ';
      out += format_float32(values[i * dim + j]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace playground
