// wasm/jobs.js, the page <-> worker job protocol, over Node's MessageChannel (the same
// structured clone and transfer as between a page and its worker): results, progress,
// transferred buffers, errors rebuilt as PlaygroundErrors, superseded requests (null),
// cancellation by AbortSignal (AbortError, and the worker's signal fires), stale replies, and
// the fallback to another endpoint when a worker cannot start.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { createJobClient, errorFromJSON, errorToJSON, serveJobs, withTransfer } from "../../wasm/jobs.js";
import { PlaygroundError } from "../../wasm/errors.js";

const open = [];
/** A client and a server joined by a MessageChannel. */
function connect(handlers) {
  const { port1, port2 } = new MessageChannel();
  const stop = serveJobs(port2, handlers);
  const client = createJobClient(port1);
  open.push(() => {
    stop();
    client.terminate();
    port2.close();
  });
  return client;
}
afterEach(() => {
  while (open.length) open.pop()();
});

/** Resolves when `signal` aborts, with the abort noted in `log`. */
const untilAborted = (signal, log, name) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => {
      log.push(`${name} aborted`);
      resolve();
    });
  });

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test("a job's progress arrives in order, then its result", async () => {
  const client = connect({
    async sum({ numbers }, { progress }) {
      let total = 0;
      for (const n of numbers) {
        total += n;
        progress({ total });
      }
      return { total };
    },
  });
  const seen = [];
  const result = await client.run("sum", { numbers: [1, 2, 3] }, { onProgress: (data) => seen.push(data.total) });
  assert.deepEqual(result, { total: 6 });
  assert.deepEqual(seen, [1, 3, 6]);
});

test("withTransfer hands buffers over instead of copying them", async () => {
  let sent;
  const client = connect({
    ids() {
      sent = Uint32Array.of(9703, 3797);
      return withTransfer({ ids: sent }, [sent.buffer]);
    },
  });
  const { ids } = await client.run("ids", null);
  assert.ok(ids instanceof Uint32Array);
  assert.deepEqual([...ids], [9703, 3797]);
  assert.equal(sent.buffer.byteLength, 0, "the worker's buffer was transferred (detached)");
});

test("a PlaygroundError thrown in the worker is a PlaygroundError on the page, code and fields kept", async () => {
  const client = connect({
    lookup({ word }) {
      throw new PlaygroundError(`"${word}" is not in the vocabulary.`, { code: "UNKNOWN_WORD", word, suggestions: ["kid", "kiwi"] });
    },
  });
  await assert.rejects(client.run("lookup", { word: "kedi" }), (error) => {
    assert.ok(error instanceof PlaygroundError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "PlaygroundError");
    assert.equal(error.code, "UNKNOWN_WORD");
    assert.equal(error.word, "kedi");
    assert.deepEqual(error.suggestions, ["kid", "kiwi"]);
    assert.equal(error.message, '"kedi" is not in the vocabulary.');
    return true;
  });
});

test("other errors keep their name and message, and are not PlaygroundErrors", async () => {
  const client = connect({
    broken() {
      null.field;
    },
    rejects: async () => Promise.reject("a bare string"),
  });
  await assert.rejects(client.run("broken"), (error) => !(error instanceof PlaygroundError) && error.name === "TypeError" && /null/.test(error.message));
  await assert.rejects(client.run("rejects"), (error) => error instanceof Error && error.message === "a bare string");
});

test("an unknown job is refused with the names of the jobs there are", async () => {
  const client = connect({ encode: () => 1, decode: () => 2 });
  await assert.rejects(client.run("encoed", {}), /No job named "encoed"; the jobs are: encode, decode/);
});

test("a newer run on the same channel resolves the older one to null and cancels it in the worker", async () => {
  const log = [];
  const client = connect({
    async encode({ text }, { signal, progress }) {
      log.push(`start ${text}`);
      if (text === "old") {
        progress({ step: 1 });
        await untilAborted(signal, log, text);
        progress({ step: 2 }); // after the cancel: never delivered
        return "old result";
      }
      return `${text} result`;
    },
  });
  const progressOfOld = [];
  const older = client.run("encode", { text: "old" }, { channel: "main", onProgress: (p) => progressOfOld.push(p.step) });
  await tick();
  const other = client.run("encode", { text: "other channel" }, { channel: "count" });
  const newer = client.run("encode", { text: "new" }, { channel: "main" });
  assert.equal(await older, null);
  assert.equal(await newer, "new result");
  assert.equal(await other, "other channel result", "another channel is not superseded");
  await tick();
  assert.ok(log.includes("old aborted"), log.join(", "));
  assert.deepEqual(progressOfOld, [1]);
});

