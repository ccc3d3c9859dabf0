#!/usr/bin/env node
// The tokenizer families of issue 11 (BERT, Llama 2, Mistral 7B, Gemma 3, Qwen 3, DeepSeek V3,
// gpt-oss o200k_harmony) in one run, on bench/corpus.mjs's mixed corpus:
//   1. encode throughput of the native build (bench/tokenizer_families_bench.cc, single thread; wall
//      clock and, because the machine may be shared, CPU time) against transformers.js
//      (`@lenml/tokenizers` with each model's tokenizer.json) and, for Llama 2, llama-tokenizer-js;
//      the JS encoders must give our ids on the corpus, or the line says they do not;
//   2. each asset's size against the gzip-compressed tokenizer.json of its package.
// Reported, not asserted; medians after a warm-up. The JS API does not load these assets yet,
// so there is no WebAssembly column.
//
//   node bench/tokenizer-families.mjs        (BENCH_MB=1 corpus megabytes, BENCH_RUNS=3)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TokenizerLoader } from "@lenml/tokenizers";
import llamaTokenizer from "llama-tokenizer-js";
import {
  BERT_TOKENIZER_CONFIG, bertTokenizerJson, FAMILY_PACKAGES, LLAMA2_TOKENIZER_CONFIG, llama2TokenizerJson, loadBertVocab,
  loadLlamaTokenizerJsData, referenceTokenizerJson,
} from "../tools/build-tokenizer-families.mjs";
import { buildCorpus } from "./corpus.mjs";
import { median } from "./stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const nodeModules = path.join(root, "node_modules");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);  // JS runs; the native bench takes at least 5
const MODELS = ["bert_base_uncased", "llama2", "mistral", "gemma3", "qwen3", "deepseek_v3", "o200k_harmony"];

