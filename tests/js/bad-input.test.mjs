// Calls a hostile tester made (issue 6, "Defects found by trying to break it"): each must be a
// PlaygroundError with the right code and a short, clear message, never a TypeError from inside,
// a raw ENOENT or a silently different answer.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { init, MAX_TEXT_LENGTH, PlaygroundError } from "embedding-playground";

const TOKENIZERS = new URL("../../assets/tokenizers/", import.meta.url);
let pg;
let vs;
let gpt2;
let words;

before(async () => {
  pg = await init();
  vs = await pg.loadVectors();
  gpt2 = await pg.loadTokenizer("gpt2");
  words = await pg.loadTokenizer("words", { vectors: vs });
});

const isCode = (code, messagePart) => (error) => {
  assert.ok(error instanceof PlaygroundError, `expected a PlaygroundError, got ${error?.name}: ${error?.message}`);
  assert.equal(error.code, code, error.message);
  if (messagePart) assert.match(error.message, messagePart);
  return true;
};
const throwsCode = (fn, code, messagePart) => assert.throws(fn, isCode(code, messagePart));
const rejectsCode = (promise, code, messagePart) => assert.rejects(promise, isCode(code, messagePart));

describe("1. wrong argument types are BAD_ARGUMENT, checked in one place", () => {
  test("a null options argument", async () => {
    throwsCode(() => vs.analogy(null), "BAD_ARGUMENT", /options of analogy\(\) must be an object/);
    throwsCode(() => vs.expression("king", null), "BAD_ARGUMENT", /expression\(\)/);
    throwsCode(() => vs.pca(["cat", "dog"], 2, null), "BAD_ARGUMENT", /pca\(\)/);
    throwsCode(() => gpt2.encode("x", null), "BAD_ARGUMENT", /encode\(\)/);
    throwsCode(() => gpt2.tokens("x", null), "BAD_ARGUMENT", /tokens\(\)/);
    await rejectsCode(pg.loadTokenizer("gpt2", null), "BAD_ARGUMENT", /loadTokenizer\(\)/);
    await rejectsCode(pg.loadVectors(undefined, null), "BAD_ARGUMENT", /loadVectors\(\)/);
  });

  test("an option that does not exist or has the wrong type", async () => {
    throwsCode(() => vs.pca(["cat", "dog"], 2, { normalise: true }), "BAD_ARGUMENT", /no option "normalise"; its options are normalize/);
    throwsCode(() => vs.pca(["cat", "dog"], 2, { normalize: "yes" }), "BAD_ARGUMENT", /true or false/);
    throwsCode(() => vs.analogy({ positive: ["king"], k: "5" }), "BAD_ARGUMENT");
    throwsCode(() => gpt2.encode("x", { addBos: 1 }), "BAD_ARGUMENT", /addBos/);
    await rejectsCode(pg.loadVectors(undefined, { onProgress: 5 }), "BAD_ARGUMENT", /onProgress/);
    await rejectsCode(pg.loadTokenizer("words", { source: "x.bin" }), "BAD_ARGUMENT", /no data file/);
    await rejectsCode(pg.loadTokenizer("gpt2", { vectors: vs }), "BAD_ARGUMENT", /only for the "words" tokenizer/);
    await rejectsCode(pg.loadTokenizer(42), "BAD_ARGUMENT", /Unknown tokenizer number/);
  });

  test("decode(null) of the words tokenizer", () => {
    throwsCode(() => words.decode(null), "BAD_ARGUMENT", /ids must be an array/);
    throwsCode(() => gpt2.decode(null), "BAD_ARGUMENT", /ids must be an array/);
  });

  test("BigInt arguments", () => {
    throwsCode(() => vs.suggest("cta", 3n), "BAD_ARGUMENT", /BigInt 3n/);
    throwsCode(() => vs.nearest(new BigInt64Array(100)), "BAD_ARGUMENT", /BigInt/);
    throwsCode(() => vs.nearest([...Array(99).fill(0.5), 1n]), "BAD_ARGUMENT", /BigInt/);
    throwsCode(() => vs.nearest("cat", 5n), "BAD_ARGUMENT");
    throwsCode(() => gpt2.decode([1n]), "BAD_ARGUMENT");
    throwsCode(() => gpt2.decode(new BigUint64Array(2)), "BAD_ARGUMENT");
  });

  test("loadTokenizer(\"words\") with something that is not a vector set", async () => {
    for (const vectors of [{}, "glove", 42, { _handle: () => 1 }]) {
      await rejectsCode(pg.loadTokenizer("words", { vectors }), "BAD_ARGUMENT", /vector set from loadVectors/);
    }
    const own = await pg.loadTokenizer("words", { vectors: null });
    assert.equal(own.vectors, vs); // null: the set loaded last, as undefined
  });
});

