// Tokenizer throughput in one Node process, on one mixed corpus (bench/corpus.mjs): this
// project's encode() against OpenAI's tiktoken (npm, Rust compiled to WASM), js-tiktoken and
// gpt-tokenizer, for gpt2, cl100k_base and o200k_base; plus pathological inputs.
// Reported, not asserted. Median of several runs over the whole corpus, after a warm-up.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { get_encoding } from "tiktoken";
import { getEncoding } from "js-tiktoken";
import { init } from "../dist/lib/playground.js";
import { buildCorpus } from "./corpus.mjs";
import { median } from "./stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

export async function benchTokenizers({ megabytes = 2 } = {}) {
  const { text, parts } = buildCorpus(megabytes);
  const bytes = Buffer.byteLength(text);
  const pg = await init();
  const gptTokenizer = {
    gpt2: (await import("gpt-tokenizer/encoding/r50k_base")).encode,
    cl100k_base: (await import("gpt-tokenizer/encoding/cl100k_base")).encode,
    o200k_base: (await import("gpt-tokenizer/encoding/o200k_base")).encode,
  };
  const rows = [];
  for (const name of ["gpt2", "cl100k_base", "o200k_base"]) {
    const ours = await pg.loadTokenizer(name);
    const tk = get_encoding(name);
    const jst = getEncoding(name);
    const gt = gptTokenizer[name];
    // All four must agree on the corpus, or the comparison means nothing.
    const want = ours.encodeToUint32Array(text);
    const others = { tiktoken: Array.from(tk.encode_ordinary(text)), "js-tiktoken": jst.encode(text), "gpt-tokenizer": gt(text) };
    for (const [lib, ids] of Object.entries(others)) {
      const same = ids.length === want.length && ids.every((id, i) => id === want[i]);
      if (!same) console.log(`  note: ${lib} gives different ids than ours for ${name} (${ids.length} vs ${want.length} tokens)`);
    }
    const mbps = (ms) => bytes / 1e6 / (ms / 1000);
    const row = { name, tokens: want.length };
    row.ours = mbps(time(() => ours.encodeToUint32Array(text)));
    row.tiktoken = mbps(time(() => tk.encode_ordinary(text)));
    row["js-tiktoken"] = mbps(time(() => jst.encode(text), Math.max(1, RUNS - 2)));
    row["gpt-tokenizer"] = mbps(time(() => gt(text)));
    rows.push(row);
    tk.free();
  }
  const native = nativeThroughput(text);
  const patho = [];
  for (const [label, input] of [["100,000 × 'a'", "a".repeat(100_000)], ["200,000 × 'a'", "a".repeat(200_000)], ["1,000,000 × '^'", "^".repeat(1_000_000)], ["100,000 spaces", " ".repeat(100_000)], ["100,000 × '0'", "0".repeat(100_000)]]) {
    const row = { label };
    for (const name of ["gpt2", "cl100k_base", "o200k_base", "llama3"]) {
      const tok = await pg.loadTokenizer(name);
      row[name] = time(() => tok.encodeToUint32Array(input), 3);
    }
    patho.push(row);
  }
  return { bytes, parts, rows, patho, native };
}

// The native build (build/native, Release) on the same corpus, single thread.
function nativeThroughput(text) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    execFileSync("cmake", ["-S", root, "-B", `${root}build/native`, "-DCMAKE_BUILD_TYPE=Release"], { stdio: "ignore" });
    execFileSync("cmake", ["--build", `${root}build/native`, "--target", "playground_tokenizer_bench", "-j2"], { stdio: "ignore" });
    mkdirSync(`${root}build/bench`, { recursive: true });
    writeFileSync(`${root}build/bench/corpus.txt`, text);
    const out = execFileSync(`${root}build/native/playground_tokenizer_bench`, [`${root}build/bench/corpus.txt`, `${root}assets/tokenizers`, String(RUNS)], { encoding: "utf8" });
    return Object.fromEntries(out.trim().split("\n").map((line) => {
      const [name, mbps] = line.split(" ");
      return [name, Number(mbps)];
    }));
  } catch (error) {
    return { error: error.message.split("\n")[0] };
  }
}

export function printTokenizerResults({ bytes, parts, rows, patho, native }) {
  console.log(`\nTokenizer throughput, MB/s (median of ${RUNS}; corpus ${(bytes / 1e6).toFixed(2)} MB: ${Object.entries(parts).map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}`).join(", ")})`);
  console.log("| encoding | tokens | this project | tiktoken (npm) | js-tiktoken | gpt-tokenizer | ours ÷ fastest other |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const best = Math.max(r.tiktoken, r["js-tiktoken"], r["gpt-tokenizer"]);
    console.log(`| ${r.name} | ${r.tokens} | ${r.ours.toFixed(1)} | ${r.tiktoken.toFixed(1)} | ${r["js-tiktoken"].toFixed(1)} | ${r["gpt-tokenizer"].toFixed(1)} | ${(r.ours / best).toFixed(2)}× |`);
  }
  if (native) {
    console.log(native.error
      ? `\nNative build: could not run (${native.error})`
      : `\nNative build, single thread, same corpus: ${Object.entries(native).map(([k, v]) => `${k} ${v.toFixed(1)} MB/s`).join(", ")}`);
  }
  console.log("\nPathological inputs through the JS API, ms (median of 3)");
  console.log("| input | gpt2 | cl100k_base | o200k_base | llama3 |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of patho) console.log(`| ${r.label} | ${r.gpt2.toFixed(1)} | ${r.cl100k_base.toFixed(1)} | ${r.o200k_base.toFixed(1)} | ${r.llama3.toFixed(1)} |`);
}

if (process.argv[1] && process.argv[1].endsWith("tokenizers.mjs")) {
  printTokenizerResults(await benchTokenizers({ megabytes: Number(process.env.BENCH_MB ?? 2) }));
}
