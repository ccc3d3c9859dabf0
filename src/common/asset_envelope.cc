#include "common/asset_envelope.h"

#include <cstring>

#include "common/crc32.h"
#include "common/error.h"

namespace playground {

void fail_asset(const char* kind, const std::string& what) {
  throw Error(ErrorCode::kBadAsset, std::string("Invalid ") + kind + " file: " + what);
}

void check_asset_start(const char* kind, const uint8_t* data, size_t size, size_t header_size,
                       const char (&magic)[5], uint32_t version) {
  if (size < header_size) {
    fail_asset(kind, "it is " + std::to_string(size) + " bytes long, shorter than the " +
                         std::to_string(header_size) + "-byte header (truncated download?)");
  }
  if (std::memcmp(data, magic, 4) != 0) {
    fail_asset(kind, std::string("it does not start with the magic bytes \"") + magic + "\"");
  }
  const uint32_t found = read_u32_le(data + 4);
  if (found != version) {
    fail_asset(kind, "it has format version " + std::to_string(found) + ", this build reads version " +
                         std::to_string(version));
  }
}

void check_asset_size(const char* kind, size_t size, uint64_t expected) {
  if (size != expected) {
    fail_asset(kind, "it is " + std::to_string(size) + " bytes long but its header describes " +
                         std::to_string(expected) + " bytes (" +
                         (size < expected ? "truncated" : "trailing data") + ")");
  }
}

void check_asset_checksum(const char* kind, const uint8_t* body, size_t body_size, uint32_t expected) {
  if (crc32(body, body_size) != expected) fail_asset(kind, "its checksum does not match (the file is corrupt)");
}

}  // namespace playground
