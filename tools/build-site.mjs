#!/usr/bin/env node
// Assembles dist/: the page (web/), the library (wasm/ wrapper + Emscripten output) in
// dist/lib/, the default vectors in dist/assets/. Every URL inside is relative, so the folder
// works from any static host or sub-path (GitHub Pages project sites included).
// Two things in index.html are written here, so that they cannot drift from the code:
//   - the stylesheets between <!-- build-site:styles --> markers are joined, in order, into one
//     style.css (one request instead of a dozen; web/styles/ itself is not copied);
//   - <!-- build-site:modulepreload … --> becomes one <link rel="modulepreload"> per module that
//     app.js imports, directly or not, statically or with import("literal") (the library
//     included), found by parsing the modules with acorn.
//   node tools/build-site.mjs
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist`;

const STYLES = /<!-- build-site:styles -->([\s\S]*?)<!-- \/build-site:styles -->/;
const PRELOAD = /^([ \t]*)<!-- build-site:modulepreload[^>]*-->/m;

/** acorn: Debian's node-acorn (installed by tools/setup.sh, Emscripten needs it too), or an npm copy. */
export async function loadAcorn() {
  const candidates = ["acorn", ...(process.env.NODE_PATH ?? "").split(":").filter(Boolean).map((dir) => join(dir, "acorn/dist/acorn.mjs")), "/usr/share/nodejs/acorn/dist/acorn.mjs"];
  for (const candidate of candidates) {
    try {
      return await import(candidate.startsWith("/") ? pathToFileURL(candidate).href : candidate);
    } catch {
      // next
    }
  }
  throw new Error("acorn is missing: run tools/setup.sh (it installs Debian's node-acorn).");
}

/** The specifiers a module imports: [{ specifier, dynamic }] in source order. */
export function importsOf(acorn, source) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if ((node.type === "ImportDeclaration" || node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source) {
      found.push({ specifier: node.source.value, dynamic: false, at: node.start });
    } else if (node.type === "ImportExpression" && node.source.type === "Literal" && typeof node.source.value === "string") {
      found.push({ specifier: node.source.value, dynamic: true, at: node.start });
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") visit(value);
    }
  };
  visit(acorn.parse(source, { ecmaVersion: "latest", sourceType: "module" }));
  return found.sort((a, b) => a.at - b.at).map(({ specifier, dynamic }) => ({ specifier, dynamic }));
}

/**
 * Every module reachable from `entry` (a file path) through relative imports, breadth first,
 * the entry itself left out. A relative import whose file is missing is an error.
 */
export function moduleGraph(acorn, entry) {
  const seen = new Set([resolve(entry)]);
  const order = [];
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.shift();
    for (const { specifier } of importsOf(acorn, readFileSync(file, "utf8"))) {
      if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue;
      const target = resolve(dirname(file), specifier);
      if (seen.has(target)) continue;
      if (!existsSync(target)) throw new Error(`${relative(root, file)} imports ${specifier}, which does not exist (${relative(root, target)})`);
      seen.add(target);
      order.push(target);
      queue.push(target);
    }
  }
  return order;
}

/** index.html with the preload marker replaced by one modulepreload link per href. */
export function withModulePreloads(html, hrefs) {
  const match = PRELOAD.exec(html);
  if (!match) throw new Error("index.html has no <!-- build-site:modulepreload --> marker");
  const indent = match[1];
  return html.replace(PRELOAD, hrefs.map((href) => `${indent}<link rel="modulepreload" href="${href}" />`).join("\n"));
}

/**
 * Joins the stylesheets linked between the styles markers: returns { html, css, files } with
 * the links replaced by one to `href`. readCss(href) gives a sheet's text.
 */
export function joinStyles(html, readCss, href = "style.css") {
  const match = STYLES.exec(html);
  if (!match) throw new Error("index.html has no <!-- build-site:styles --> markers");
  const files = [...match[1].matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const css = files
    .map((file) => {
      const text = readCss(file);
      // url(...) would be relative to the sheet's own folder, which the joined file is not in.
      if (/url\(\s*["']?(?!data:|#)/.test(text)) throw new Error(`${file} uses url(); the joined style.css cannot keep its relative paths`);
      return `/* ---- ${file} ---- */\n${text.trim()}\n`;
    })
    .join("\n");
  return { html: html.replace(STYLES, `<link rel="stylesheet" href="${href}" />`), css, files };
}

function need(path) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: run tools/build.sh (it builds the WebAssembly module first)`);
    process.exit(1);
  }
  return path;
}

async function build() {
  const acorn = await loadAcorn();
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(`${dist}/lib`, { recursive: true });
  mkdirSync(`${dist}/assets`, { recursive: true });
  cpSync(`${root}web`, dist, { recursive: true, filter: (path) => !path.startsWith(`${root}web/styles`) });
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

  // index.html: one stylesheet, and the module preloads from the import graph.
  const source = readFileSync(`${root}web/index.html`, "utf8");
  const styled = joinStyles(source, (href) => readFileSync(join(`${root}web`, href), "utf8"));
  writeFileSync(`${dist}/style.css`, styled.css);
  const modules = moduleGraph(acorn, `${dist}/app.js`).map((file) => relative(dist, file));
  writeFileSync(`${dist}/index.html`, withModulePreloads(styled.html, modules));

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
  console.log(`dist/ ready: ${(total / 1e6).toFixed(2)} MB for the page (${styled.files.length} stylesheets joined, ${modules.length} modules preloaded), ${(onDemand / 1e6).toFixed(2)} MB of tokenizers loaded on demand`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build();
