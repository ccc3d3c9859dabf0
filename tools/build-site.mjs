#!/usr/bin/env node
// Assembles dist/: the page (web/), the library (wasm/ wrapper + Emscripten output) in
// dist/lib/, the default vectors in dist/assets/. Every URL inside is relative, so the folder
// works from any static host or sub-path (GitHub Pages project sites included).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist`;
const need = (path) => {
  if (!existsSync(path)) {
    console.error(`missing ${path}: run tools/build.sh (it builds the WebAssembly module first)`);
    process.exit(1);
  }
  return path;
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(`${dist}/lib`, { recursive: true });
mkdirSync(`${dist}/assets`, { recursive: true });
cpSync(`${root}web`, dist, { recursive: true });
// The wrapper: every JS module and its typings (a new module needs no edit here).
need(`${root}wasm/playground.js`);
for (const file of readdirSync(`${root}wasm`).filter((n) => n.endsWith(".js") || n.endsWith(".d.ts"))) cpSync(`${root}wasm/${file}`, `${dist}/lib/${file}`);
for (const file of ["playground_core.js", "playground_core.wasm"]) cpSync(need(`${root}build/wasm/${file}`), `${dist}/lib/${file}`);
cpSync(need(`${root}assets/glove-6b-100d-10k.bin`), `${dist}/assets/glove-6b-100d-10k.bin`);
// Tokenizer data: downloaded by the page only when that tokenizer is picked.
mkdirSync(`${dist}/assets/tokenizers`, { recursive: true });
for (const name of readdirSync(`${root}assets/tokenizers`).filter((n) => n.endsWith(".bin"))) {
  cpSync(`${root}assets/tokenizers/${name}`, `${dist}/assets/tokenizers/${name}`);
}

let total = 0;
let onDemand = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) walk(path);
    else if (path.includes("/assets/tokenizers/")) onDemand += statSync(path).size;
    else if (!name.endsWith(".d.ts")) total += statSync(path).size;
  }
};
walk(dist);
console.log(`dist/ ready: ${(total / 1e6).toFixed(2)} MB for the page, ${(onDemand / 1e6).toFixed(2)} MB of tokenizers loaded on demand`);
