// embedding-playground: the public ES module over the WebAssembly core.
// Same behaviour in browsers and in Node >= 20 (where files are read with fs, no fetch or
// server needed). Every result is a plain JS copy; WASM memory is managed here, so callers
// never call delete(). Errors are thrown as PlaygroundError with the core's message and a
// `code` (BAD_ASSET, UNKNOWN_WORD, BAD_ARGUMENT, BAD_EXPRESSION, OUT_OF_MEMORY, ...).
// Types and per-method docs: playground.d.ts.
import createPlaygroundCore from "./playground_core.js";

const IS_NODE = typeof process === "object" && typeof process.versions?.node === "string" && typeof window === "undefined";

/** File name of the default vector set, beside this module's folder in assets/. */
export const DEFAULT_VECTORS = "glove-6b-100d-10k.bin";
const DEFAULT_VECTORS_URL = new URL(`../assets/${DEFAULT_VECTORS}`, import.meta.url);
const MAX_K = 1000;

export class PlaygroundError extends Error {
  constructor(message, { code = "ERROR", word = "", suggestions = [] } = {}) {
    super(message);
    this.name = "PlaygroundError";
    /** Stable machine-readable reason. */
    this.code = code;
    /** For UNKNOWN_WORD: the word that was not found. */
    this.word = word;
    /** For UNKNOWN_WORD: close vocabulary words, best first. */
    this.suggestions = suggestions;
  }
}

function unwrap(result) {
  if (result.ok) return result.value;
  throw new PlaygroundError(result.message, result);
}

function checkWord(word, what = "word") {
  if (typeof word !== "string") throw new PlaygroundError(`The ${what} must be a string, got ${typeof word}.`, { code: "BAD_ARGUMENT" });
  return word;
}

function checkWords(words, what = "words") {
  if (!Array.isArray(words)) throw new PlaygroundError(`The ${what} must be an array of strings.`, { code: "BAD_ARGUMENT" });
  words.forEach((w) => checkWord(w, "word in " + what));
  return words;
}

function checkK(k) {
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
    throw new PlaygroundError(`The number of results must be an integer from 1 to ${MAX_K}, got ${k}.`, { code: "BAD_ARGUMENT" });
  }
  return k;
}

function toUrl(source) {
  if (source instanceof URL) return source;
  const base = typeof document === "object" && document.baseURI ? document.baseURI : IS_NODE ? `file://${process.cwd()}/` : import.meta.url;
  return new URL(source, base);
}

