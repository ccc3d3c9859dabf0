// The page's side of the tokenizer worker: request ids, progress callbacks, promises, and the
// fallback to the main thread when module workers are unavailable (or the worker fails to start).
// A request on a channel makes older requests on that channel stale: they resolve to null.
import { createEngine } from "./tokenizer-engine.js";

function createLocalTransport(onReply) {
  const engine = createEngine(() => import("./lib/playground.js"));
  return {
    kind: "main-thread",
    send(msg) {
      // A task later, like a message, so that callers are never answered synchronously.
      setTimeout(() => engine.handle(msg, (reply) => onReply(reply)), 0);
    },
  };
}

function createWorkerTransport(onReply, onFail) {
  const worker = new Worker(new URL("./tokenizer-worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", (event) => onReply(event.data));
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    onFail(event);
  });
  return { kind: "worker", send: (msg) => worker.postMessage(msg), terminate: () => worker.terminate() };
}

export function createTokenizerClient() {
  let nextReq = 1;
  const pending = new Map(); // req -> { resolve, reject, onProgress, msg }
  let answered = false;
  const onReply = (reply) => {
    answered = true;
    const entry = pending.get(reply.req);
    if (!entry) return;
    if (reply.type === "progress") return entry.onProgress?.(reply);
    pending.delete(reply.req);
    if (reply.type === "stale") entry.resolve(null);
    else if (reply.type === "error") entry.reject(Object.assign(new Error(reply.message), { code: reply.code, name: "PlaygroundError" }));
    else entry.resolve(reply);
  };
  let transport;
  const fallBack = () => {
    if (transport?.kind === "main-thread") return;
    transport?.terminate?.();
    transport = createLocalTransport(onReply);
    // A worker that failed before answering anything: replay what it was asked.
    for (const { msg } of pending.values()) transport.send(msg);
  };
  try {
    if (typeof Worker !== "function") throw new Error("no Worker");
    transport = createWorkerTransport(onReply, () => {
      if (!answered) fallBack();
    });
  } catch {
    transport = createLocalTransport(onReply);
  }

  function request(msg, { onProgress } = {}) {
    const req = nextReq++;
    const full = { ...msg, req };
    // Newer requests on a channel make older ones stale, here as in the engine.
    for (const [otherReq, entry] of pending) {
      if (full.type !== "decode" && full.type !== "load" && entry.msg.type === full.type && entry.msg.channel === full.channel && otherReq < req) {
        pending.delete(otherReq);
        entry.resolve(null);
      }
    }
    return new Promise((resolve, reject) => {
      pending.set(req, { resolve, reject, onProgress, msg: full });
      transport.send(full);
    });
  }

  return {
    get kind() {
      return transport.kind;
    },
    /** Starts downloading a tokenizer's data; resolves to { vocabSize, bosId, specialTokens }. */
    load: (name, options) => request({ type: "load", name, channel: `load:${name}` }, options).then((r) => r?.info),
    /** ids, starts, ends, byteEnds (null for "words"), words, counts, specialsFound, info; null when stale. */
    encode: (name, text, options = {}, { channel = "main", onProgress } = {}) => request({ type: "encode", name, text, options, channel }, { onProgress }),
    /** { tokens, counts }; null when stale. */
    count: (name, text, options = {}, { channel = `count:${name}`, onProgress } = {}) => request({ type: "count", name, text, options, channel }, { onProgress }),
    /** The text of the ids (rejects with the API's message for an unknown id). */
    decode: (name, ids) => request({ type: "decode", name, ids, channel: "decode" }).then((r) => r.text),
  };
}
