// Vectors: one loaded word-vector set (the Embind class VectorSet, wasm/vector_set.h) with
// gensim KeyedVectors semantics. Types and per-method docs: playground.d.ts.
import {
  checkBoolean,
  checkChoice,
  checkCallback,
  checkCount,
  checkK,
  checkOptions,
  checkText,
  checkVector,
  checkWord,
  checkWords,
  MAX_SUGGESTIONS,
} from "./checks.js";
import { badArgument, clip, describe, PlaygroundError, unwrap } from "./errors.js";
import { release, track } from "./handles.js";
import { readSource } from "./io.js";

/** File name of the default vector set, in assets/ beside the library's folder. */
export const DEFAULT_VECTORS = "glove-6b-100d-10k.bin";
export const DEFAULT_VECTORS_URL = new URL(`../assets/${DEFAULT_VECTORS}`, import.meta.url);

const METHODS = ["add", "mul"];

/**
 * Downloads (or, in Node, reads) a vector asset without parsing it, so a page can start the
 * download before init() has finished; pass the bytes to loadVectors(). Default: the default set.
 */
export function fetchVectorBytes(source = DEFAULT_VECTORS_URL, options) {
  const { onProgress } = checkOptions(options, "fetchVectorBytes()", ["onProgress"]);
  return readSource(source, { onProgress: checkCallback(onProgress, "onProgress"), what: "fetchVectorBytes()" });
}

/** A loaded word-vector set. See playground.d.ts for each method. */
export class Vectors {
  #handle;
  #limits;
  #words = null;
  #longest = -1;

  /** @internal */
  constructor(handle, limits) {
    this.#handle = handle;
    this.#limits = limits;
    this.size = handle.size();
    this.dim = handle.dim();
    track(this, handle);
  }

  #core() {
    if (!this.#handle) throw new PlaygroundError("This vector set was disposed.", { code: "DISPOSED" });
    return this.#handle;
  }

  /** @internal the Embind handle, for the words tokenizer. */
  _handle() {
    return this.#core();
  }

  /** @internal the word list itself (not a copy), for the words tokenizer. */
  _wordList() {
    this.#words ??= this.#core().words();
    return this.#words;
  }

  words() {
    return this._wordList().slice();
  }

  // True if `word` is longer than every word of the set, so it cannot be one of them. Such a
  // word (a pasted page, say) is answered here, without copying it into WASM memory.
  #tooLong(word) {
    if (word.length <= 64) return false;
    if (this.#longest < 0) this.#longest = this._wordList().reduce((max, w) => Math.max(max, w.length), 0);
    return word.length > this.#longest;
  }

  // `word` checked for a lookup: a string that may be in the set (UNKNOWN_WORD if it cannot be).
  #lookup(word, what = "word") {
    checkWord(word, what);
    if (this.#tooLong(word)) {
      throw new PlaygroundError(`"${clip(word)}" (${word.length.toLocaleString("en")} characters) is not in the vocabulary: no word there is that long.`, { code: "UNKNOWN_WORD", word: clip(word) });
    }
    return word;
  }

  #lookupAll(words, what = "words") {
    checkWords(words, what);
    words.forEach((w) => this.#lookup(w));
    return words;
  }

  has(word) {
    return typeof word === "string" && !this.#tooLong(word) && this.#core().has(word);
  }

  suggest(word, max = 5) {
    checkWord(word);
    const count = checkCount(max, "number of suggestions", MAX_SUGGESTIONS);
    // Suggestions are words a few edits away: none is close to a word longer than all of them.
    return this.#tooLong(word) ? [] : this.#core().suggest(word, count);
  }

  vector(word) {
    return unwrap(this.#core().vector(this.#lookup(word)));
  }

  similarity(a, b) {
    return unwrap(this.#core().similarity(this.#lookup(a), this.#lookup(b)));
  }

  nearest(query, k = 10) {
    checkK(k, this.#limits.maxNeighbours);
    if (typeof query === "string") return unwrap(this.#core().nearest(this.#lookup(query), k));
    return unwrap(this.#core().nearestToVector(checkVector(query), k));
  }

  #checkTerms(count) {
    const max = this.#limits.maxTerms;
    if (max !== undefined && count > max) {
      throw badArgument(`An analogy or expression takes at most ${max} words; this one has ${count}. Leave some out.`);
    }
  }

  analogy(options) {
    const { positive = [], negative = [], k = 10, method } = checkOptions(options, "analogy()", ["positive", "negative", "k", "method"]);
    this.#lookupAll(positive, "positive words");
    this.#lookupAll(negative, "negative words");
    this.#checkTerms(positive.length + negative.length);
    return unwrap(this.#core().analogy(positive, negative, checkK(k, this.#limits.maxNeighbours), checkChoice(method, "method", METHODS)));
  }

  expression(text, options) {
    const { k = 10, method } = checkOptions(options, "expression()", ["k", "method"]);
    checkText(text, "expression");
    return unwrap(this.#core().expression(text, checkK(k, this.#limits.maxNeighbours), checkChoice(method, "method", METHODS)));
  }

  doesntMatch(words) {
    return unwrap(this.#core().doesntMatch(this.#lookupAll(words)));
  }

  pca(words, components = 2, options) {
    const { normalize } = checkOptions(options, "pca()", ["normalize"]);
    const unit = checkBoolean(normalize, "normalize");
    if (components !== 2 && components !== 3) throw badArgument(`PCA gives 2 or 3 components, not ${describe(components)}.`);
    const all = words === null || words === undefined;
    const raw = all ? unwrap(this.#core().pcaAll(components, unit)) : unwrap(this.#core().pca(this.#lookupAll(words), components, unit));
    const coords = [];
    for (let i = 0; i < raw.coords.length; i += components) coords.push(Array.from(raw.coords.subarray(i, i + components)));
    return { coords, explained: Array.from(raw.explained), variance: Array.from(raw.variance) };
  }

  dispose() {
    if (!this.#handle) return;
    release(this, this.#handle);
    this.#handle = null;
  }
}
