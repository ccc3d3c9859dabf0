// The tokenizer jobs behind the page, free of DOM: load tokenizers on demand (each once),
// encode, count and decode, through the library alone (Tokenizer.spans(), decode(), the UTF-8
// helpers). They run in the tokenizer worker (worker.js) and, where workers are unavailable,
// on the page's thread (client.js); both serve them with lib/jobs.js, so the messages are the
// same. Results are typed arrays (ids, UTF-16 starts and ends, UTF-8 byte starts and ends), so a
// megabyte of text crosses the worker boundary as a few transferred buffers, not as hundreds
// of thousands of objects.
//
//   load   { name }                    -> { name, vocabSize, bosId, specialTokens }
//   encode { name, text, options }     -> { name, info, ms, ids, starts, ends, byteStarts,
//                                           byteEnds, words, counts, specialsFound }
//   count  { name, text, options }     -> { name, tokens, ms, counts }
//   decode { name, ids }               -> { text }
// Progress: { stage: "download", name, received, total } while a tokenizer's data downloads,
// then { stage: "encoding" }. A cancelled job (superseded by a newer text) stops before encoding.

/** Counts of a text that do not depend on the tokenizer; utf8Length from the library. */
export function textCounts(text, utf8Length) {
  let codePoints = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      codePoints--;
      i++;
    }
  }
  const words = text.match(/\S+/gu)?.length ?? 0;
  return { units: text.length, codePoints, bytes: utf8Length(text), words };
}

/** Where each special-token string occurs in `text` (at most 3 listed, all counted). */
export function findSpecials(text, specials) {
  const found = [];
  // Llama 3 has 256 special tokens, all starting "<|": one scan of a megabyte rules most out.
  const absent = new Map();
  for (const { text: s, id } of specials) {
    const prefix = s.slice(0, 2);
    if (!absent.has(prefix)) absent.set(prefix, !text.includes(prefix));
    if (absent.get(prefix)) continue;
    let at = text.indexOf(s);
    if (at < 0) continue;
    let count = 0;
    while (at >= 0) {
      count++;
      at = text.indexOf(s, at + s.length);
    }
    found.push({ text: s, id, count });
    if (found.length >= 3) break;
  }
  return found;
}

const DOWNLOAD_PROGRESS_MS = 60;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The jobs, for serveJobs(). `loadLibrary()` resolves to the library module
 * (lib/playground.js); `withTransfer` is lib/jobs.js's, to hand typed arrays over uncopied.
 */
export function createTokenizerJobs(loadLibrary, withTransfer) {
  let library = null;
  let api = null;
  const tokenizers = new Map(); // name -> Promise<Tokenizer | WordTokenizer>
  let vectors = null;

  const ready = () =>
    (api ??= loadLibrary().then(async (loaded) => {
      library = loaded;
      return loaded.init();
    }));

  function load(name, onDownload) {
    if (!tokenizers.has(name)) {
      const promise = (async () => {
        const pg = await ready();
        if (name === "words") {
          // The worker's own copy of the default vectors (the page's cannot cross over).
          vectors ??= pg.loadVectors();
          return pg.loadTokenizer("words", { vectors: await vectors });
        }
        return pg.loadTokenizer(name, { onProgress: (received, total) => onDownload?.(received, total) });
      })();
      tokenizers.set(name, promise);
      promise.catch(() => tokenizers.delete(name)); // a failed download can be tried again
    }
    return tokenizers.get(name);
  }

  const describe = (tok) => ({ name: tok.name, vocabSize: tok.vocabSize, bosId: tok.bosId, specialTokens: tok.specialTokens.slice(0, 300) });

  /** The tokenizer, with download progress; then a pause that lets a cancel arrive. */
  async function prepare(name, { progress, signal }) {
    let last = 0;
    const tok = await load(name, (received, total) => {
      const now = Date.now();
      if (now - last > DOWNLOAD_PROGRESS_MS || received === total) {
        last = now;
        progress({ stage: "download", name, received, total });
      }
    });
    // Newer requests already queued are seen first, so that superseded ones are skipped.
    await nextTask();
    signal.throwIfAborted();
    progress({ stage: "encoding" });
    return tok;
  }

  return {
    async load({ name }, helpers) {
      const tok = await load(name, (received, total) => helpers.progress({ stage: "download", name, received, total }));
      return describe(tok);
    },

    async encode({ name, text, options = {} }, helpers) {
      const tok = await prepare(name, helpers);
      const started = performance.now();
      const counts = textCounts(text, library.utf8Length);
      if (tok.name === "words") {
        const { ids, starts, ends, words } = tok.spans(text);
        const reply = { name, info: describe(tok), ids, starts, ends, byteStarts: null, byteEnds: null, words, counts, specialsFound: [] };
        reply.ms = performance.now() - started;
        return withTransfer(reply, [ids.buffer, starts.buffer, ends.buffer]);
      }
      const addBos = !!options.addBos && tok.bosId !== null;
      const { ids, starts, ends, byteStarts, byteEnds } = tok.spans(text, { allowedSpecial: options.allowedSpecial ?? "none", addBos });
      const specialsFound = findSpecials(text, tok.specialTokens);
      const reply = { name, info: describe(tok), ids, starts, ends, byteStarts, byteEnds, words: null, counts, specialsFound };
      reply.ms = performance.now() - started;
      return withTransfer(reply, [ids.buffer, starts.buffer, ends.buffer, byteStarts.buffer, byteEnds.buffer]);
    },

    async count({ name, text, options = {} }, helpers) {
      const tok = await prepare(name, helpers);
      const started = performance.now();
      const tokens = tok.name === "words" ? tok.spans(text).ids.length : tok.encodeToUint32Array(text, options).length;
      return { name, tokens, ms: performance.now() - started, counts: textCounts(text, library.utf8Length) };
    },

    async decode({ name, ids }) {
      const tok = await load(name);
      return { text: tok.decode(ids) };
    },
  };
}
