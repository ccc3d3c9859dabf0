// The public JS API in Node, against the built module (dist/lib, from tools/build.sh).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { fetchVectorBytes, init, PlaygroundError, Vectors } from "embedding-playground";

const ASSET = new URL("../../assets/glove-6b-100d-10k.bin", import.meta.url);
let pg;
let vs;

before(async () => {
  pg = await init();
  vs = await pg.loadVectors();
});

function throwsCode(fn, code, messagePart) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof PlaygroundError, `expected PlaygroundError, got ${error}`);
    assert.ok(error instanceof Error);
    assert.equal(error.code, code);
    if (messagePart) assert.match(error.message, messagePart);
    return true;
  });
}

describe("loading", () => {
  test("init() is shared and the default set is GloVe 100-d with the example words", async () => {
    assert.equal(await init(), pg);
    assert.ok(vs instanceof Vectors);
    assert.equal(vs.dim, 100);
    assert.ok(vs.size >= 10000 && vs.size <= 10500, `size ${vs.size}`);
    const words = vs.words();
    assert.equal(words.length, vs.size);
    assert.deepEqual(words.slice(0, 4), ["the", ",", ".", "of"]);
    for (const w of ["kitten", "puppy", "banana"]) assert.ok(vs.has(w), w);
    assert.equal(vs.has("Kitten"), false);
    assert.equal(vs.has(42), false);
  });

  test("words() returns a copy", () => {
    const words = vs.words();
    words[0] = "changed";
    assert.equal(vs.words()[0], "the");
  });

  test("loads from bytes, ArrayBuffer and file URL alike", async () => {
    const bytes = new Uint8Array(await readFile(ASSET));
    const fromBytes = await pg.loadVectors(bytes);
    const fromBuffer = await pg.loadVectors(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const fromUrl = await pg.loadVectors(ASSET);
    for (const other of [fromBytes, fromBuffer, fromUrl]) {
      assert.equal(other.size, vs.size);
      assert.equal(other.similarity("dog", "cat"), vs.similarity("dog", "cat"));
      other.dispose();
    }
    throwsCode(() => fromBytes.nearest("cat"), "DISPOSED");
  });

  test("fetchVectorBytes reads the default set without init, for loadVectors", async () => {
    const bytes = await fetchVectorBytes();
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual(bytes, new Uint8Array(await readFile(ASSET)));
    const other = await pg.loadVectors(bytes);
    assert.equal(other.size, vs.size);
    other.dispose();
    await assert.rejects(fetchVectorBytes(new URL("file:///nonexistent/vectors.bin")), /ENOENT|no such file/);
  });

  test("a truncated, corrupt or foreign asset is a clear error", async () => {
    const bytes = new Uint8Array(await readFile(ASSET));
    await assert.rejects(pg.loadVectors(bytes.slice(0, 1000)), (e) => e.code === "BAD_ASSET" && /truncated/.test(e.message));
    const corrupt = bytes.slice();
    corrupt[corrupt.length - 10] ^= 1;
    await assert.rejects(pg.loadVectors(corrupt), (e) => e.code === "BAD_ASSET" && /checksum/.test(e.message));
    await assert.rejects(pg.loadVectors(new TextEncoder().encode(JSON.stringify({ words: ["cat", "dog"], vectors: [[1, 2], [3, 4]] }))), (e) => e.code === "BAD_ASSET" && /magic/.test(e.message));
    await assert.rejects(pg.loadVectors(new Uint8Array(0)), (e) => e.code === "BAD_ASSET");
    await assert.rejects(pg.loadVectors(new URL("file:///nonexistent/vectors.bin")), /ENOENT|no such file/);
    await assert.rejects(pg.loadVectors(42), (e) => e.code === "BAD_ARGUMENT");
  });
});

describe("queries (figures from the issue, = gensim glove-wiki-gigaword-100)", () => {
  test("similarity", () => {
    assert.equal(vs.similarity("dog", "cat").toFixed(4), "0.8798");
    assert.ok(Math.abs(vs.similarity("cat", "cat") - 1) < 1e-6);
  });

  test("nearest excludes the query and is sorted", () => {
    const got = vs.nearest("cat", 5);
    assert.equal(got.length, 5);
    assert.deepEqual(got[0].word, "dog");
    assert.equal(got[0].score.toFixed(4), "0.8798");
    assert.ok(got.every((r) => r.word !== "cat"));
    for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].score >= got[i].score);
    assert.equal(vs.nearest("cat").length, 10);
  });

  test("nearest to a vector excludes nothing", () => {
    const got = vs.nearest(vs.vector("cat"), 1);
    assert.equal(got[0].word, "cat");
    assert.ok(Math.abs(got[0].score - 1) < 1e-6);
    assert.equal(vs.nearest(Array.from(vs.vector("cat")), 1)[0].word, "cat");
    throwsCode(() => vs.nearest(new Float32Array(100)), "BAD_ARGUMENT");
    throwsCode(() => vs.nearest([1, 2, 3]), "BAD_ARGUMENT", /100/);
    throwsCode(() => vs.nearest({}), "BAD_ARGUMENT");
  });

  test("analogy add and mul: king - man + woman = queen", () => {
    const add = vs.analogy({ positive: ["king", "woman"], negative: ["man"], k: 5 });
    assert.equal(add[0].word, "queen");
    assert.equal(add[0].score.toFixed(4), "0.7699");
    const mul = vs.analogy({ positive: ["king", "woman"], negative: ["man"], k: 5, method: "mul" });
    assert.equal(mul[0].word, "queen");
    assert.equal(mul[0].score.toFixed(4), "0.8965");
    for (const r of [...add, ...mul]) assert.ok(!["king", "woman", "man"].includes(r.word));
    throwsCode(() => vs.analogy({ positive: [], negative: ["man"] }), "BAD_ARGUMENT");
    throwsCode(() => vs.analogy({ positive: ["king"], method: "div" }), "BAD_ARGUMENT", /"add" or "mul"/);
  });

  test("free expressions", () => {
    const r = vs.expression("king - man + woman", { k: 3 });
    assert.deepEqual(r.positive, ["king", "woman"]);
    assert.deepEqual(r.negative, ["man"]);
    assert.equal(r.results[0].word, "queen");
    assert.equal(vs.expression("king − man + woman").results[0].word, "queen");
    throwsCode(() => vs.expression("king -"), "BAD_EXPRESSION", /ends with an operator/);
    throwsCode(() => vs.expression(""), "BAD_EXPRESSION", /empty/);
  });

  test("doesntMatch", () => {
    const r = vs.doesntMatch(["breakfast", "cereal", "dinner", "lunch"]);
    assert.equal(r.word, "cereal");
    assert.deepEqual(r.scores.map((s) => s.word), ["breakfast", "cereal", "dinner", "lunch"]);
    throwsCode(() => vs.doesntMatch(["cat"]), "BAD_ARGUMENT");
  });

  test("vector is a copy of the stored GloVe numbers", () => {
    const v = vs.vector("cat");
    assert.ok(v instanceof Float32Array);
    assert.equal(v.length, 100);
    assert.ok(Math.abs(v[0] - 0.23088) < 1e-4, `${v[0]}`);  // GloVe: cat 0.23088 0.28283 ...
    v[0] = 99;
    assert.notEqual(vs.vector("cat")[0], 99);
  });

  test("pca shape and explained variance", () => {
    const r = vs.pca(["cat", "dog", "apple", "banana"], 2);
    assert.equal(r.coords.length, 4);
    assert.ok(r.coords.every((c) => c.length === 2 && c.every(Number.isFinite)));
    assert.ok(r.explained[0] >= r.explained[1] && r.explained[0] + r.explained[1] <= 1 + 1e-12);
    // Animals and fruit end up on opposite sides of the first component.
    assert.ok(Math.sign(r.coords[0][0]) === Math.sign(r.coords[1][0]) && Math.sign(r.coords[0][0]) !== Math.sign(r.coords[2][0]));
    const three = vs.pca(["cat", "dog", "apple", "banana"], 3);
    assert.equal(three.coords[0].length, 3);
    const all = vs.pca(null, 2);
    assert.equal(all.coords.length, vs.size);
    throwsCode(() => vs.pca(["cat"], 2), "BAD_ARGUMENT");
    throwsCode(() => vs.pca(["cat", "dog"], 4), "BAD_ARGUMENT");
  });
});

