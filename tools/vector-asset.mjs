// Writer of the word-vector asset format "EPWV" version 1 (read by src/vectors/vector_asset.cc;
// layout in assets/README.md). Each vector is stored as int16 with one float32 scale
// (max |x| / 32767), so a value is float32(q) * scale.
import { encodeAsset } from "./asset-envelope.mjs";

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
  return { bytes: encodeAsset("EPWV", 1, [words.length, dim, wordBytes.length], body), decoded };
}