function time(fn, runs = RUNS) {
  fn();  // warm-up (JIT, caches)
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function transformersJs(model) {
  if (model === "bert_base_uncased") {
    return TokenizerLoader.fromPreTrained({ tokenizerJSON: bertTokenizerJson(loadBertVocab(nodeModules)), tokenizerConfig: BERT_TOKENIZER_CONFIG });
  }
  if (model === "llama2") {
    return TokenizerLoader.fromPreTrained({ tokenizerJSON: llama2TokenizerJson(loadLlamaTokenizerJsData(nodeModules)), tokenizerConfig: LLAMA2_TOKENIZER_CONFIG });
  }
  const dir = path.join(nodeModules, FAMILY_PACKAGES[model], "models");
  return TokenizerLoader.fromPreTrained({
    tokenizerJSON: JSON.parse(readFileSync(path.join(dir, "tokenizer.json"), "utf8")),
    tokenizerConfig: JSON.parse(readFileSync(path.join(dir, "tokenizer_config.json"), "utf8")),
  });
}

function build(target) {
  execFileSync("cmake", ["-S", root, "-B", `${root}build/native`, "-DCMAKE_BUILD_TYPE=Release"], { stdio: "ignore" });
  execFileSync("cmake", ["--build", `${root}build/native`, "--target", target, "-j2"], { stdio: "ignore" });
}

// The native build: throughput (bench/tokenizer_families_bench.cc) and our ids (tools/tokenize-cli.cc).
function native(corpusFile, paragraphs) {
  build("playground_tokenizer_families_bench");
  build("playground_tokenize_cli");
  const out = execFileSync(`${root}build/native/playground_tokenizer_families_bench`, [corpusFile, `${root}assets/tokenizers`, String(Math.max(RUNS, 5)), ...MODELS], { encoding: "utf8" });
  const rows = {};
  for (const line of out.trim().split("\n")) {
    const [name, mbps, tokens, cpuMbps, spansMbps, loadMs] = line.split(" ");
    rows[name] = { mbps: Number(mbps), tokens: Number(tokens), cpuMbps: Number(cpuMbps), spansMbps: Number(spansMbps), loadMs: Number(loadMs) };
  }
  // Our ids of each paragraph, special tokens allowed as transformers.js reads them.
  const input = Buffer.concat(paragraphs.flatMap((p) => {
    const b = Buffer.from(p, "utf8");
    const head = Buffer.alloc(5);
    head[0] = 1;
    head.writeUInt32LE(b.length, 1);
    return [head, b];
  }));
  for (const model of MODELS) {
    const res = execFileSync(`${root}build/native/playground_tokenize_cli`, [`${root}assets/tokenizers/${model}.bin`], { input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "ignore"] });
    const ids = [];
    for (let p = 0; p < res.length; ) {
      const n = res.readUInt32LE(p);
      for (let i = 0; i < n; i++) ids.push(res.readUInt32LE(p + 4 + 12 * i));
      p += 4 + 12 * n;
      p += 4 + res.readUInt32LE(p);
    }
    rows[model].ids = ids;
  }
  return rows;
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function benchFamilies({ megabytes = Number(process.env.BENCH_MB ?? 1) } = {}) {
  const { text, parts } = buildCorpus(megabytes);
  const bytes = Buffer.byteLength(text);
  mkdirSync(`${root}build/bench`, { recursive: true });
  const corpusFile = `${root}build/bench/families-corpus.txt`;
  writeFileSync(corpusFile, text);
  // The JS encoders take the corpus paragraph by paragraph, as a page or a notebook feeds them:
  // on one 2 MB string transformers.js runs the SentencePiece models' BPE over the whole text
  // (they have no pre-tokenizer) and takes minutes. The native figure is one call on the whole
  // text; our ids for the comparison come paragraph by paragraph too.
  const paragraphs = text.split("\n\n");
  const ours = native(corpusFile, paragraphs);
  const mbps = (ms) => bytes / 1e6 / (ms / 1000);
  const all = (encode) => paragraphs.flatMap((p) => encode(p));
  const rows = [];
  for (const model of MODELS) {
    console.error(`  ${model}…`);
    const row = { model, ...ours[model], notes: [] };
    const tok = transformersJs(model);
    const encode = (p) => tok.encode(p, { add_special_tokens: false });
    const js = all(encode);
    if (!same(js, row.ids)) row.notes.push(`transformers.js gives other ids (${js.length} tokens vs ${row.ids.length})`);
    row.transformersJs = mbps(time(() => all(encode)));
    if (model === "llama2") {
      const encodeJs = (p) => llamaTokenizer.encode(p, false, true);
      const ids = all(encodeJs);
      if (!same(ids, row.ids)) row.notes.push(`llama-tokenizer-js gives other ids (${ids.length} tokens vs ${row.ids.length})`);
      row.llamaJs = mbps(time(() => all(encodeJs)));
    }
    const asset = readFileSync(`${root}assets/tokenizers/${model}.bin`);
    row.assetBytes = asset.length;
    row.assetGzip = gzipSync(asset, { level: 9 }).length;
    row.jsonGzip = gzipSync(referenceTokenizerJson(model, nodeModules), { level: 9 }).length;
    delete row.ids;
    rows.push(row);
  }
  return { bytes, parts, rows };
}

export function printFamilyResults({ bytes, parts, rows }) {
  console.log(`\nTokenizer families, encode MB/s (corpus ${(bytes / 1e6).toFixed(2)} MB: ${Object.entries(parts).map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}`).join(", ")})`);
  console.log("native: one call on the whole text, single thread, median wall clock; CPU: the least CPU time of the runs (what to quote on a shared machine); JS: paragraph by paragraph");
  console.log("| model | tokens | native | native CPU | native encode_spans | transformers.js | llama-tokenizer-js | native ÷ JS | load ms |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const best = Math.max(r.transformersJs, r.llamaJs ?? 0);
    console.log(`| ${r.model} | ${r.tokens} | ${r.mbps.toFixed(1)} | ${r.cpuMbps.toFixed(1)} | ${r.spansMbps.toFixed(1)} | ${r.transformersJs.toFixed(2)} | ${r.llamaJs ? r.llamaJs.toFixed(2) : "—"} | ${(r.mbps / best).toFixed(1)}× | ${r.loadMs} |`);
  }
  for (const r of rows) for (const n of r.notes) console.log(`  note (${r.model}): ${n}`);
  console.log("\nAsset sizes against the package's tokenizer.json, gzip -9 (target: asset ≤ 40 %)");
  console.log("| model | asset bytes | asset gzipped | tokenizer.json gzipped | asset ÷ json.gz | asset.gz ÷ json.gz |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.model} | ${r.assetBytes} | ${r.assetGzip} | ${r.jsonGzip} | ${((100 * r.assetBytes) / r.jsonGzip).toFixed(1)} % | ${((100 * r.assetGzip) / r.jsonGzip).toFixed(1)} % |`);
  }
}

if (process.argv[1] && process.argv[1].endsWith("tokenizer-families.mjs")) {
  printFamilyResults(await benchFamilies());
}
