#!/usr/bin/env node
// Benchmarks of the built site (run `bash tools/build.sh` first):   npm run bench
//   1. nearest-neighbour queries (top 10 over the default set) through the JS API, against a
//      plain-JS scan of the same unit vectors in the same process;
//   2. PCA of the whole default set;
//   3. the page in headless Debian Chromium: bytes transferred, and time from navigation start
//      until window.playground.ready resolves;
//   4. a 5 MB text file opened in the tokenizer panel: time until its tokens are drawn, and the
//      longest main-thread task meanwhile.
// Prints medians from one run on this machine, with the targets beside them. Nothing is
// asserted: the numbers are for the README, and they vary between machines and runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LIBRARY = new URL("../dist/lib/playground.js", import.meta.url);

const K = 10;
const QUERY_WORDS = 200;
const QUERIES = 2000;
const WARMUP_QUERIES = 400;
const PCA_RUNS = 9;
const PAGE_LOADS = 5;
const PAGE_TIMEOUT_MS = 60_000;
const LARGE_TEXT_CHARS = 5_000_000;
const LARGE_TEXT_RUNS = 3;

const ms = (x, digits = 3) => `${x.toFixed(digits)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

function cpuModel() {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => /^model name\s*:/.test(l));
    if (line) return line.split(":")[1].trim();
  } catch {}
  return cpus()[0]?.model ?? "unknown";
}

/**
 * The baseline: a straightforward scan in plain JS over unit vectors built from vs.vector()
 * (normalized here, stored as float32), keeping the best k in a small sorted array.
 */
function plainJsIndex(vs) {
  const words = vs.words();
  const dim = vs.dim;
  const unit = new Float32Array(words.length * dim);
  words.forEach((word, i) => {
    const v = vs.vector(word);
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < dim; j++) unit[i * dim + j] = v[j] / norm;
  });
  const index = new Map(words.map((w, i) => [w, i]));

  return function nearest(word, k) {
    const q = index.get(word);
    const query = unit.subarray(q * dim, (q + 1) * dim);
    const bestScore = new Float64Array(k).fill(-Infinity);
    const bestRow = new Int32Array(k).fill(-1);
    for (let row = 0; row < words.length; row++) {
      if (row === q) continue;
      let dot = 0;
      const offset = row * dim;
      for (let j = 0; j < dim; j++) dot += unit[offset + j] * query[j];
      if (dot <= bestScore[k - 1]) continue;
      let at = k - 1;
      while (at > 0 && bestScore[at - 1] < dot) {
        bestScore[at] = bestScore[at - 1];
        bestRow[at] = bestRow[at - 1];
        at--;
      }
      bestScore[at] = dot;
      bestRow[at] = row;
    }
    return Array.from(bestRow, (row, i) => ({ word: words[row], score: bestScore[i] }));
  };
}

/** Median per-call time of fn(word) over `count` calls cycling through `words`, after a warm-up. */
function timePerQuery(fn, words, count, warmup) {
  for (let i = 0; i < warmup; i++) fn(words[i % words.length]);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const word = words[i % words.length];
    const start = performance.now();
    fn(word);
    times[i] = performance.now() - start;
  }
  return median(times);
}

async function benchApi() {
  const { init } = await import(LIBRARY.href);
  const vs = await (await init()).loadVectors();
  const rows = [];

  // 200 frequent words: plain lowercase words from the top of GloVe's frequency order.
  const queryWords = vs.words().filter((w) => /^[a-z]+$/.test(w)).slice(50, 50 + QUERY_WORDS);
  const plainNearest = plainJsIndex(vs);

  // The two must answer the same question; check a few before timing them.
  for (const word of queryWords.slice(0, 20)) {
    const ours = vs.nearest(word, K).map((r) => r.word).join(" ");
    const plain = plainNearest(word, K).map((r) => r.word).join(" ");
    if (ours !== plain) console.log(`note: plain JS and the API disagree for "${word}":\n  api:   ${ours}\n  plain: ${plain}`);
  }

  const apiMs = timePerQuery((w) => vs.nearest(w, K), queryWords, QUERIES, WARMUP_QUERIES);
  const plainMs = timePerQuery((w) => plainNearest(w, K), queryWords, QUERIES, WARMUP_QUERIES);
  const label = `top ${K} of ${vs.size.toLocaleString("en-US")} words, median of ${QUERIES} queries over ${queryWords.length} words`;
  rows.push([`nearest neighbours, JS API (WASM): ${label}`, `${ms(apiMs)} / query`, "≤ 0.5 ms"]);
  rows.push([`nearest neighbours, plain-JS scan of the same unit vectors`, `${ms(plainMs)} / query`, ""]);
  rows.push(["speed-up of the API over plain JS", `${(plainMs / apiMs).toFixed(1)}×`, "≥ 3×"]);

  vs.pca(null, 2);
  const pcaTimes = [];
  for (let i = 0; i < PCA_RUNS; i++) {
    const start = performance.now();
    vs.pca(null, 2);
    pcaTimes.push(performance.now() - start);
  }
  rows.push([`PCA of all ${vs.size.toLocaleString("en-US")} words, 2 components: median of ${PCA_RUNS} runs`, ms(median(pcaTimes), 1), "≤ 150 ms"]);
  vs.dispose();
  return rows;
}

async function benchPage() {
  const { launchChromium } = await import("../tests/e2e/harness.mjs");
  const { serve } = await import("../tools/serve.mjs");
  const { url, close } = await serve(`${ROOT}dist`, 0);
  const browser = await launchChromium();
  const rows = [];
  const notes = [];
  try {
    const version = browser.version();
    const loads = [];
    for (let i = 0; i < PAGE_LOADS; i++) {
      const context = await browser.newContext(); // fresh: empty cache and storage
      const page = await context.newPage();
      const bodies = [];
      const errors = [];
      // Bytes on the wire (headers + encoded body) as tools/serve.mjs sends them: gzip for text,
      // JS and WASM, 304 for a repeated request, like a static host; and the decoded body sizes.
      page.on("requestfinished", (request) =>
        bodies.push(
          Promise.all([request.sizes(), request.response()]).then(
            ([sizes, response]) => ({ url: request.url(), wire: sizes.responseBodySize + sizes.responseHeadersSize, status: response?.status() }),
            () => null,
          ),
        ),
      );
      page.on("pageerror", (error) => errors.push(error.message));
      try {
        await page.goto(url, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
        const readyAt = await page.evaluate(async () => {
          if (!window.playground?.ready) return null;
          return window.playground.ready.then(() => performance.now());
        });
        // Where the time went, for the page's authors: DOMContentLoaded and the page's own marks.
        const milestones = await page.evaluate(() => [
          ["DOMContentLoaded", performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd],
          ...performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
        ]);
        await page.waitForLoadState("networkidle", { timeout: PAGE_TIMEOUT_MS }).catch(() => {});
        const responses = (await Promise.all(bodies)).filter(Boolean);
        loads.push({
          readyAt,
          bytes: responses.reduce((s, r) => s + r.wire, 0),
          requests: responses.length,
          notModified: responses.filter((r) => r.status === 304).length,
          milestones,
          errors,
        });
      } catch (error) {
        loads.push({ failed: `${error.name}: ${error.message.split("\n")[0]}`, errors });
      } finally {
        await context.close();
      }
    }

    const failed = loads.find((l) => l.failed);
    const errors = [...new Set(loads.flatMap((l) => l.errors))];
    if (failed) notes.push(`page load failed: ${failed.failed}`);
    if (errors.length) notes.push(`page errors: ${errors.join(" | ")}`);
    const done = loads.filter((l) => !l.failed);
    if (done.length) {
      const bytes = median(done.map((l) => l.bytes));
      rows.push([`page transfer until idle, everything the default page fetches (incl. the GPT-2 tokenizer): ${done[0].requests} requests, ${done[0].notModified} of them 304, gzip as a static host sends it`, mb(bytes), "≤ 3 MB"]);
      if (done.some((l) => l.readyAt === null)) {
        notes.push("page not ready: window.playground missing");
      } else {
        rows.push([`page: navigation start → window.playground.ready, median of ${done.length} fresh loads`, ms(median(done.map((l) => l.readyAt)), 0), ""]);
        const names = done[0].milestones.map(([name]) => name).filter((name) => done.every((l) => l.milestones.some(([n]) => n === name)));
        const at = (name) => median(done.map((l) => l.milestones.find(([n]) => n === name)[1]));
        notes.push(`page milestones after navigation start (medians): ${names.map((n) => `${n} ${ms(at(n), 0)}`).join(", ")}`);
      }
    }
    rows.push(...(await benchLargeText(browser, url)));
    return { rows, notes, version };
  } finally {
    await browser.close();
    await close();
  }
}

/**
 * A 5 MB text file opened in the tokenizer panel (it goes to the read-only view, not the
 * textarea): time from picking the file until its tokens are drawn, and the longest task on the
 * page's main thread meanwhile (PerformanceObserver "longtask", tasks over 50 ms).
 */
async function benchLargeText(browser, url) {
  const line = "Merhaba dünya, the quick brown fox jumps over the lazy dog 42! ";
  const text = line.repeat(Math.ceil(LARGE_TEXT_CHARS / line.length)).slice(0, LARGE_TEXT_CHARS);
  // A file on disk, as a visitor picks one: Chromium reads it itself (a buffer given to
  // setInputFiles would be decoded by script inside the page, a long task of the harness's own).
  const dir = mkdtempSync(join(tmpdir(), "bench-text-"));
  const file = join(dir, "big.txt");
  writeFileSync(file, text);
  const runs = [];
  for (let i = 0; i < LARGE_TEXT_RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
      await page.waitForFunction(() => performance.getEntriesByName("playground:examples-shown").length > 0, null, { timeout: PAGE_TIMEOUT_MS });
      await page.locator('[data-testid="tok-done"]').waitFor({ timeout: PAGE_TIMEOUT_MS }); // the sample text's tokens first
      const shown = await page.evaluate(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
        }).observe({ type: "longtask" });
        window.__pickedAt = performance.now();
        return performance.getEntriesByName("playground:tokens-shown").length;
      });
      await page.locator('[data-testid="tok-file"]').setInputFiles(file);
      await page.waitForFunction((n) => performance.getEntriesByName("playground:tokens-shown").length > n, shown, { timeout: PAGE_TIMEOUT_MS });
      const chars = await page.locator('[data-testid="tok-chars"]').textContent();
      if (chars.replace(/\D/g, "") !== String(LARGE_TEXT_CHARS)) throw new Error(`the panel shows ${chars} characters, not the file's`);
      runs.push(await page.evaluate(() => ({ ms: performance.getEntriesByName("playground:tokens-shown").at(-1).startTime - window.__pickedAt, longest: window.__longest })));
    } finally {
      await context.close();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const mbText = (Buffer.byteLength(text) / 1e6).toFixed(1);
  return [
    [`a ${mbText} MB text file opened in the tokenizer panel (read-only view, GPT-2, in the worker): file picked → tokens drawn, median of ${runs.length}`, ms(median(runs.map((r) => r.ms)), 0), ""],
    ["… the longest main-thread task meanwhile (0 = none over 50 ms)", ms(median(runs.map((r) => r.longest)), 0), "≤ 50 ms"],
  ];
}

