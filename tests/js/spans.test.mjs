// Tokenizer.spans() and WordTokenizer.spans(): typed arrays whose UTF-16 ranges are checked
// against a plain reference mapping written here (character by character over the JS string),
// and tokens() as an object view that agrees with spans() and with encode().
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { encodeUtf8, init, PlaygroundError } from "embedding-playground";
import { CORPUS } from "./corpus.mjs";
import { random } from "./random.mjs";

const BPE = ["gpt2", "p50k_base", "cl100k_base", "o200k_base", "llama3"];
const RANDOM = 3000;

// Pieces that put every UTF-8 length, surrogate pairs, lone surrogates and specials in the mix.
const PIECES = ["a", "Ab", " ", "\n", "'s", "1234", "ç", "ğı", "日本", "한", "👋", "👍🏽", "👨‍👩‍👧", "\ud83d", "\ude00", "é\u0301", "<|endoftext|>", "<|begin_of_text|>", "\u0085", "  \t"];
function randomText(next) {
  let s = "";
  for (let n = Math.floor(next() * 12); n > 0; n--) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

// Reference: the UTF-8 byte offset at which each character of `text` starts (a lone surrogate
// is U+FFFD: 3 bytes), as [byte, unit] boundaries including the end.
function boundaries(text) {
  const out = [[0, 0]];
  let byte = 0;
  for (let unit = 0; unit < text.length; ) {
    const cp = text.codePointAt(unit);
    const pair = cp > 0xffff;
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : pair ? 4 : 3;
    unit += pair ? 2 : 1;
    out.push([byte, unit]);
  }
  return out;
}
const roundDown = (bounds, byte) => bounds.filter(([b]) => b <= byte).at(-1)[1];
const roundUp = (bounds, byte) => bounds.find(([b]) => b >= byte)[1];

function referenceRanges(text, byteStarts, byteEnds) {
  const bounds = boundaries(text);
  return Array.from(byteStarts, (s, i) => {
    const start = roundDown(bounds, s);
    return [start, s === byteEnds[i] ? start : roundUp(bounds, byteEnds[i])];
  });
}

let pg;
before(async () => {
  pg = await init();
});

for (const name of BPE) {
  describe(`${name} spans()`, () => {
    let tok;
    before(async () => {
      tok = await pg.loadTokenizer(name);
    });

    test("typed arrays: ids as encode(), contiguous UTF-8 ranges, UTF-16 ranges as the reference", () => {
      const next = random(name.length * 104729);
      const texts = [...CORPUS, ...Array.from({ length: RANDOM }, () => randomText(next))];
      for (const text of texts) {
        for (const options of [undefined, { allowedSpecial: "all" }, ...(tok.bosId === null ? [] : [{ addBos: true, addEos: true }])]) {
          const s = tok.spans(text, options);
          for (const key of ["ids", "starts", "ends", "byteStarts", "byteEnds"]) assert.ok(s[key] instanceof Uint32Array, key);
          assert.deepEqual(Array.from(s.ids), tok.encode(text, options), JSON.stringify(text));
          const bytes = encodeUtf8(text);
          let at = 0;
          for (let i = 0; i < s.ids.length; i++) {
            if (s.byteStarts[i] === s.byteEnds[i]) continue; // BOS/EOS
            assert.equal(s.byteStarts[i], at);
            at = s.byteEnds[i];
          }
          assert.equal(at, bytes.length);
          const got = Array.from(s.starts, (start, i) => [start, s.ends[i]]);
          assert.deepEqual(got, referenceRanges(text, s.byteStarts, s.byteEnds), JSON.stringify(text));
        }
      }
    });

    test("tokens() is the object view of spans()", () => {
      const next = random(7 + name.length);
      for (const text of [...CORPUS, ...Array.from({ length: 300 }, () => randomText(next))]) {
        const s = tok.spans(text);
        const tokens = tok.tokens(text);
        const bytes = encodeUtf8(text);
        assert.equal(tokens.length, s.ids.length);
        tokens.forEach((t, i) => {
          assert.deepEqual([t.id, t.start, t.end], [s.ids[i], s.starts[i], s.ends[i]]);
          assert.deepEqual(t.bytes, bytes.slice(s.byteStarts[i], s.byteEnds[i]));
          assert.equal(t.text, new TextDecoder("utf-8", { ignoreBOM: true }).decode(t.bytes));
        });
      }
    });
  });
}

describe("spans() details", () => {
  test("a split emoji: both tokens cover the whole emoji; BOS and EOS cover nothing", async () => {
    const gpt2 = await pg.loadTokenizer("gpt2");
    const s = gpt2.spans("I'm here 👋");
    assert.deepEqual(Array.from(s.starts), [0, 1, 3, 8, 9]);
    assert.deepEqual(Array.from(s.ends), [1, 3, 8, 11, 11]);
    const llama = await pg.loadTokenizer("llama3");
    const b = llama.spans("Hi", { addBos: true, addEos: true });
    assert.deepEqual(Array.from(b.ids), [128000, 13347, 128001]);
    assert.deepEqual([Array.from(b.starts), Array.from(b.ends)], [[0, 0, 2], [0, 2, 2]]);
    assert.deepEqual(llama.tokens("Hi", { addBos: true }).map((t) => t.text), ["<|begin_of_text|>", "Hi"]);
  });

  test("empty text and a lone surrogate", async () => {
    const tok = await pg.loadTokenizer("cl100k_base");
    const empty = tok.spans("");
    assert.equal(empty.ids.length, 0);
    const lone = tok.tokens("a\ud800b");
    assert.equal(lone.map((t) => t.text).join(""), "a\ufffdb");
    assert.equal(lone.at(-1).end, 3);
  });

  test("options are checked like encode()'s", async () => {
    const tok = await pg.loadTokenizer("gpt2");
    for (const options of [null, "all", { allowedSpecial: true }, { addBos: 1 }, { allowSpecial: "all" }]) {
      assert.throws(() => tok.spans("x", options), (e) => e instanceof PlaygroundError && e.code === "BAD_ARGUMENT", JSON.stringify(options));
    }
    assert.throws(() => tok.spans(42), (e) => e.code === "BAD_ARGUMENT");
  });
});

describe("WordTokenizer.spans()", () => {
  test("ids, UTF-16 ranges and words, as tokens()", async () => {
    const vs = await pg.loadVectors();
    const words = await pg.loadTokenizer("words", { vectors: vs });
    const text = "The 👋 Kitten doesn't like çiğdem\ud800, <b>!";
    const s = words.spans(text);
    assert.ok(s.ids instanceof Int32Array && s.starts instanceof Uint32Array && s.ends instanceof Uint32Array);
    assert.deepEqual(s.words, ["the", "👋", "kitten", "does", "n't", "like", "çiğdem", "\ufffd", ",", "<", "b", ">", "!"]);
    assert.deepEqual(Array.from(s.starts, (start, i) => text.slice(start, s.ends[i])), ["The", "👋", "Kitten", "does", "n't", "like", "çiğdem", "\ud800", ",", "<", "b", ">", "!"]);
    assert.equal(s.ids[2], vs.words().indexOf("kitten"));
    assert.equal(s.ids[6], vs.words().indexOf("çiğdem"));
    assert.equal(s.ids[7], -1);
    assert.deepEqual(words.tokens(text).map((t) => [t.id, t.start, t.end, t.word]), Array.from(s.ids, (id, i) => [id, s.starts[i], s.ends[i], s.words[i]]));
    assert.deepEqual(words.spans(""), { ids: new Int32Array(0), starts: new Uint32Array(0), ends: new Uint32Array(0), words: [] });
  });
});
