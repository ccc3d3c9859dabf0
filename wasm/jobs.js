// Long jobs between a page and a worker, one protocol for every worker of the playground (the
// page's tokenizer worker today; map and training workers next): request ids, progress,
// cancellation, replies that arrive after their request was superseded, and errors that come
// back as real PlaygroundErrors. Shipped beside the library as lib/jobs.js.
//
//   worker:  serveJobs(self, { encode: async (payload, { progress, signal }) => result, ... });
//   page:    const jobs = createJobClient(new Worker(url, { type: "module" }));
//            const result = await jobs.run("encode", payload, { onProgress, signal, channel });
//
// Any endpoint with postMessage() and addEventListener("message") works: a Worker, the worker's
// own global scope, either port of a MessageChannel (what the page uses to run the same
// handlers on its own thread when module workers are unavailable, and what the tests use in
// Node), a worker_threads port.
//
// Messages. Every one carries `jobs: 1`; anything else on the same endpoint is ignored, so
// other traffic can share it. Ids are positive integers chosen by the client, unique per client.
//   client -> server
//     { jobs: 1, kind: "run", id, type, payload }   start handlers[type](payload, helpers)
//     { jobs: 1, kind: "cancel", id }                abort job `id`: its helpers.signal fires
//   server -> client
//     { jobs: 1, kind: "progress", id, data }        helpers.progress(data) inside the handler
//     { jobs: 1, kind: "done", id, result }          what the handler returned (or resolved to)
//     { jobs: 1, kind: "error", id, error }          what it threw, as data: error.toJSON() for a
//                                                    PlaygroundError ({ name, message, code,
//                                                    word, suggestions }), else { name, message }
//     { jobs: 1, kind: "cancelled", id }             the job ended after a cancel; no result
//
// What a caller of run() sees:
//   - the result, or a rejection: a PlaygroundError rebuilt with PlaygroundError.fromJSON (so
//     `instanceof PlaygroundError`, `code`, `word`, `suggestions` hold), or an Error with the
//     worker's name and message;
//   - `signal` aborted (before or during the job): the promise rejects at once with the signal's
//     reason (an AbortError DOMException unless a reason was given), as fetch() does, and the
//     worker is told to cancel;
//   - `channel`: a later run on the same channel supersedes an earlier one still running: the
//     earlier promise resolves to null (the caller asked for something newer, so there is
//     nothing to report) and the worker is told to cancel it;
//   - progress and replies for a job that is settled are dropped.
import { PlaygroundError } from "./errors.js";

const TAG = "jobs";
const TRANSFER = Symbol("jobs.transfer");

/**
 * Wraps a handler's result (or progress data) with the buffers to transfer instead of copy:
 * `return withTransfer({ ids }, [ids.buffer])`.
 */
export function withTransfer(value, transfer) {
  return { [TRANSFER]: transfer, value };
}

function unwrapTransfer(value) {
  if (value && typeof value === "object" && TRANSFER in value) return [value.value, value[TRANSFER]];
  return [value, []];
}

/** An error as plain data that survives postMessage. */
export function errorToJSON(error) {
  if (error && typeof error.toJSON === "function") return error.toJSON();
  return { name: error?.name ?? "Error", message: String(error?.message ?? error) };
}

/** The error a client rejects with, from errorToJSON's data. */
export function errorFromJSON(data) {
  if (data?.name === "PlaygroundError") return PlaygroundError.fromJSON(data);
  const error = new Error(data?.message ?? "The job failed.");
  if (data?.name) error.name = data.name;
  return error;
}

function listen(endpoint, type, listener) {
  endpoint.addEventListener(type, listener);
  return () => endpoint.removeEventListener(type, listener);
}

/**
 * Answers jobs arriving on `endpoint`. handlers[type](payload, { id, progress, signal }) returns
 * the result or a promise of it; progress(data, transfer?) reports; signal is an AbortSignal
 * that fires on cancel (check it between steps: a job is never stopped from outside).
 * Returns a function that stops serving.
 */