describe("2. every source is read by one function, and a missing file is FETCH_FAILED", () => {
  test("a missing file, in Node", async () => {
    await rejectsCode(pg.loadVectors("nope.bin"), "FETCH_FAILED", /nope\.bin.*ENOENT|ENOENT.*nope\.bin/);
    await rejectsCode(pg.loadTokenizer("gpt2", { source: "nope.bin" }), "FETCH_FAILED", /nope\.bin/);
    const { fetchVectorBytes } = await import("embedding-playground");
    await rejectsCode(fetchVectorBytes("nope.bin"), "FETCH_FAILED");
  });

  test("an ArrayBuffer source, for tokenizers as for vectors", async () => {
    const bytes = await readFile(new URL("gpt2.bin", TOKENIZERS));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const tok = await pg.loadTokenizer("gpt2", { source: buffer });
    assert.deepEqual(tok.encode("dog"), [9703]);
    await rejectsCode(pg.loadTokenizer("gpt2", { source: 42 }), "BAD_ARGUMENT", /source takes a URL, a path, a Uint8Array or an ArrayBuffer/);
    await rejectsCode(pg.loadVectors({}), "BAD_ARGUMENT", /loadVectors\(\) takes a URL/);
  });
});

describe("3. no silently wrong answers", () => {
  test("pca with a string as options is an error, not unit-vector PCA", () => {
    throwsCode(() => vs.pca(["cat", "dog", "apple"], 2, ""), "BAD_ARGUMENT");
    throwsCode(() => vs.pca(["cat", "dog", "apple"], 2, "normalize"), "BAD_ARGUMENT");
  });

  test("words.decode of a number, an object or a boolean throws as the BPE tokenizers do", () => {
    for (const ids of [42, {}, true]) {
      throwsCode(() => words.decode(ids), "BAD_ARGUMENT");
      throwsCode(() => gpt2.decode(ids), "BAD_ARGUMENT");
    }
  });

  test("suggest: Infinity and 1.5 are errors; a large count gives the 50 it can", () => {
    throwsCode(() => vs.suggest("cta", Infinity), "BAD_ARGUMENT");
    throwsCode(() => vs.suggest("cta", 1.5), "BAD_ARGUMENT");
    throwsCode(() => vs.suggest("cta", -1), "BAD_ARGUMENT");
    assert.deepEqual(vs.suggest("cta", 2 ** 32 + 3), vs.suggest("cta", 50));
    assert.ok(vs.suggest("cta", 2 ** 32 + 3).length > 3);
    assert.deepEqual(vs.suggest("cta", 0), []);
  });
});

describe("4. a tokenizer file must hold the tokenizer asked for", () => {
  test("cl100k's file loaded as gpt2 is BAD_ASSET naming both", async () => {
    const cl100k = await readFile(new URL("cl100k_base.bin", TOKENIZERS));
    await rejectsCode(pg.loadTokenizer("gpt2", { source: cl100k }), "BAD_ASSET", /holds "cl100k_base", not gpt2/);
    await rejectsCode(pg.loadTokenizer("llama3", { source: cl100k }), "BAD_ASSET", /holds "cl100k_base", not llama3/);
  });

  test("gpt2 and r50k_base share one file", async () => {
    const gpt2Bytes = await readFile(new URL("gpt2.bin", TOKENIZERS));
    const r50k = await pg.loadTokenizer("r50k_base", { source: gpt2Bytes });
    assert.equal(r50k.name, "r50k_base");
    assert.deepEqual(r50k.encode("hello world"), gpt2.encode("hello world"));
    await rejectsCode(pg.loadTokenizer("p50k_base", { source: gpt2Bytes }), "BAD_ASSET", /holds "gpt2"/);
  });
});

