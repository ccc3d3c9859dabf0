// The tokenizer work behind the page, free of DOM: loads tokenizers on demand (each once),
// encodes, counts and decodes. It runs in the Web Worker (tokenizer-worker.js) and, where
// workers are unavailable, on the main thread (tokenizer-client.js); both talk to it with the
// same messages. Results are typed arrays (ids, UTF-16 starts and ends, UTF-8 ends) so that a
// megabyte of text crosses the worker boundary as a few transferable buffers, not as hundreds
// of thousands of objects.
//
// Token spans come from the ids: a byte-level BPE token's bytes are consecutive bytes of the
// input, so the UTF-8 ends are running sums of each id's byte length (looked up once per id
// with decodeBytes and cached). The same rounding as Tokenizer.tokens() maps them to UTF-16:
// a token holding part of a character covers the whole character. Measured in Node on 1 MB of
// Turkish text (gpt2): tokens() 1.1 s (one object and one Uint8Array per token), this 0.2 s.

/** Counts of a text that do not depend on the tokenizer. */
export function textCounts(text) {
  let codePoints = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codePoints++;
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // BMP, or a lone surrogate (encoded as U+FFFD)
  }
  const words = text.match(/\S+/gu)?.length ?? 0;
  return { units: text.length, codePoints, bytes, words };
}

/**
 * UTF-16 starts and ends of tokens from their UTF-8 ends (ascending). A token with no bytes
 * (BOS) gets start == end at its position.
 */
function utf16Spans(text, byteEnds) {
  const n = byteEnds.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  let byte = 0; // UTF-8 offset of the character at `unit`
  let unit = 0;
  let prevEnd = 0;
  const width = (u) => {
    const c = text.charCodeAt(u);
    if (c < 0x80) return [1, 1];
    if (c < 0x800) return [2, 1];
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00) return [4, 2];
    return [3, 1];
  };
  let charStartByte = 0;
  let charStartUnit = 0;
  for (let i = 0; i < n; i++) {
    const startByte = prevEnd;
    const endByte = byteEnds[i];
    // Start: the character containing startByte (round down).
    while (unit < text.length) {
      const [b, u] = width(unit);
      if (byte + b > startByte) break;
      byte += b;
      unit += u;
    }
    charStartByte = byte;
    charStartUnit = unit;
    starts[i] = unit;
    if (endByte === startByte) {
      ends[i] = unit;
      continue;
    }
    // End: the end of the character containing endByte - 1 (round up).
    let b2 = charStartByte;
    let u2 = charStartUnit;
    while (b2 < endByte && u2 < text.length) {
      const [b, u] = width(u2);
      b2 += b;
      u2 += u;
    }
    ends[i] = u2;
    prevEnd = endByte;
  }
  return { starts, ends };
}

/** Where each special-token string occurs in `text` (at most 3 listed, all counted). */
function findSpecials(text, specials) {
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

/**
 * The engine. `loadLibrary()` resolves to the playground module (./lib/playground.js).
 * `handle(message, post)` answers one request; `post(reply, transfer)` sends replies.
 */
export function createEngine(loadLibrary) {
  let apiPromise = null;
  const tokenizers = new Map(); // name -> Promise<{ tok, lengths }>
  let vectorsPromise = null;
  const latest = new Map(); // channel -> newest request id

  const api = () => (apiPromise ??= loadLibrary().then((library) => library.init()));

  function load(name, onProgress) {
    if (!tokenizers.has(name)) {
      const promise = (async () => {
        const pg = await api();
        if (name === "words") {
          vectorsPromise ??= pg.loadVectors();
          const vectors = await vectorsPromise;
          return { tok: await pg.loadTokenizer("words", { vectors }), lengths: null };
        }
        const tok = await pg.loadTokenizer(name, { onProgress: (received, total) => onProgress?.(received, total) });
        return { tok, lengths: new Int32Array(tok.vocabSize).fill(-1) };
      })();
      tokenizers.set(name, promise);
      promise.catch(() => tokenizers.delete(name)); // a failed download can be retried
    }
    return tokenizers.get(name);
  }

  function byteEndsOf(entry, ids, addBos) {
    const { tok, lengths } = entry;
    const ends = new Uint32Array(ids.length);
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!(addBos && i === 0)) {
        let length = lengths[id];
        if (length < 0) length = lengths[id] = tok.decodeBytes([id]).length;
        total += length;
      }
      ends[i] = total;
    }
    return ends;
  }

  function encode(entry, text, { allowedSpecial = "none", addBos = false } = {}) {
    const { tok } = entry;
    const counts = textCounts(text);
    if (tok.name === "words") {
      const list = tok.tokens(text);
      const ids = Int32Array.from(list, (t) => t.id);
      const starts = Uint32Array.from(list, (t) => t.start);
      const ends = Uint32Array.from(list, (t) => t.end);
      const words = list.map((t) => t.word);
      return { reply: { ids, starts, ends, byteEnds: null, words, counts, specialsFound: [] }, transfer: [ids.buffer, starts.buffer, ends.buffer] };
    }
    const bos = addBos && tok.bosId !== null;
    const ids = tok.encodeToUint32Array(text, { allowedSpecial, addBos: bos });
    const byteEnds = byteEndsOf(entry, ids, bos);
    const { starts, ends } = utf16Spans(text, byteEnds);
    const specialsFound = findSpecials(text, tok.specialTokens);
    return { reply: { ids, starts, ends, byteEnds, words: null, counts, specialsFound }, transfer: [ids.buffer, starts.buffer, ends.buffer, byteEnds.buffer] };
  }

  function describe(tok) {
    return { name: tok.name, vocabSize: tok.vocabSize, bosId: tok.bosId, specialTokens: tok.specialTokens.slice(0, 300) };
  }

  const yieldToQueue = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function handle(msg, post) {
    const { req, channel = "main" } = msg;
    if (msg.type !== "decode" && msg.type !== "load") latest.set(channel, req);
    const isStale = () => msg.type !== "decode" && msg.type !== "load" && latest.get(channel) !== req;
    try {
      let lastPost = 0;
      const entry = await load(msg.name, (received, total) => {
        const now = Date.now();
        if (now - lastPost > 60 || received === total) {
          lastPost = now;
          post({ type: "progress", req, channel, name: msg.name, stage: "download", received, total });
        }
      });
      if (msg.type === "load") return post({ type: "loaded", req, channel, info: describe(entry.tok) });
      // Let newer requests already queued be seen, so that stale ones are skipped.
      await yieldToQueue();
      if (isStale()) return post({ type: "stale", req, channel });
      if (msg.type === "decode") {
        const text = entry.tok.decode(msg.ids);
        return post({ type: "decoded", req, channel, text });
      }
      post({ type: "progress", req, channel, name: msg.name, stage: "encoding" });
      if (msg.type === "count") {
        const started = performance.now();
        const tokens = entry.tok.name === "words" ? entry.tok.tokens(msg.text).length : entry.tok.encodeToUint32Array(msg.text, msg.options).length;
        return post({ type: "counted", req, channel, name: msg.name, tokens, ms: performance.now() - started, counts: textCounts(msg.text) });
      }
      const started = performance.now();
      const { reply, transfer } = encode(entry, msg.text, msg.options);
      post({ type: "encoded", req, channel, name: msg.name, info: describe(entry.tok), ms: performance.now() - started, ...reply }, transfer);
    } catch (error) {
      post({ type: "error", req, channel, name: msg.name, code: error?.code ?? "ERROR", message: error?.message ?? String(error) });
    }
  }

  return { handle };
}

export { utf16Spans };
