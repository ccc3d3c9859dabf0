#!/usr/bin/env node
// Training throughput on the State of the Union corpus (assets/corpora/sotu.txt.gz, 1.81 M
// words), one thread: the project's word2vec natively and in WebAssembly under Node (the
// driver tools/train-cli.cc built both ways), beside gensim 4.2's Word2Vec with one worker
// measured in the same run; settings dim 100, window 5, negative 5, min_count 5, sample 1e-3.
// Words per second are raw corpus words × epochs / training time (vocabulary building and
// loading excluded on both sides). Also the peak memory of each of our runs (resident set
// natively, the WebAssembly memory size under Node).
//
//   cmake --build build/native --target playground_train
//   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build/wasm && cmake --build build/wasm --target playground_train
//   node bench/training.mjs [--epochs 5] [--runs 1] [--no-gensim] [--subwords]
//
// Nothing is asserted: the figures go to the README, and they vary with the machine's load.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NATIVE = path.join(ROOT, "build/native/playground_train");
const WASM = path.join(ROOT, "build/wasm/playground_train.js");
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const EPOCHS = Number(option("--epochs", 5));
const RUNS = Number(option("--runs", 1));
const SUBWORDS = argv.includes("--subwords");

const GENSIM = `
import sys, time
from gensim.models import Word2Vec, FastText
sentences = [l.split() for l in open(sys.argv[1], encoding="utf-8")]
words = sum(len(s) for s in sentences)
cls = FastText if sys.argv[4] == "1" else Word2Vec
m = cls(sg=int(sys.argv[2]), vector_size=100, window=5, negative=5, min_count=5, sample=1e-3, workers=1, seed=1)
m.build_vocab(sentences)
t = time.perf_counter()
m.train(sentences, total_examples=m.corpus_count, total_words=m.corpus_total_words, epochs=int(sys.argv[3]))
print(words * int(sys.argv[3]) / (time.perf_counter() - t))
`;

function ours(command, corpus, model) {
  const args = ["word2vec", "--corpus", corpus, "--model", model, "--dim", "100", "--window", "5", "--negative", "5",
    "--min-count", "5", "--sample", "0.001", "--epochs", String(EPOCHS), "--seed", "1",
    ...(SUBWORDS ? ["--minn", "3", "--maxn", "6", "--buckets", "2000000"] : [])];
  const out = execFileSync(command[0], [...command.slice(1), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "training-bench-"));
  try {
    const corpus = path.join(tmp, "sotu.txt");
    writeFileSync(corpus, gunzipSync(readFileSync(path.join(ROOT, "assets/corpora/sotu.txt.gz"))));
    const script = path.join(tmp, "gensim_bench.py");
    writeFileSync(script, GENSIM);
    console.log(`State of the Union, ${EPOCHS} epochs, ${SUBWORDS ? "fastText subwords (3-6, 2M buckets)" : "word2vec"}; ` +
      `load average at start ${loadavg().map((x) => x.toFixed(2)).join(" ")} (a shared machine: compare within one run)`);
    const rows = [];
    for (const model of ["sg", "cbow"]) {
      for (let run = 0; run < RUNS; run++) {
        const row = { model };
        if (existsSync(NATIVE)) {
          const r = ours([NATIVE], corpus, model);
          row.native = r.words_per_second;
          row.nativeMemory = r.peak_memory_bytes;
        }
        if (existsSync(WASM)) {
          const r = ours([process.execPath, WASM], corpus, model);
          row.wasm = r.words_per_second;
          row.wasmMemory = r.peak_memory_bytes;
        }
        if (!argv.includes("--no-gensim")) {
          row.gensim = Number(execFileSync("/usr/bin/python3", [script, corpus, model === "sg" ? "1" : "0", String(EPOCHS),
            SUBWORDS ? "1" : "0"], { encoding: "utf8" }));
        }
        rows.push(row);
        const k = (x) => (x ? `${(x / 1000).toFixed(0)}k` : "-");
        const ratio = (x) => (x && row.gensim ? `${(x / row.gensim).toFixed(2)}x` : "-");
        const mem = (x) => (x ? `${(x / 1e6).toFixed(0)} MB` : "-");
        console.log(`${model.padEnd(5)} native ${k(row.native)} words/s (${ratio(row.native)} gensim, peak ${mem(row.nativeMemory)})` +
          ` | wasm ${k(row.wasm)} words/s (${ratio(row.wasm)} gensim, memory ${mem(row.wasmMemory)})` +
          ` | gensim 1 worker ${k(row.gensim)} words/s`);
      }
    }
    console.log(`load average at end ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    if (!existsSync(NATIVE) || !existsSync(WASM)) console.log("(build both drivers for all columns; see the header)");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
