// The word2vec text format as gensim 4.2's KeyedVectors.save_word2vec_format writes it: a
// header "count dim\n", then per word "word v1 v2 ... vdim\n" with each number as numpy
// prints a float32 (repr: the shortest digits that read back to the same float32, positional
// for 1e-4 <= |x| < 1e16 or 0 ("0.5", "-3.0", "123456790.0"), else scientific with a
// two-digit exponent ("1e-05", "-2.5e+16")). KeyedVectors.load_word2vec_format reads every
// number back to the same float32.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace playground {

// numpy's repr of np.float32(x) ("nan", "inf", "-inf" for non-finite values).
std::string format_float32(float x);

// The whole file: `words` (no spaces or newlines inside) and their vectors, row-major,
// words.size() × dim floats. Throws Error(kBadArgument) on a size mismatch or a word that
// would break the format.
std::string word2vec_text(const std::vector<std::string>& words, uint32_t dim, const std::vector<float>& values);

}  // namespace playground
