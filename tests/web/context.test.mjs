// web/context.js: the state the panels share and its events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createContext, EVENTS } from "../../web/context.js";

/** A stand-in for a Vectors object: what the context reads. */
const fakeVectors = (words) => ({ size: words.length, dim: 2, words: () => words, nearest: () => [] });

test("setVectors makes a set active and tells listeners, with the previous set", () => {
  const ctx = createContext();
  assert.equal(ctx.vectors, null);
  assert.equal(ctx.vocab, null);
  const seen = [];
  ctx.on("vectors", ({ vectors, info, previous }) => seen.push([vectors.size, info.name, previous?.size ?? null]));
  const first = fakeVectors(["the", "cat"]);
  ctx.setVectors(first, { name: "GloVe" });
  assert.equal(ctx.vectors, first);
  assert.equal(ctx.vocab.rank("cat"), 2);
  const second = fakeVectors(["kedi", "köpek", "elma"]);
  ctx.setVectors(second, { name: "Türkçe" });
  assert.deepEqual(seen, [[2, "GloVe", null], [3, "Türkçe", 2]]);
  assert.equal(ctx.vocab.rank("kedi"), 1, "the vocabulary follows the active set");
  assert.equal(ctx.vocab.rank("cat"), undefined);
  assert.deepEqual(ctx.vectorsInfo, { name: "Türkçe" });
  assert.throws(() => ctx.setVectors(null), TypeError);
});

test("fail() records the error; failed stays false once a set is active", () => {
  const ctx = createContext();
  let told = null;
  ctx.on("failed", ({ error }) => (told = error));
  const error = new Error("404");
  ctx.fail(error);
  assert.equal(told, error);
  assert.equal(ctx.failed, true);
  assert.equal(ctx.error, error);
  ctx.setVectors(fakeVectors(["a"]));
  assert.equal(ctx.failed, false);
});

test("selectWord and setText keep the value and say who changed it", () => {
  const ctx = createContext();
  const events = [];
  ctx.on("select-word", (detail) => events.push(["select-word", detail]));
  ctx.on("text", (detail) => events.push(["text", detail]));
  ctx.selectWord("kitten", { from: "tok", focus: "neighbours" });
  ctx.setText("Merhaba", { from: "cmp" });
  assert.equal(ctx.selectedWord, "kitten");
  assert.equal(ctx.text, "Merhaba");
  assert.deepEqual(events, [
    ["select-word", { word: "kitten", from: "tok", focus: "neighbours" }],
    ["text", { text: "Merhaba", from: "cmp" }],
  ]);
});

test("on() returns an unsubscribe; listeners run in order; a throwing one does not stop the rest", () => {
  const ctx = createContext();
  const order = [];
  const off = ctx.on("text", () => order.push("first"));
  ctx.on("text", () => {
    order.push("second");
    throw new Error("a broken panel");
  });
  ctx.on("text", () => order.push("third"));
  const reported = [];
  const saved = globalThis.reportError;
  globalThis.reportError = (error) => reported.push(error.message);
  try {
    ctx.setText("a");
    off();
    ctx.setText("b");
  } finally {
    globalThis.reportError = saved;
  }
  assert.deepEqual(order, ["first", "second", "third", "second", "third"]);
  assert.deepEqual(reported, ["a broken panel", "a broken panel"]);
});

test("an unknown event name is an error, not a silent no-op", () => {
  const ctx = createContext();
  assert.throws(() => ctx.on("vector", () => {}), /Unknown context event "vector"/);
  assert.deepEqual([...EVENTS], ["vectors", "failed", "select-word", "text"]);
});

test("the tokenizer client given at creation is shared", () => {
  const tokenizers = { kind: "worker" };
  assert.equal(createContext({ tokenizers }).tokenizers, tokenizers);
});
