// Writer of the word-vector asset format "EPWV" version 1 (read by src/vectors/vector_asset.cc;
// layout in assets/README.md). Each vector is stored as int16 with one float32 scale
// (max |x| / 32767), so a value is float32(q) * scale.

export function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * Encodes words (no "\n" inside) and their vectors (arrays of `dim` float32 values).
 * Returns the asset bytes and the decoded float32 vectors, exactly as a reader sees them.
 */
export function encodeVectorAsset(words, vectors, dim) {
  const wordBytes = Buffer.from(words.map((w) => w + "\n").join(""), "utf8");
  const padded = Math.ceil(wordBytes.length / 4) * 4;
  const body = Buffer.alloc(padded + words.length * 4 + words.length * dim * 2);
  wordBytes.copy(body, 0);
  const decoded = [];
  words.forEach((word, i) => {
    const v = vectors[i];
    let maxAbs = 0;
    for (const x of v) maxAbs = Math.max(maxAbs, Math.abs(x));
    const scale = Math.fround(maxAbs / 32767);
    body.writeFloatLE(scale, padded + i * 4);
    const out = new Float32Array(dim);
    for (let j = 0; j < dim; j++) {
      const q = Math.max(-32767, Math.min(32767, Math.round(v[j] / scale)));
      body.writeInt16LE(q, padded + words.length * 4 + (i * dim + j) * 2);
      out[j] = Math.fround(q * scale);
    }
    decoded.push(out);
  });
  const header = Buffer.alloc(24);
  header.write("EPWV", 0, "ascii");
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(words.length, 8);
  header.writeUInt32LE(dim, 12);
  header.writeUInt32LE(wordBytes.length, 16);
  header.writeUInt32LE(crc32(body), 20);
  return { bytes: Buffer.concat([header, body]), decoded };
}