function table(rows) {
  const lines = ["| measure | median | target |", "| --- | ---: | --- |"];
  for (const [what, value, target] of rows) lines.push(`| ${what} | ${value} | ${target} |`);
  return lines.join("\n");
}

if (!existsSync(fileURLToPath(LIBRARY))) {
  console.error("dist/ is not built: run `bash tools/build.sh` first.");
  process.exit(1);
}

const loadAtStart = loadavg()[0];
const rows = await benchApi();
let page;
try {
  page = await benchPage();
} catch (error) {
  page = { rows: [], notes: [`page benchmark could not run: ${error.message.split("\n")[0]}`], version: "unknown" };
}

console.log(`Machine: ${cpuModel()}, ${availableParallelism()} cores (load average ${loadAtStart.toFixed(1)} at start); Node ${process.version}; Chromium ${page.version}; ${new Date().toISOString().slice(0, 10)}`);
console.log("");
console.log(table([...rows, ...page.rows]));
for (const note of page.notes) console.log(`\n${note}`);

// Tokenizers: throughput against tiktoken, js-tiktoken and gpt-tokenizer, and pathological inputs.
const { benchTokenizers, printTokenizerResults } = await import("./tokenizers.mjs");
printTokenizerResults(await benchTokenizers({ megabytes: Number(process.env.BENCH_MB ?? 2) }));