/** Reads a URL into bytes: fs for file: URLs in Node, fetch otherwise, with progress. */
async function readBytes(url, onProgress) {
  if (IS_NODE && url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    const bytes = new Uint8Array(await readFile(url));
    onProgress?.(bytes.length, bytes.length);
    return bytes;
  }
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new PlaygroundError(`Could not download ${url.href}: ${error.message}. Check the address and your connection.`, { code: "FETCH_FAILED" });
  }
  if (!response.ok) {
    throw new PlaygroundError(`Could not download ${url.href}: the server answered ${response.status} ${response.statusText}.`, { code: "FETCH_FAILED" });
  }
  const total = Number(response.headers.get("content-length")) || 0;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const chunks = [];
  let received = 0;
  for (const reader = response.body.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

// Deletes the C++ object of a Vectors that JS has garbage-collected.
const finalizer = typeof FinalizationRegistry === "function" ? new FinalizationRegistry((handle) => handle.delete()) : null;

/**
 * Downloads (or, in Node, reads) a vector asset without parsing it, so a page can start the
 * download before init() has finished; pass the bytes to loadVectors(). Default: the default set.
 */
export function fetchVectorBytes(source = DEFAULT_VECTORS_URL, { onProgress } = {}) {
  return readBytes(toUrl(source), onProgress);
}

/** A loaded word-vector set. See playground.d.ts for each method. */
export class Vectors {
  #handle;
  #words = null;

  /** @internal */
  constructor(handle) {
    this.#handle = handle;
    this.size = handle.size();
    this.dim = handle.dim();
    finalizer?.register(this, handle, this);
  }

  #core() {
    if (!this.#handle) throw new PlaygroundError("This vector set was disposed.", { code: "DISPOSED" });
    return this.#handle;
  }

  /** @internal the Embind handle, for the words tokenizer. */
  _handle() {
    return this.#core();
  }

  words() {
    this.#words ??= this.#core().words();
    return this.#words.slice();
  }

  has(word) {
    return typeof word === "string" && this.#core().has(word);
  }

  suggest(word, max = 5) {
    return this.#core().suggest(checkWord(word), Math.max(0, Math.min(50, max | 0)));
  }

  vector(word) {
    return unwrap(this.#core().vector(checkWord(word)));
  }

  similarity(a, b) {
    return unwrap(this.#core().similarity(checkWord(a), checkWord(b)));
  }

  nearest(query, k = 10) {
    checkK(k);
    if (typeof query === "string") return unwrap(this.#core().nearest(query, k));
    if (Array.isArray(query) || ArrayBuffer.isView(query)) {
      return unwrap(this.#core().nearestToVector(Float32Array.from(query), k));
    }
    throw new PlaygroundError("nearest() takes a word or a vector (an array of numbers).", { code: "BAD_ARGUMENT" });
  }

  analogy({ positive = [], negative = [], k = 10, method = "add" } = {}) {
    checkWords(positive, "positive words");
    checkWords(negative, "negative words");
    return unwrap(this.#core().analogy(positive, negative, checkK(k), String(method)));
  }

  expression(text, { k = 10, method = "add" } = {}) {
    return unwrap(this.#core().expression(checkWord(text, "expression"), checkK(k), String(method)));
  }

  doesntMatch(words) {
    return unwrap(this.#core().doesntMatch(checkWords(words)));
  }

  pca(words, components = 2, { normalize = false } = {}) {
    if (components !== 2 && components !== 3) {
      throw new PlaygroundError(`PCA gives 2 or 3 components, not ${components}.`, { code: "BAD_ARGUMENT" });
    }
    const all = words === null || words === undefined;
    const raw = all ? unwrap(this.#core().pcaAll(components, !!normalize)) : unwrap(this.#core().pca(checkWords(words), components, !!normalize));
    const coords = [];
    for (let i = 0; i < raw.coords.length; i += components) coords.push(Array.from(raw.coords.subarray(i, i + components)));
    return { coords, explained: Array.from(raw.explained), variance: Array.from(raw.variance) };
  }

  dispose() {
    if (!this.#handle) return;
    finalizer?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

/** The initialized WebAssembly core; loads vector sets and tokenizers. */
export class Playground {
  #core;
  #lastVectors = null;

  /** @internal */
  constructor(core) {
    this.#core = core;
    core.emptyVectorSet = new core.VectorSet();
  }

  /**
   * Loads a tokenizer by name (see TOKENIZERS); its data is downloaded only now. "words" needs no
   * download and links each word to `vectors` (default: the vector set loaded last).
   */
  async loadTokenizer(name, { source, vectors, onProgress } = {}) {
    if (!Object.hasOwn(TOKENIZERS, name)) {
      throw new PlaygroundError(`Unknown tokenizer "${name}"; choose one of ${Object.keys(TOKENIZERS).join(", ")}.`, { code: "BAD_ARGUMENT" });
    }
    if (name === "words") return new WordTokenizer(this.#core, vectors ?? this.#lastVectors);
    let bytes = source;
    if (!(bytes instanceof Uint8Array)) {
      const url = source ? toUrl(source) : new URL(`../assets/tokenizers/${TOKENIZERS[name]}`, import.meta.url);
      bytes = await readBytes(url, onProgress);
    }
    const handle = new this.#core.Tokenizer();
    try {
      unwrap(handle.load(bytes));
    } catch (error) {
      handle.delete();
      throw error;
    }
    return new Tokenizer(name, handle);
  }

  async loadVectors(source = DEFAULT_VECTORS_URL, { onProgress } = {}) {
    let bytes;
    if (source instanceof Uint8Array) bytes = source;
    else if (source instanceof ArrayBuffer) bytes = new Uint8Array(source);
    else if (typeof source === "string" || source instanceof URL) bytes = await readBytes(toUrl(source), onProgress);
    else throw new PlaygroundError("loadVectors() takes a URL, a Uint8Array or an ArrayBuffer.", { code: "BAD_ARGUMENT" });
    const handle = new this.#core.VectorSet();
    try {
      unwrap(handle.load(bytes));
    } catch (error) {
      handle.delete();
      throw error;
    }
    this.#lastVectors = new Vectors(handle);
    return this.#lastVectors;
  }
}

/** Tokenizer names accepted by loadTokenizer(), with the asset each one reads. */
export const TOKENIZERS = Object.freeze({
  gpt2: "gpt2.bin",
  r50k_base: "gpt2.bin",
  p50k_base: "p50k_base.bin",
  cl100k_base: "cl100k_base.bin",
  o200k_base: "o200k_base.bin",
  llama3: "llama3.bin",
  words: null,
});

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8");  // ill-formed sequences become U+FFFD

/**
 * Maps ascending UTF-8 byte offsets of `text` to UTF-16 offsets. An offset inside a character
 * maps to that character's start (`roundUp` false) or end (`roundUp` true), so a token that
 * covers part of an emoji still points at the whole emoji. `mapper.exact` tells whether the last
 * offset fell on a character boundary.
 */
function utf16Mapper(text) {
  let byte = 0;
  let unit = 0;
  const mapper = (target, roundUp) => {
    if (target < byte) {
      byte = 0;
      unit = 0;
    }
    mapper.exact = true;
    while (byte < target && unit < text.length) {
      const cp = text.codePointAt(unit);
      const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (byte + bytes > target) {
        mapper.exact = false;
        return roundUp ? unit + (cp > 0xffff ? 2 : 1) : unit;
      }
      byte += bytes;
      unit += cp > 0xffff ? 2 : 1;
    }
    return unit;
  };
  mapper.exact = true;
  return mapper;
}

function checkText(text) {
  if (typeof text !== "string") throw new PlaygroundError(`The text must be a string, got ${typeof text}.`, { code: "BAD_ARGUMENT" });
  return text;
}

function checkIds(ids) {
  if (!(Array.isArray(ids) || ArrayBuffer.isView(ids))) {
    throw new PlaygroundError("The ids must be an array of non-negative integers.", { code: "BAD_ARGUMENT" });
  }
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) {
      throw new PlaygroundError(`Token id at position ${i} is ${JSON.stringify(id)}, not a non-negative integer.`, { code: "BAD_ARGUMENT" });
    }
  }
  return Uint32Array.from(ids);
}

/** A byte-level BPE tokenizer (gpt2, p50k_base, cl100k_base, o200k_base, llama3). See playground.d.ts. */
export class Tokenizer {
  #handle;

  /** @internal */
  constructor(name, handle) {
    this.#handle = handle;
    this.name = name;
    this.vocabSize = handle.vocabSize();
    this.bosId = handle.bosId() < 0 ? null : handle.bosId();
    this.eosId = handle.eosId() < 0 ? null : handle.eosId();
    this.specialTokens = handle.specials();
    finalizer?.register(this, handle, this);
  }

  #core() {
    if (!this.#handle) throw new PlaygroundError("This tokenizer was disposed.", { code: "DISPOSED" });
    return this.#handle;
  }

  #options({ allowedSpecial = "none", addBos = false, addEos = false } = {}) {
    if (allowedSpecial !== "all" && allowedSpecial !== "none") {
      throw new PlaygroundError('allowedSpecial must be "all" or "none".', { code: "BAD_ARGUMENT" });
    }
    return [allowedSpecial === "all", !!addBos, !!addEos];
  }

  encode(text, options) {
    return Array.from(unwrap(this.#core().encode(utf8Encoder.encode(checkText(text)), ...this.#options(options))));
  }

  /** encode() as a Uint32Array, without the copy into a plain array (for large texts). */
  encodeToUint32Array(text, options) {
    return unwrap(this.#core().encode(utf8Encoder.encode(checkText(text)), ...this.#options(options)));
  }

  tokens(text, options) {
    const bytes = utf8Encoder.encode(checkText(text));
    const flat = unwrap(this.#core().encodeSpans(bytes, ...this.#options(options)));
    const toUnit = utf16Mapper(text);
    const out = [];
    for (let i = 0; i < flat.length; i += 3) {
      const id = flat[i];
      const startByte = flat[i + 1];
      const endByte = flat[i + 2];
      const tokenBytes = startByte === endByte ? unwrap(this.#core().decodeBytes([id])) : bytes.slice(startByte, endByte);
      const start = toUnit(startByte, false);
      const startExact = toUnit.exact;
      const end = startByte === endByte ? start : toUnit(endByte, true);
      // Most tokens cover whole characters: their text is a slice of the input (much cheaper than
      // decoding); a token holding part of a character, or a lone surrogate, is decoded (U+FFFD).
      let tokenText = startByte === endByte ? null : startExact && toUnit.exact ? text.slice(start, end) : null;
      if (tokenText === null || tokenText.isWellFormed?.() === false) tokenText = utf8Decoder.decode(tokenBytes);
      out.push({ id, text: tokenText, bytes: tokenBytes, start, end });
    }
    return out;
  }

  decode(ids) {
    return utf8Decoder.decode(unwrap(this.#core().decodeBytes(checkIds(ids))));
  }

  /** The raw bytes of the ids, possibly ending inside a UTF-8 sequence. */
  decodeBytes(ids) {
    return unwrap(this.#core().decodeBytes(checkIds(ids)));
  }

  dispose() {
    if (!this.#handle) return;
    finalizer?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

/** The "words" tokenizer: text cut as GloVe's vocabulary was built, each word linked to a vector set. */
export class WordTokenizer {
  #core;
  #vectors;

  /** @internal */
  constructor(core, vectors) {
    this.#core = core;
    this.#vectors = vectors;
    this.name = "words";
    this.vocabSize = vectors ? vectors.size : 0;
    this.bosId = null;
    this.eosId = null;
    this.specialTokens = [];
  }

  /** The vector set the word ids index into (null if none was loaded). */
  get vectors() {
    return this.#vectors;
  }

  tokens(text) {
    const raw = unwrap(this.#core.wordTokens(this.#vectors ? this.#vectors._handle() : this.#core.emptyVectorSet, utf8Encoder.encode(checkText(text))));
    const toUnit = utf16Mapper(text);
    const out = [];
    for (let i = 0; i < raw.spans.length; i += 3) {
      const id = raw.spans[i];
      const start = toUnit(raw.spans[i + 1], false);
      const end = toUnit(raw.spans[i + 2], true);
      out.push({ id, text: text.slice(start, end), word: raw.words[i / 3], start, end, inVocabulary: id >= 0 });
    }
    return out;
  }

  /** Vector-set index of each word, -1 for a word without a vector. */
  encode(text) {
    return this.tokens(text).map((t) => t.id);
  }

  /** The words of the ids, joined by spaces; throws for an id outside the vector set. */
  decode(ids) {
    const words = this.#vectors ? this.#vectors.words() : [];
    return Array.from(ids, (id, i) => {
      if (!Number.isInteger(id) || id < 0 || id >= words.length) {
        throw new PlaygroundError(`Word id at position ${i} is ${id}; the vector set has ids 0 to ${words.length - 1}.`, { code: "BAD_ARGUMENT" });
      }
      return words[id];
    }).join(" ");
  }

  dispose() {}
}

let corePromise = null;

/**
 * Loads and instantiates the WebAssembly core (once per page or process).
 * @param {{ wasmUrl?: string | URL }} [options]
 */
export function init({ wasmUrl } = {}) {
  if (!corePromise || wasmUrl) {
    const url = wasmUrl ? toUrl(wasmUrl) : new URL("./playground_core.wasm", import.meta.url);
    const promise = (async () => {
      const moduleArgs = IS_NODE ? { wasmBinary: await readBytes(url) } : { locateFile: () => url.href };
      return new Playground(await createPlaygroundCore(moduleArgs));
    })();
    if (wasmUrl) return promise;
    corePromise = promise.catch((error) => {
      corePromise = null;
      throw error;
    });
  }
  return corePromise;
}