test("runs without a channel are never superseded", async () => {
  const client = connect({ async echo(x) {
    await tick();
    return x;
  } });
  assert.deepEqual(await Promise.all([client.run("echo", 1), client.run("echo", 2), client.run("echo", 3)]), [1, 2, 3]);
});

test("an AbortSignal rejects the run with an AbortError at once and cancels it in the worker", async () => {
  const log = [];
  const client = connect({
    async long(_, { signal }) {
      await untilAborted(signal, log, "long");
      return "too late";
    },
  });
  const controller = new AbortController();
  const run = client.run("long", null, { signal: controller.signal });
  await tick();
  controller.abort();
  await assert.rejects(run, (error) => error instanceof DOMException && error.name === "AbortError");
  await tick();
  assert.deepEqual(log, ["long aborted"]);

  // A reason given to abort() is what the run rejects with, as fetch() does.
  const withReason = new AbortController();
  const second = client.run("long", null, { signal: withReason.signal });
  withReason.abort(new Error("switched method"));
  await assert.rejects(second, /switched method/);
});

test("an already aborted signal never reaches the worker", async () => {
  let started = 0;
  const client = connect({ job: () => ++started });
  await assert.rejects(client.run("job", null, { signal: AbortSignal.abort() }), { name: "AbortError" });
  assert.equal(await client.run("job"), 1, "only the second run started a job");
});

test("messages that are not the protocol's are ignored on both sides", async () => {
  const { port1, port2 } = new MessageChannel();
  const stop = serveJobs(port2, { ping: () => "pong" });
  const client = createJobClient(port1);
  open.push(() => {
    stop();
    client.terminate();
    port2.close();
  });
  port1.postMessage({ kind: "run", id: 1, type: "ping" }); // no `jobs` tag: not for serveJobs
  port2.postMessage({ kind: "done", id: 1, result: "forged" }); // not for the client either
  assert.equal(await client.run("ping"), "pong");
});

test("a worker that fails before answering hands its pending runs to the fallback", async () => {
  // A stand-in for a module Worker that cannot start: it takes messages, then fires "error".
  class DeadWorker extends EventTarget {
    posted = [];
    terminated = false;
    postMessage(message) {
      this.posted.push(message);
    }
    terminate() {
      this.terminated = true;
    }
  }
  const dead = new DeadWorker();
  let fellBack = 0;
  const { port1, port2 } = new MessageChannel();
  const stop = serveJobs(port2, { double: (n) => n * 2 });
  const client = createJobClient(dead, {
    fallback: () => port1,
    onFallback: () => fellBack++,
  });
  open.push(() => {
    stop();
    client.terminate();
    port2.close();
  });
  const a = client.run("double", 21);
  const b = client.run("double", 50, { channel: "x" });
  assert.equal(dead.posted.length, 2);
  const event = new Event("error", { cancelable: true });
  dead.dispatchEvent(event);
  assert.ok(event.defaultPrevented, "the failure is handled, not reported as uncaught");
  assert.ok(dead.terminated);
  assert.equal(fellBack, 1);
  assert.equal(client.endpoint, port1);
  assert.deepEqual(await Promise.all([a, b]), [42, 100]);
  assert.equal(await client.run("double", 4), 8);
});

test("terminate() rejects what is pending", async () => {
  const client = connect({ never: () => new Promise(() => {}) });
  const run = client.run("never");
  await tick();
  client.terminate();
  await assert.rejects(run, { name: "AbortError" });
});

test("errors as data: toJSON of a PlaygroundError, name and message of anything else", () => {
  const data = errorToJSON(new PlaygroundError("bad", { code: "BAD_ARGUMENT" }));
  assert.deepEqual(JSON.parse(JSON.stringify(data)), data, "plain data");
  const back = errorFromJSON(structuredClone(data));
  assert.ok(back instanceof PlaygroundError);
  assert.equal(back.code, "BAD_ARGUMENT");
  assert.deepEqual(errorToJSON(new RangeError("far")), { name: "RangeError", message: "far" });
  assert.deepEqual(errorToJSON(42), { name: "Error", message: "42" });
  const plain = errorFromJSON({ name: "RangeError", message: "far" });
  assert.ok(!(plain instanceof PlaygroundError));
  assert.equal(plain.name, "RangeError");
});
