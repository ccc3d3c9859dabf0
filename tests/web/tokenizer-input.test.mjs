// web/tokenizer/input.js: the decode box's id lists and escapes typed as two characters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setLang } from "../../web/i18n/index.js";
import { interpretEscapes, parseIds } from "../../web/tokenizer/input.js";

setLang("en");

test("ids separated by commas, spaces or new lines, optionally in brackets", () => {
  assert.deepEqual(parseIds("9703", 50257), { ids: [9703] });
  assert.deepEqual(parseIds("[9703, 3797, 42143]", 50257), { ids: [9703, 3797, 42143] });
  assert.deepEqual(parseIds(" (1 2\n3;4) ", 50257), { ids: [1, 2, 3, 4] });
  assert.deepEqual(parseIds("0", 1), { ids: [0] });
});

test("an empty list, a non-number or an id out of range names the entry and its position", () => {
  assert.deepEqual(parseIds("  [ ] ", 50257), { error: { key: "dec.empty" } });
  assert.deepEqual(parseIds("9703, abc", 50257), { error: { key: "dec.notNumber", params: { pos: "2", value: "abc" } } });
  assert.deepEqual(parseIds("-1", 50257), { error: { key: "dec.notNumber", params: { pos: "1", value: "-1" } } });
  assert.deepEqual(parseIds("1.5", 50257), { error: { key: "dec.notNumber", params: { pos: "1", value: "1.5" } } });
  assert.deepEqual(parseIds("9703, 50257", 50257), { error: { key: "dec.outOfRange", params: { pos: "2", value: "50257", max: "50,256" } } });
});

test("a long bad entry is quoted as a short prefix", () => {
  const { error } = parseIds(`1, ${"x".repeat(100000)}`, 10);
  assert.ok(error.params.value.length <= 25);
  const { error: range } = parseIds("9".repeat(100000), 10);
  assert.equal(range.key, "dec.outOfRange");
  assert.ok(range.params.value.length <= 25);
});

test("\\n, \\t, \\r and \\\\ typed as two characters are read, and counted", () => {
  assert.deepEqual(interpretEscapes("a\\nb\\tc\\\\n"), { text: "a\nb\tc\\n", n: 3 });
  assert.deepEqual(interpretEscapes("no escapes \\x"), { text: "no escapes \\x", n: 0 });
});