describe("bad input", () => {
  test("unknown words name the word and suggest", () => {
    throwsCode(() => vs.nearest("Kitten"), "UNKNOWN_WORD", /"Kitten" is not in the vocabulary/);
    try {
      vs.similarity("cat", "kiten");
    } catch (e) {
      assert.equal(e.word, "kiten");
      assert.equal(e.suggestions[0], "kitten");
    }
    throwsCode(() => vs.nearest("kedi"), "UNKNOWN_WORD");
    throwsCode(() => vs.nearest("çiğdem"), "UNKNOWN_WORD", /çiğdem/);
    throwsCode(() => vs.nearest("\ud800"), "UNKNOWN_WORD");  // a lone surrogate
    throwsCode(() => vs.nearest(""), "UNKNOWN_WORD");
    assert.equal(vs.suggest("bananna", 2)[0], "banana");
    assert.equal(vs.suggest("King")[0], "king");
  });

  test("k and argument types are checked before reaching WASM", () => {
    throwsCode(() => vs.nearest("cat", 0), "BAD_ARGUMENT");
    throwsCode(() => vs.nearest("cat", 1.5), "BAD_ARGUMENT");
    throwsCode(() => vs.nearest("cat", 1001), "BAD_ARGUMENT");
    throwsCode(() => vs.similarity("cat", null), "BAD_ARGUMENT");
    throwsCode(() => vs.doesntMatch("cat dog"), "BAD_ARGUMENT");
    throwsCode(() => vs.pca(["cat", 3], 2), "BAD_ARGUMENT");
  });

  test("a thousand words at once", () => {
    const words = vs.words().slice(100, 1100);
    const r = vs.pca(words, 2);
    assert.equal(r.coords.length, 1000);
    assert.equal(typeof vs.doesntMatch(words).word, "string");
  });
});
