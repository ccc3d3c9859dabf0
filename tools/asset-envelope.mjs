// The envelope of the project's binary assets, as the tools write and read it (the C++ side is
// src/common/asset_envelope.cc): 4 magic bytes, u32 format version, three u32 fields that fix
// the file's size, the u32 CRC-32 of the body at offset 20, then (tokenizers) a reserved u32,
// and the body. All integers little-endian. Used by tools/vector-asset.mjs ("EPWV") and
// tools/build-tokenizers.mjs ("EPTK").

/** CRC-32 (IEEE 802.3, as zlib) of a byte array. */
export function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * The asset bytes: header (magic, `version`, the three u32 `fields` at offsets 8, 12, 16, the
 * body's CRC-32 at 20, then the u32 `trailing` fields) followed by `body` (a Buffer).
 */
export function encodeAsset(magic, version, fields, body, trailing = []) {
  if (magic.length !== 4 || fields.length !== 3) throw new Error("an asset header has a 4-byte magic and three fields");
  const words = [version, ...fields, crc32(body), ...trailing];
  const header = Buffer.alloc(4 + 4 * words.length);
  header.write(magic, 0, "ascii");
  words.forEach((w, i) => header.writeUInt32LE(w >>> 0, 4 + 4 * i));
  return Buffer.concat([header, body]);
}

/**
 * Reads an asset written by encodeAsset: checks the magic, version and checksum, and returns the
 * three fields, the trailing fields and the body. Throws an Error naming what is wrong.
 */
export function decodeAsset(bytes, magic, version, trailingCount = 0) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = 24 + 4 * trailingCount;
  if (buf.length < headerSize || buf.toString("latin1", 0, 4) !== magic) throw new Error(`not a "${magic}" asset`);
  if (buf.readUInt32LE(4) !== version) throw new Error(`"${magic}" version ${buf.readUInt32LE(4)}, expected ${version}`);
  const body = buf.subarray(headerSize);
  if (crc32(body) !== buf.readUInt32LE(20)) throw new Error(`"${magic}" asset: checksum mismatch`);
  const fields = [8, 12, 16].map((o) => buf.readUInt32LE(o));
  const trailing = Array.from({ length: trailingCount }, (_, i) => buf.readUInt32LE(24 + 4 * i));
  return { fields, trailing, body };
}
