// PlaygroundError crosses a worker boundary as plain data and comes back as a real error.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MessageChannel } from "node:worker_threads";
import { init, PlaygroundError } from "embedding-playground";

test("toJSON is plain, structured-clone safe data; fromJSON gives back a real PlaygroundError", async () => {
  const vs = await (await init()).loadVectors();
  let original;
  try {
    vs.nearest("kiten");
  } catch (error) {
    original = error;
  }
  assert.ok(original instanceof PlaygroundError);
  const data = original.toJSON();
  assert.deepEqual(Object.keys(data).sort(), ["code", "message", "name", "suggestions", "word"]);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  // Through a real MessagePort, as between a page and its worker.
  const { port1, port2 } = new MessageChannel();
  const received = new Promise((resolve) => port2.once("message", resolve));
  port1.postMessage({ error: data });
  const back = PlaygroundError.fromJSON((await received).error);
  port1.close();
  assert.ok(back instanceof PlaygroundError && back instanceof Error);
  assert.deepEqual([back.name, back.message, back.code, back.word, back.suggestions], [original.name, original.message, "UNKNOWN_WORD", "kiten", original.suggestions]);
  assert.equal(back.suggestions[0], "kitten");
  assert.equal(JSON.stringify(back), JSON.stringify(original));
  // toJSON's suggestions are a copy.
  data.suggestions.push("x");
  assert.notEqual(original.suggestions.at(-1), "x");
});

test("fromJSON of partial or foreign data still gives a PlaygroundError with defaults", () => {
  for (const data of [undefined, null, 42, "oops", {}, { message: 5, code: [], word: {}, suggestions: "no" }]) {
    const e = PlaygroundError.fromJSON(data);
    assert.ok(e instanceof PlaygroundError);
    assert.deepEqual([e.message, e.code, e.word, e.suggestions], ["", "ERROR", "", []]);
  }
  const e = PlaygroundError.fromJSON({ message: "Could not read x", code: "FETCH_FAILED", suggestions: ["a", 1] });
  assert.deepEqual([e.message, e.code, e.suggestions], ["Could not read x", "FETCH_FAILED", ["a"]]);
  const same = new PlaygroundError("m", { code: "DISPOSED" });
  assert.equal(PlaygroundError.fromJSON(same), same);
});
