// web/widgets/text-view.js: how a long text is cut into rows for the virtualised view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rowStarts } from "../../web/widgets/text-view.js";

const rows = (text, columns) => {
  const starts = rowStarts(text, columns);
  return Array.from(starts, (start, i) => {
    let end = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (text[end - 1] === "\n") end--;
    return text.slice(start, end);
  });
};

test("one row per line, long lines cut every `columns` characters", () => {
  assert.deepEqual(rows("ab\ncd", 80), ["ab", "cd"]);
  assert.deepEqual(rows("abcdefg\nhi", 3), ["abc", "def", "g", "hi"]);
  assert.deepEqual(rows("ab\n\ncd\n", 80), ["ab", "", "cd", ""]);
  assert.deepEqual(rows("", 80), [""]);
  assert.deepEqual(rows("abc", 3), ["abc"]);
});

test("a row never ends inside a surrogate pair", () => {
  const text = "a👋b👋";
  const cut = rows(text, 2);
  assert.equal(cut.join(""), text);
  for (const row of cut) assert.ok(row.isWellFormed(), JSON.stringify(row));
});

test("rows cover a large text exactly", () => {
  const text = "Merhaba dünya, the quick brown fox 42!\n".repeat(50_000) + "x".repeat(1000);
  const starts = rowStarts(text, 100);
  assert.equal(starts.length, 50_000 + 10);
  assert.equal(rows(text, 100).join("").length, text.length - 50_000);
});
