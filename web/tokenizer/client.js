// The page's side of the tokenizer worker (tokenizer/worker.js): the jobs of engine.js run
// through the library's job protocol (lib/jobs.js: ids, progress, cancellation, superseded
// requests, PlaygroundErrors rebuilt from data). Where module workers are unavailable, or the
// worker fails to start, the same jobs run on the page's thread behind a MessageChannel.
// A request on a channel supersedes older ones on that channel: they resolve to null.
import { loadJobs, loadLibrary } from "../library.js";
import { createTokenizerJobs } from "./engine.js";

export function createTokenizerClient() {
  let kind = typeof Worker === "function" ? "worker" : "main-thread";

  const ready = Promise.all([loadJobs(), loadLibrary()]).then(([jobs]) => {
    const onThePage = () => {
      const { port1, port2 } = new MessageChannel();
      jobs.serveJobs(port2, createTokenizerJobs(loadLibrary, jobs.withTransfer));
      kind = "main-thread";
      return port1;
    };
    let endpoint;
    try {
      if (kind !== "worker") throw new Error("no Worker");
      endpoint = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    } catch {
      endpoint = onThePage();
    }
    return jobs.createJobClient(endpoint, { fallback: onThePage });
  });

  const run = (type, payload, options) => ready.then((client) => client.run(type, payload, options));

  return {
    /** "worker", or "main-thread" when the jobs run on the page's thread. */
    get kind() {
      return kind;
    },
    /** Starts downloading a tokenizer's data; resolves to { name, vocabSize, bosId, specialTokens }. */
    load: (name) => run("load", { name }),
    /** ids, starts, ends, byteStarts and byteEnds (null for "words"), words, counts, specialsFound, info; null when superseded. */
    encode: (name, text, options = {}, { channel = "main", onProgress } = {}) => run("encode", { name, text, options }, { channel, onProgress }),
    /** { tokens, counts, ms }; null when superseded. */
    count: (name, text, options = {}, { channel = `count:${name}`, onProgress } = {}) => run("count", { name, text, options }, { channel, onProgress }),
    /** The text of the ids (rejects with the API's PlaygroundError for an unknown id). */
    decode: (name, ids) => run("decode", { name, ids }).then((reply) => reply.text),
  };
}
