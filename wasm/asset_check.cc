#include "asset_check.h"

#include <cstdint>

#include "adapters.h"
#include "common/asset_envelope.h"

namespace playground::wasm {

val check_asset_size(const val& prefix, double size, const std::string& kind) {
  return guarded([&] {
    const std::string head = bytes_from(prefix);
    const AssetKind expected = kind == "tokenizer" ? AssetKind::kTokenizer : AssetKind::kVectors;
    const AssetHeader header =
        read_asset_header(reinterpret_cast<const uint8_t*>(head.data()), head.size(), expected);
    const uint64_t actual = uint64_t(size);
    if (actual != header.total_size) {
      fail_asset(expected, "it is " + std::to_string(actual) + " bytes long but its header describes " +
                               std::to_string(header.total_size) + " bytes (" +
                               (actual < header.total_size ? "truncated" : "trailing data") + ")");
    }
    return val(true);
  });
}

}  // namespace playground::wasm