describe("7. messages quote at most a short prefix of what was typed", () => {
  const huge = "x".repeat(10_000_000);

  test("a 10 MB unknown word: short message and word, nothing copied into WASM memory", () => {
    const heap = pg.wasmHeapBytes();
    for (const call of [() => vs.nearest(huge), () => vs.similarity("cat", huge), () => vs.vector(huge), () => vs.analogy({ positive: ["king", huge] }), () => vs.doesntMatch(["cat", "dog", huge]), () => vs.pca(["cat", huge], 2)]) {
      assert.throws(call, (e) => {
        isCode("UNKNOWN_WORD")(e);
        assert.ok(e.message.length < 200, `message of ${e.message.length} characters`);
        assert.ok(e.word.length <= 65 && huge.startsWith(e.word.slice(0, -1)), e.word);
        return true;
      });
    }
    assert.equal(vs.has(huge), false);
    assert.deepEqual(vs.suggest(huge), []);
    assert.equal(pg.wasmHeapBytes(), heap);
  });

  test("a long unknown word the core looks up is clipped as well", () => {
    const long = "y".repeat(5000) + "\u{1F600}".repeat(10);
    assert.throws(() => vs.nearest(long.slice(0, 20)), (e) => e.word === "y".repeat(20));
    // Shorter than the longest vocabulary word would be looked up by the core; clip either way.
    assert.throws(() => vs.nearest(long), (e) => e.code === "UNKNOWN_WORD" && e.message.length < 200 && e.word.length <= 65);
  });

  test("JS-side messages quote a prefix too", async () => {
    for (const call of [() => gpt2.decode([huge]), () => gpt2.encode("x", { allowedSpecial: huge }), () => vs.pca(["cat", "dog"], 2, { [huge]: 1 })]) {
      assert.throws(call, (e) => isCode("BAD_ARGUMENT")(e) && e.message.length < 300);
    }
    await assert.rejects(pg.loadTokenizer(huge), (e) => isCode("BAD_ARGUMENT")(e) && e.message.length < 300);
    await assert.rejects(pg.loadVectors(`${huge}.bin`), (e) => isCode("FETCH_FAILED")(e) && e.message.length < 400);
  });
});

describe("8. the number of terms is bounded before any work", () => {
  test("an analogy with more words than the core's limit is BAD_ARGUMENT", (t) => {
    const max = pg.limits.maxTerms;
    if (max === undefined) return t.skip("the core does not define kMaxTerms yet");
    const many = vs.words().slice(100, 100 + max + 1);
    throwsCode(() => vs.analogy({ positive: many }), "BAD_ARGUMENT", new RegExp(`at most ${max}`));
    throwsCode(() => vs.analogy({ positive: many.slice(0, max - 1), negative: many.slice(max - 1) }), "BAD_ARGUMENT");
    assert.equal(vs.analogy({ positive: many.slice(0, max) }).length, 10);
  });

  test("the limits are the core's, read from it", () => {
    assert.equal(pg.limits.maxNeighbours, 1000); // kMaxNeighbours in src/vectors/queries.h
    throwsCode(() => vs.nearest("cat", pg.limits.maxNeighbours + 1), "BAD_ARGUMENT", /from 1 to 1000/);
    assert.equal(vs.nearest("cat", pg.limits.maxNeighbours).length, 1000);
    assert.equal(pg.limits.maxTextLength, MAX_TEXT_LENGTH);
  });
});

describe("9. sizes are checked before anything is copied into WASM memory", () => {
  test("a text over MAX_TEXT_LENGTH is refused before it is encoded", () => {
    const heap = pg.wasmHeapBytes();
    const text = "a".repeat(MAX_TEXT_LENGTH + 1);
    for (const call of [() => gpt2.encode(text), () => gpt2.spans(text), () => gpt2.tokens(text), () => words.spans(text), () => vs.expression(text)]) {
      throwsCode(call, "BAD_ARGUMENT", /16,777,217 characters long; the limit is 16,777,216/);
    }
    assert.equal(pg.wasmHeapBytes(), heap);
  });
});
