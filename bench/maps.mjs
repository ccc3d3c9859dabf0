#!/usr/bin/env node
// Map benchmark: t-SNE (1,000 iterations) and UMAP of all 10,015 default words, natively and in
// WebAssembly under Node (one thread each), with scikit-learn's TSNE and umap-learn timed in the
// same run beside them, and the maps' trustworthiness@10 scored by scikit-learn. Peak memory:
// natively the process's peak resident set, in WebAssembly the size of the linear memory
// (which only grows, so it is the high-water mark).
//
//   node bench/maps.mjs [--words N|all] [--no-reference] [--no-wasm] [--no-native]
//
// Builds the drivers it needs (tools/map-cli.cc as build/native/playground_map_cli and, with
// an Emscripten configure in build/wasm, build/wasm/playground_map_cli.js). Prints a table;
// asserts nothing: the numbers are for the README and vary with the machine and its load.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ASSET = path.join(ROOT, "assets/glove-6b-100d-10k.bin");
const NATIVE = path.join(ROOT, "build/native/playground_map_cli");
const WASM = path.join(ROOT, "build/wasm/playground_map_cli.js");
const PYTHON = "/usr/bin/python3";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const words = option("--words", "all");
const want = (name) => !args.includes(`--no-${name}`);

function build(dir, target) {
  if (!existsSync(path.join(ROOT, dir, "CMakeCache.txt"))) return false;
  const env = { ...process.env, NODE_PATH: ["/usr/share/nodejs", process.env.NODE_PATH].filter(Boolean).join(":") };
  const r = spawnSync("cmake", ["--build", path.join(ROOT, dir), "--target", target, "-j2"], { stdio: "inherit", env });
  return r.status === 0;
}

const work = mkdtempSync(path.join(tmpdir(), "maps-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** Runs the driver (native binary or the WASM build under this Node); returns its JSON. */
function run(kind, method, extra = []) {
  const out = path.join(work, `${kind}-${method}.json`);
  const cli = ["--asset", ASSET, "--method", method, "--words", words, "--quality", "10", "--out", out, ...extra];
  if (kind === "native") execFileSync(NATIVE, cli, { stdio: "inherit" });
  else execFileSync(process.execPath, [WASM, ...cli], { stdio: "inherit", cwd: ROOT });
  return { file: out, ...JSON.parse(readFileSync(out, "utf8")) };
}

const s = (x) => (x == null ? "–" : `${x.toFixed(1)} s`);
const mb = (x) => (x == null || x < 0 ? "–" : `${Math.round(x)} MB`);
const t = (x) => (x == null ? "–" : x.toFixed(4));

console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (shared: timings vary)`);
const results = {};
for (const kind of ["native", "wasm"]) {
  if (!want(kind)) continue;
  const ok = kind === "native" ? build("build/native", "playground_map_cli") && existsSync(NATIVE)
                               : build("build/wasm", "playground_map_cli") && existsSync(WASM);
  if (!ok) {
    console.log(`${kind}: driver not built (configure build/${kind} first); skipped`);
    continue;
  }
  for (const method of ["tsne", "umap"]) {
    console.log(`running ${kind} ${method} on ${words} words ...`);
    results[`${kind}-${method}`] = run(kind, method);
  }
}

let reference = null;
if (want("reference")) {
  console.log("running scikit-learn TSNE and umap-learn UMAP (and scoring every map with scikit-learn) ...");
  const ours = (m) => results[`native-${m}`]?.file ?? results[`wasm-${m}`]?.file;
  const cli = [path.join(ROOT, "tests/parity/maps_reference.py"), "--asset", ASSET, "--words", words, "--methods", "tsne,umap"];
  if (ours("tsne")) cli.push("--ours-tsne", ours("tsne"));
  if (ours("umap")) cli.push("--ours-umap", ours("umap"));
  reference = JSON.parse(execFileSync(PYTHON, cli, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] }));
}

const rows = [["", "time", "longest call: setup piece / step", "peak memory", "trustworthiness@10", "KL", "target"]];
const ms = (x) => (x == null ? "–" : `${Math.round(x)} ms`);
const n = (results["native-tsne"] ?? results["wasm-tsne"])?.n ?? reference?.n;
for (const [method, label, target] of [["tsne", "t-SNE, 1,000 iterations", "≤ 30 s in WASM, ≤ 200 MB"], ["umap", "UMAP", "≤ 10 s in WASM, ≤ 200 MB"]]) {
  for (const kind of ["native", "wasm"]) {
    const r = results[`${kind}-${method}`];
    if (!r) continue;
    rows.push([`${label}, ours, ${kind === "native" ? "native" : "WebAssembly (Node)"}, one thread`, `${s(r.seconds)} (setup ${s(r.setup_seconds)})`,
      `${ms(r.longest_setup_piece_ms)} / ${ms(r.longest_iteration_ms ?? r.longest_epoch_ms)}`,
      mb(r.peak_rss_mb), t(r.trustworthiness), r.kl != null ? r.kl.toFixed(4) : "", kind === "wasm" ? target : ""]);
  }
  const ref = reference?.[method];
  const theirs = ref?.sklearn ?? ref?.umap_learn;
  if (theirs) {
    rows.push([`${label}, ${method === "tsne" ? "scikit-learn 1.2 TSNE (both cores)" : "umap-learn 0.5 (numba compilation included)"}`,
      s(theirs.seconds), "", "", t(theirs.trustworthiness), theirs.kl != null ? theirs.kl.toFixed(4) : "", ""]);
    if (ref.ours) rows.push([`  (our map scored by scikit-learn)`, "", "", "", t(ref.ours.trustworthiness), "", ""]);
  }
}
const quality = results["native-tsne"]?.quality_seconds;
if (quality != null) rows.push([`map quality (trustworthiness + recall, k = 10) of one map, ours, native`, s(quality), "", "", "", "", ""]);
const wasmQuality = results["wasm-tsne"]?.quality_seconds;
if (wasmQuality != null) rows.push([`map quality of one map, ours, WebAssembly`, s(wasmQuality), "", "", "", "", ""]);

console.log(`\n${n} words`);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((cell, c) => String(cell).padEnd(widths[c])).join("  "));