export function serveJobs(endpoint, handlers) {
  const running = new Map(); // id -> AbortController
  const post = (message, transfer = []) => endpoint.postMessage({ [TAG]: 1, ...message }, transfer);

  async function run({ id, type, payload }) {
    const controller = new AbortController();
    running.set(id, controller);
    const helpers = {
      id,
      signal: controller.signal,
      progress(data, transfer = []) {
        if (!controller.signal.aborted) post({ kind: "progress", id, data }, transfer);
      },
    };
    try {
      const handler = Object.hasOwn(handlers, type) ? handlers[type] : null;
      if (typeof handler !== "function") throw new Error(`No job named "${type}"; the jobs are: ${Object.keys(handlers).join(", ")}.`);
      const [result, transfer] = unwrapTransfer(await handler(payload, helpers));
      if (controller.signal.aborted) post({ kind: "cancelled", id });
      else post({ kind: "done", id, result }, transfer);
    } catch (error) {
      if (controller.signal.aborted) post({ kind: "cancelled", id });
      else post({ kind: "error", id, error: errorToJSON(error) });
    } finally {
      running.delete(id);
    }
  }

  const stop = listen(endpoint, "message", (event) => {
    const message = event.data;
    if (!message || message[TAG] !== 1) return;
    if (message.kind === "run") run(message);
    else if (message.kind === "cancel") running.get(message.id)?.abort();
  });
  endpoint.start?.();
  return stop;
}

/**
 * The page's side. `endpoint`: a Worker, a MessagePort or the like. options.fallback: a
 * function returning another endpoint, used when `endpoint` fires "error" before it has sent
 * anything (a module worker that cannot start): runs still pending are sent again there
 * (those that transferred buffers cannot be, and reject). options.onFallback() is told.
 */
export function createJobClient(endpoint, { fallback, onFallback } = {}) {
  let nextId = 1;
  let answered = false;
  let current = endpoint;
  let stops = [];
  const pending = new Map(); // id -> { resolve, reject, onProgress, channel, message, transferred, cleanup }

  const post = (message, transfer = []) => current.postMessage({ [TAG]: 1, ...message }, transfer);

  function settle(id) {
    const entry = pending.get(id);
    if (!entry) return null;
    pending.delete(id);
    entry.cleanup?.();
    return entry;
  }

  function onMessage(event) {
    const message = event.data;
    if (!message || message[TAG] !== 1) return;
    answered = true;
    const entry = pending.get(message.id);
    if (!entry) return; // settled already: superseded, aborted, or a reply to a cancel
    if (message.kind === "progress") entry.onProgress?.(message.data);
    else if (message.kind === "done") settle(message.id).resolve(message.result);
    else if (message.kind === "error") settle(message.id).reject(errorFromJSON(message.error));
    else if (message.kind === "cancelled") settle(message.id).resolve(null);
  }

  function onError(event) {
    if (answered) return;
    event.preventDefault?.();
    if (!fallback) {
      for (const id of [...pending.keys()]) settle(id).reject(new Error("The worker could not start."));
      return;
    }
    attach(fallback());
    onFallback?.();
    for (const [id, entry] of [...pending]) {
      if (entry.transferred) settle(id).reject(new Error("The worker could not start, and this job's buffers were handed to it."));
      else post(entry.message);
    }
  }

  function attach(next) {
    for (const stop of stops) stop();
    if (current !== next) current.terminate?.();
    current = next;
    stops = [listen(next, "message", onMessage)];
    if (fallback && typeof next.terminate === "function") stops.push(listen(next, "error", onError));
    next.start?.();
  }
  attach(endpoint);

  function cancel(id) {
    post({ kind: "cancel", id });
  }

  return {
    /** The endpoint in use (the fallback's once it took over). */
    get endpoint() {
      return current;
    },

    run(type, payload, { onProgress, signal, channel, transfer = [] } = {}) {
      if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException("The job was aborted.", "AbortError"));
      const id = nextId++;
      if (channel !== undefined) {
        for (const [other, entry] of [...pending]) {
          if (entry.channel === channel) {
            settle(other).resolve(null);
            cancel(other);
          }
        }
      }
      return new Promise((resolve, reject) => {
        const message = { kind: "run", id, type, payload };
        const entry = { resolve, reject, onProgress, channel, message, transferred: transfer.length > 0 };
        if (signal) {
          const onAbort = () => {
            if (!pending.has(id)) return;
            settle(id).reject(signal.reason ?? new DOMException("The job was aborted.", "AbortError"));
            cancel(id);
          };
          signal.addEventListener("abort", onAbort, { once: true });
          entry.cleanup = () => signal.removeEventListener("abort", onAbort);
        }
        pending.set(id, entry);
        post(message, transfer);
      });
    },

    /** Stops the worker (or closes the port); runs still pending reject. */
    terminate() {
      for (const stop of stops) stop();
      current.terminate?.();
      current.close?.();
      for (const id of [...pending.keys()]) settle(id).reject(new DOMException("The job client was terminated.", "AbortError"));
    },
  };
}
