// libFuzzer entry point for one target of fuzz_targets.h, chosen at compile time by
// PLAYGROUND_FUZZ_TARGET (CMake builds one fuzz_<target> binary per target when configured with
// -DEMBEDDING_PLAYGROUND_FUZZ=ON and clang). A refusal (playground::Error) is a normal outcome;
// any other exception escapes and libFuzzer reports the input as a crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  playground::fuzz::PLAYGROUND_FUZZ_TARGET(data, size);
  return 0;
}
