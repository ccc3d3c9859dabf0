// The committed vector asset: its recorded checksum, its contents, and the writer
// (tools/vector-asset.mjs) agreeing with the C++ reader.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { init } from "embedding-playground";
import { encodeVectorAsset } from "../../tools/vector-asset.mjs";
import { allExampleWords } from "../../web/examples.js";

const assets = new URL("../../assets/", import.meta.url);

test("the committed asset matches its recorded SHA-256", () => {
  const [expected, name] = readFileSync(new URL("glove-6b-100d-10k.sha256", assets), "utf8").trim().split(/\s+/);
  const bytes = readFileSync(new URL(name, assets));
  assert.equal(createHash("sha256").update(bytes).digest("hex"), expected);
});

test("the asset holds the top words plus every example word, at most 10,500", async () => {
  const vs = await (await init()).loadVectors();
  assert.ok(vs.size <= 10500);
  const missing = allExampleWords().filter((w) => !vs.has(w));
  assert.deepEqual(missing, []);
});

test("writer and C++ reader agree, and the writer is deterministic", async () => {
  const words = ["çiğdem", "cat", "e-mail"];
  const vectors = [
    [0.5, -1, 0.25, 1e-3],
    [-3.0243, 2.2167, 0, 1],
    [1e-8, -1e-8, 2e-8, 0],
  ].map((v) => Float32Array.from(v));
  const first = encodeVectorAsset(words, vectors, 4);
  const second = encodeVectorAsset(words, vectors, 4);
  assert.deepEqual(first.bytes, second.bytes);
  const vs = await (await init()).loadVectors(new Uint8Array(first.bytes));
  assert.deepEqual(vs.words(), words);
  for (let i = 0; i < words.length; i++) {
    assert.deepEqual(Array.from(vs.vector(words[i])), Array.from(first.decoded[i]));
    // Quantization error is at most half a step of max |x| / 32767 (plus float32 rounding).
    const step = Math.max(...Array.from(vectors[i], Math.abs)) / 32767;
    for (let j = 0; j < 4; j++) assert.ok(Math.abs(first.decoded[i][j] - vectors[i][j]) <= step * 0.5001, `${words[i]}[${j}]`);
  }
});
