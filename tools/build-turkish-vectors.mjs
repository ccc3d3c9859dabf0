#!/usr/bin/env node
// Builds the shipped Turkish vector set from assets/corpora/turkish-news.txt.gz with the
// project's own trainer (fastText subwords, src/training/word2vec.h, through the native
// driver tools/train-cli.cc), in two files described in assets/README.md:
//   turkish-news-fasttext-50d.bin         "EPWV" word vectors (the format of the GloVe set)
//   turkish-news-fasttext-50d.ngrams.bin  "EPNG" n-gram rows, for words outside the vocabulary
// One thread and a fixed seed: the same build of the driver gives the same bytes; the SHA-256
// of both files goes to turkish-news-fasttext-50d.sha256 (another compiler or libm may round
// a last bit differently and so give other bytes — regenerate the checksum then).
//
//   cmake --build build/native --target playground_train
//   node tools/build-turkish-vectors.mjs
//   node tools/build-turkish-vectors.mjs --dir /tmp/try --set epochs=20 --set buckets=100000   (experiments)
//
// Prints the settings, sizes and the nearest neighbours of a few words (kedi first),
// including words outside the vocabulary.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { encodeVectorAsset } from "./vector-asset.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DRIVER = path.join(ROOT, "build", "native", "playground_train");
const NAME = "turkish-news-fasttext-50d";
export const SETTINGS = {
  model: "sg", dim: 50, window: 5, negative: 5, "min-count": 5, sample: 1e-3, epochs: 10,
  alpha: 0.025, "min-alpha": 0.0001, seed: 1, minn: 3, maxn: 6, buckets: 20000,
};
export const PROBE_WORDS = ["kedi", "köpek", "ankara", "ekonomi", "futbol", "öğretmen", "iyi",
  "kediler", "kedicik", "ankaralılar", "ekonomimiz", "futbolcularımız"];

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Parses gensim's word2vec text format into words and Float32Array rows. */
function parseWord2Vec(text) {
  const lines = text.split("\n").filter((l) => l.length > 0);
  const [count, dim] = lines[0].split(" ").map(Number);
  const words = [], vectors = [];
  for (const line of lines.slice(1)) {
    const parts = line.split(" ");
    words.push(parts[0]);
    vectors.push(Float32Array.from(parts.slice(1).map(Number)));
  }
  if (words.length !== count || vectors.some((v) => v.length !== dim)) throw new Error("bad word2vec text");
  return { words, vectors, dim };
}

function options() {
  const settings = { ...SETTINGS };
  let dir = path.join(ROOT, "assets");
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dir") dir = argv[++i];
    else if (argv[i] === "--set") {
      const [k, v] = argv[++i].split("=");
      if (!(k in settings)) throw new Error(`unknown setting ${k}`);
      settings[k] = k === "model" ? v : Number(v);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { settings, dir };
}

function main() {
  const { settings, dir } = options();
  if (!existsSync(DRIVER)) throw new Error("build the driver first: cmake --build build/native --target playground_train");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "turkish-vectors-"));
  try {
    const corpus = path.join(tmp, "corpus.txt");
    writeFileSync(corpus, gunzipSync(readFileSync(path.join(ROOT, "assets", "corpora", "turkish-news.txt.gz"))));
    const text = path.join(tmp, "vectors.txt");
    const ngramsFile = path.join(dir, `${NAME}.ngrams.bin`);
    const args = ["word2vec", "--corpus", corpus, "--out", text, "--ngrams-out", ngramsFile,
      ...Object.entries(settings).flatMap(([k, v]) => [`--${k}`, String(v)])];
    const summary = JSON.parse(execFileSync(DRIVER, args, { encoding: "utf8" }));
    const { words, vectors, dim } = parseWord2Vec(readFileSync(text, "utf8"));
    const { bytes } = encodeVectorAsset(words, vectors, dim);
    const wordsFile = path.join(dir, `${NAME}.bin`);
    writeFileSync(wordsFile, bytes);
    const ngramBytes = readFileSync(ngramsFile);
    writeFileSync(path.join(dir, `${NAME}.sha256`),
      `${sha256(bytes)}  ${NAME}.bin\n${sha256(ngramBytes)}  ${NAME}.ngrams.bin\n`);
    console.log(JSON.stringify({ settings, corpus_words: summary.corpus_words, sentences: summary.sentences,
      vocabulary: summary.vocabulary, ngram_rows: summary.ngram_rows, seconds: summary.seconds,
      epoch_losses: summary.epoch_losses, bytes: { words: bytes.length, ngrams: ngramBytes.length } }, null, 1));
    const neighbours = execFileSync(DRIVER, ["neighbours", "--vectors", wordsFile, "--ngrams", ngramsFile, "--k", "8"],
      { input: PROBE_WORDS.join("\n") + "\n", encoding: "utf8" });
    process.stdout.write(neighbours);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
