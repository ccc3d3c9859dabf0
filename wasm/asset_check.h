// The check JS runs before copying an asset into WASM memory (which never shrinks): only the
// header crosses, and a file of the wrong kind or size is refused without the rest being copied.
#pragma once

#include <emscripten/val.h>

#include <string>

namespace playground::wasm {

// Envelope of true if an asset whose first bytes are `prefix` (a Uint8Array; the first
// kAssetHeaderMaxSize bytes of the file, or all of a shorter one) is a `kind` file ("vectors"
// or "tokenizer") whose header (read_asset_header, common/asset_envelope.h) describes exactly
// `size` bytes; else the core's BAD_ASSET error. `size` is a double: JS lengths exceed 2^32.
emscripten::val check_asset_size(const emscripten::val& prefix, double size, const std::string& kind);

}  // namespace playground::wasm
