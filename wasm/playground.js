// embedding-playground: the public ES module over the WebAssembly core.
// Same behaviour in browsers and in Node >= 20 (where files are read with fs, no fetch or
// server needed). Every result is a plain JS copy; WASM memory is managed here, so callers
// never call delete(). Errors are thrown as PlaygroundError with the core's message and a
// `code` (BAD_ASSET, UNKNOWN_WORD, BAD_ARGUMENT, BAD_EXPRESSION, FETCH_FAILED, ...).
// Types and per-method docs: playground.d.ts. One concept per module, all re-exported here:
//   errors.js      PlaygroundError, the core's result envelope
//   checks.js      argument checks and the wrapper's own limits
//   io.js          reading bytes from a URL, a path or memory
//   handles.js     the Embind objects' lifetime
//   vectors.js     Vectors, fetchVectorBytes
//   tokenizers.js  Tokenizer, WordTokenizer, TOKENIZERS
//   utf8.js        UTF-8 encode / decode / length / parts, for the wrapper and the page
import createPlaygroundCore from "./playground_core.js";
import { checkCallback, checkOptions, MAX_TEXT_LENGTH } from "./checks.js";
import { badArgument, clip, PlaygroundError } from "./errors.js";
import { loadHandle } from "./handles.js";
import { IS_NODE, readSource, toUrl } from "./io.js";
import { storedName, Tokenizer, TOKENIZERS, tokenizerUrl, WordTokenizer } from "./tokenizers.js";
import { DEFAULT_VECTORS_URL, Vectors } from "./vectors.js";

export { PlaygroundError } from "./errors.js";
export { MAX_TEXT_LENGTH } from "./checks.js";
export { DEFAULT_VECTORS, fetchVectorBytes, Vectors } from "./vectors.js";
export { Tokenizer, TOKENIZERS, WordTokenizer } from "./tokenizers.js";
export { decodeUtf8, encodeUtf8, utf8Length, utf8Parts } from "./utf8.js";

/** The initialized WebAssembly core; loads vector sets and tokenizers. */
export class Playground {
  #core;
  #lastVectors = null;

  /** @internal */
  constructor(core) {
    this.#core = core;
    core.emptyVectorSet = new core.VectorSet();
    /** The limits the API checks arguments against; the core's own are read from it. */
    this.limits = Object.freeze({
      maxNeighbours: core.maxNeighbours,
      maxTerms: core.maxTerms,
      maxTextLength: MAX_TEXT_LENGTH,
    });
  }

  /**
   * Loads a tokenizer by name (see TOKENIZERS); its data is downloaded only now. "words" needs no
   * download and links each word to `vectors` (default: the vector set loaded last).
   */
  async loadTokenizer(name, options) {
    const { source, vectors, onProgress } = checkOptions(options, "loadTokenizer()", ["source", "vectors", "onProgress"]);
    if (typeof name !== "string" || !Object.hasOwn(TOKENIZERS, name)) {
      throw badArgument(`Unknown tokenizer ${typeof name === "string" ? JSON.stringify(clip(name)) : String(typeof name)}; choose one of ${Object.keys(TOKENIZERS).join(", ")}.`);
    }
    checkCallback(onProgress, "onProgress");
    if (name === "words") {
      if (source !== undefined) throw badArgument('The "words" tokenizer has no data file to load: it needs no source (give vectors instead).');
      if (vectors !== undefined && vectors !== null && !(vectors instanceof Vectors)) {
        throw badArgument('The option vectors must be a vector set from loadVectors().');
      }
      return new WordTokenizer(this.#core, vectors ?? this.#lastVectors);
    }
    if (vectors !== undefined) throw badArgument(`The option vectors is only for the "words" tokenizer, not ${name}.`);
    const bytes = await readSource(source ?? tokenizerUrl(name), { onProgress, what: "loadTokenizer()'s source" });
    const handle = loadHandle(this.#core.Tokenizer, bytes);
    if (handle.name() !== storedName(name)) {
      const found = clip(handle.name());
      handle.delete();
      throw new PlaygroundError(`This tokenizer file holds "${found}", not ${name}: load it as "${found}", or give the file of ${name}.`, { code: "BAD_ASSET" });
    }
    return new Tokenizer(name, handle);
  }

  /** The default set when no source is given; else a URL (relative to the page or cwd), or the asset's bytes. */
  async loadVectors(source = DEFAULT_VECTORS_URL, options) {
    const { onProgress } = checkOptions(options, "loadVectors()", ["onProgress"]);
    const bytes = await readSource(source, { onProgress: checkCallback(onProgress, "onProgress"), what: "loadVectors()" });
    this.#lastVectors = new Vectors(loadHandle(this.#core.VectorSet, bytes), this.limits);
    return this.#lastVectors;
  }

  /**
   * For tests and debugging: the size of the WebAssembly heap in bytes. It only ever grows, so
   * it shows whether an input was copied in (the API checks sizes before copying).
   */
  wasmHeapBytes() {
    return this.#core.heapBytes();
  }
}

let corePromise = null;

/**
 * Loads and instantiates the WebAssembly core (once per page or process).
 * @param {{ wasmUrl?: string | URL }} [options]
 */
export function init(options) {
  const { wasmUrl } = checkOptions(options, "init()", ["wasmUrl"]);
  if (!corePromise || wasmUrl) {
    const url = wasmUrl ? toUrl(wasmUrl) : new URL("./playground_core.wasm", import.meta.url);
    const promise = (async () => {
      const moduleArgs = IS_NODE ? { wasmBinary: await readSource(url, { what: "init()" }) } : { locateFile: () => url.href };
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
