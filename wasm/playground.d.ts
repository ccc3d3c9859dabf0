// Types for embedding-playground (wasm/playground.js and the modules it re-exports). Each
// method's semantics follow the C++ core it calls: see src/vectors/queries.h,
// src/vectors/pca.h, src/vectors/expression.h, src/tokenizers/tokenizer.h, and the handle
// classes in wasm/ (vector_set.h, tokenizer_handle.h, word_tokens.h).
//
// Every argument is checked before it reaches WebAssembly: a wrong type, an options argument
// that is not an object (null included) or an option name that does not exist throws
// PlaygroundError BAD_ARGUMENT. Messages quote at most a short prefix of what was typed.

/** A PlaygroundError as plain data (what toJSON() gives and fromJSON() takes). */
export interface PlaygroundErrorData {
  name: "PlaygroundError";
  message: string;
  code: string;
  word: string;
  suggestions: string[];
}

/** Thrown for every failure; `code` is stable, `message` is meant for people. */
export class PlaygroundError extends Error {
  constructor(message: string, options?: { code?: string; word?: string; suggestions?: string[] });
  name: "PlaygroundError";
  /** BAD_ASSET | UNKNOWN_WORD | BAD_ARGUMENT | BAD_EXPRESSION | FETCH_FAILED | DISPOSED | OUT_OF_MEMORY | INTERNAL */
  code: string;
  /** For UNKNOWN_WORD: the word that is not in the vocabulary (a word longer than 64 UTF-16 units: its first 64 and "…"). */
  word: string;
  /** For UNKNOWN_WORD: close vocabulary words ("did you mean"), best first. */
  suggestions: string[];
  /**
   * The error as plain data, safe for structured clone (postMessage) and JSON: how an error
   * crosses a worker boundary. `JSON.stringify(error)` uses it too.
   */
  toJSON(): PlaygroundErrorData;
  /**
   * A real PlaygroundError (instanceof works, `code` and the rest restored) from toJSON()'s
   * data, e.g. on the page side of a worker. Missing or ill-typed fields get their defaults
   * (message "", code "ERROR", word "", suggestions []); a PlaygroundError is returned as is.
   */
  static fromJSON(data: unknown): PlaygroundError;
}

export interface ScoredWord {
  word: string;
  /** Cosine similarity (3CosMul score for method "mul"), as gensim computes it in float32. */
  score: number;
}

export interface PcaResult {
  /** One [x, y] or [x, y, z] per input word, in input order. */
  coords: number[][];
  /** explained_variance_ratio_ of each component, as scikit-learn. */
  explained: number[];
  /** explained_variance_ of each component (ddof = 1), as scikit-learn. */
  variance: number[];
}

export interface ExpressionResult {
  positive: string[];
  negative: string[];
  results: ScoredWord[];
}

export class Vectors {
  /** Number of words. */
  readonly size: number;
  /** Numbers per vector (100 for the default set). */
  readonly dim: number;
  /** All words in the set's order (GloVe: most frequent first). A copy. */
  words(): string[];
  /** Whether the exact word (case-sensitive) is in the set. */
  has(word: string): boolean;
  /** Up to `max` (a non-negative integer, default 5; more than 50 gives 50) vocabulary words close to `word`. */
  suggest(word: string, max?: number): string[];
  /** The word's vector as stored (GloVe's numbers, not normalized). A copy. */
  vector(word: string): Float32Array;
  /** Cosine similarity (gensim `similarity`). */
  similarity(a: string, b: string): number;
  /**
   * The k (1..limits.maxNeighbours, i.e. the core's kMaxNeighbours; default 10) most similar
   * words; a query word is excluded (gensim `most_similar`). A vector query is an array or typed
   * array of `dim` numbers (not BigInt) and excludes nothing.
   */
  nearest(query: string | ArrayLike<number>, k?: number): ScoredWord[];
  /**
   * gensim `most_similar(positive, negative)` ("add", 3CosAdd) or `most_similar_cosmul`
   * ("mul", 3CosMul). Input words never appear in the answer. At most limits.maxTerms words
   * in all (when the core defines that limit), else BAD_ARGUMENT before any work.
   */
  analogy(options: { positive: string[]; negative?: string[]; k?: number; method?: "add" | "mul" }): ScoredWord[];
  /** Parses "king - man + woman" (at most MAX_TEXT_LENGTH characters) and answers it as analogy(). */
  expression(text: string, options?: { k?: number; method?: "add" | "mul" }): ExpressionResult;
  /** The odd one out (gensim `doesnt_match`) and every word's cosine with the group's mean. */
  doesntMatch(words: string[]): { word: string; scores: ScoredWord[] };
  /**
   * PCA (scikit-learn `PCA(n_components).fit_transform`, equal up to each component's sign) of
   * the words' stored vectors, or unit vectors with `normalize` (true or false; anything else,
   * a string included, is BAD_ARGUMENT); `null` means the whole set.
   */
  pca(words: string[] | null, components?: 2 | 3, options?: { normalize?: boolean }): PcaResult;
  /** Frees the WASM memory now instead of when garbage-collected. Optional. */
  dispose(): void;
}

export interface Token {
  /** Token id (for "words": the word's index in the vector set, -1 if it has no vector). */
  id: number;
  /** The token's text; a token holding part of a character shows U+FFFD for it. */
  text: string;
  /** The token's bytes (byte-level BPE tokenizers). */
  bytes?: Uint8Array;
  /** UTF-16 range in the input. A token that covers part of a character covers the whole character, so the pieces of a split emoji share one range. A BOS/EOS token has start == end. */
  start: number;
  end: number;
  /** "words" only: the lower-cased word looked up in the vectors, and whether it was found. */
  word?: string;
  inVocabulary?: boolean;
}

/**
 * A tokenization as typed arrays, one entry per token (no object per token: fast for megabytes).
 * `starts` / `ends` are the token's range in the input string in UTF-16 units, as tokens():
 * a token holding part of a character covers the whole character (the pieces of a split emoji
 * share it); a token of no bytes (BOS, EOS) has start == end.
 */
export interface Spans {
  ids: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** The token's range in the input's UTF-8 bytes (encodeUtf8(text)); contiguous, BOS/EOS empty. */
  byteStarts: Uint32Array;
  byteEnds: Uint32Array;
}

/** The "words" tokenizer's spans: `ids` are vector-set indices (-1: no vector), `words` the normalised words. */
export interface WordSpans {
  ids: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  words: string[];
}

export interface EncodeOptions {
  /** "none" (default): special-token strings such as <|endoftext|> are plain text (tiktoken encode_ordinary). "all": they become their ids. */
  allowedSpecial?: "none" | "all";
  /** Prepend / append the model's BOS / EOS id as its own tokenizer would (llama3: 128000 / 128001); an error for models without them. */
  addBos?: boolean;
  addEos?: boolean;
}

export type TokenizerName = "gpt2" | "r50k_base" | "p50k_base" | "cl100k_base" | "o200k_base" | "llama3" | "words";

/** A byte-level BPE tokenizer, identical to tiktoken (OpenAI encodings) and to Llama 3's. */
export class Tokenizer {
  /** The name it was loaded as. */
  readonly name: Exclude<TokenizerName, "words">;
  /** One more than the largest id, special tokens included. */
  readonly vocabSize: number;
  readonly bosId: number | null;
  readonly eosId: number | null;
  readonly specialTokens: { text: string; id: number }[];
  /**
   * Token ids; no BOS/EOS unless asked. Lone surrogates are encoded as U+FFFD, as tiktoken does.
   * A text longer than MAX_TEXT_LENGTH is BAD_ARGUMENT (checked before it is encoded).
   */
  encode(text: string, options?: EncodeOptions): number[];
  /** encode() without copying into a plain array. */
  encodeToUint32Array(text: string, options?: EncodeOptions): Uint32Array;
  /**
   * ids and ranges as typed arrays, computed in one pass in WebAssembly: the way to show the
   * tokens of a large text.
   */
  spans(text: string, options?: EncodeOptions): Spans;
  /** Each token with its id, text, bytes and UTF-16 range: an object view of spans(). */
  tokens(text: string, options?: EncodeOptions): Token[];
  /**
   * The text of the ids (an array or typed array of integers; anything else is BAD_ARGUMENT);
   * an incomplete UTF-8 sequence becomes U+FFFD. Throws BAD_ARGUMENT naming an unknown id.
   */
  decode(ids: ArrayLike<number>): string;
  /** The raw bytes of the ids. */
  decodeBytes(ids: ArrayLike<number>): Uint8Array;
  dispose(): void;
}

/** The "words" tokenizer: text cut as GloVe's vocabulary was built, each word linked to a vector set. */
export class WordTokenizer {
  readonly name: "words";
  /** The vector set's size (0 without one). */
  readonly vocabSize: number;
  readonly bosId: null;
  readonly eosId: null;
  readonly specialTokens: [];
  /** The vector set the ids index into, null if none was loaded. */
  readonly vectors: Vectors | null;
  /** Vector-set index of each word, -1 for a word without a vector. */
  encode(text: string): number[];
  /** ids (vector indices, -1 without a vector), UTF-16 ranges and the normalised words, as typed arrays. */
  spans(text: string): WordSpans;
  /** An object view of spans(): { id, text, word, start, end, inVocabulary } per word. */
  tokens(text: string): Token[];
  /** The words of the ids joined by spaces; BAD_ARGUMENT for an id outside the vector set. */
  decode(ids: ArrayLike<number>): string;
  dispose(): void;
}

/** The limits arguments are checked against. */
export interface Limits {
  /** Most results of nearest / analogy / expression: the core's kMaxNeighbours, read from it. */
  readonly maxNeighbours: number;
  /** Most words in an analogy or expression: the core's kMaxTerms, read from it (undefined while the core has none). */
  readonly maxTerms: number | undefined;
  /** MAX_TEXT_LENGTH. */
  readonly maxTextLength: number;
}

/** Where asset bytes come from: a URL or path (read with fs in Node for file: URLs, fetch otherwise), or the bytes. */
export type Source = string | URL | Uint8Array | ArrayBuffer;

export class Playground {
  readonly limits: Limits;
  /**
   * Loads a tokenizer; its data (0.4–1.6 MB) is downloaded only now, or read from `source`. The
   * file must hold the tokenizer asked for (gpt2 and r50k_base share one), else BAD_ASSET. A
   * file that cannot be read is FETCH_FAILED. "words" needs no download and links each word to
   * `vectors` (a Vectors; default: the vector set loaded last); it takes no `source`, and only it
   * takes `vectors`.
   */
  loadTokenizer(name: "words", options?: { vectors?: Vectors | null }): Promise<WordTokenizer>;
  loadTokenizer(
    name: Exclude<TokenizerName, "words">,
    options?: { source?: Source; onProgress?: (received: number, total: number) => void },
  ): Promise<Tokenizer>;
  /**
   * The default set when no source is given; else a URL (relative to the page or cwd), or the
   * asset's bytes. A file that cannot be read is FETCH_FAILED; bytes that are not a valid asset
   * BAD_ASSET.
   */
  loadVectors(source?: Source, options?: { onProgress?: (received: number, total: number) => void }): Promise<Vectors>;
  /**
   * For tests and debugging only: the WebAssembly heap's size in bytes. It never shrinks, which
   * is why sizes are checked before an input is copied in.
   */
  wasmHeapBytes(): number;
}

/** Downloads (in Node: reads) a vector asset without parsing it, e.g. while init() runs; give the bytes to loadVectors(). FETCH_FAILED if it cannot. */
export function fetchVectorBytes(
  source?: Source,
  options?: { onProgress?: (received: number, total: number) => void },
): Promise<Uint8Array>;

/** Instantiates the WebAssembly core once; later calls return the same Playground. */
export function init(options?: { wasmUrl?: string | URL }): Promise<Playground>;

/** The tokenizer names and the asset file each reads (null: none). */
export const TOKENIZERS: Readonly<Record<TokenizerName, string | null>>;

/** File name of the default vector set (GloVe 6B 100-d, 10,015 words). */
export const DEFAULT_VECTORS: string;

/** Longest text (JS string length, UTF-16 units) tokenizers and expressions take: 16 Mi (16,777,216). */
export const MAX_TEXT_LENGTH: number;

// UTF-8, the one JS implementation the wrapper and the page share (wasm/utf8.js).

/** The UTF-8 bytes of `text`, as TextEncoder (a lone surrogate becomes U+FFFD, as tokenizers see it). */
export function encodeUtf8(text: string): Uint8Array;
/** The text of UTF-8 bytes; each ill-formed sequence becomes U+FFFD, a leading U+FEFF is kept. */
export function decodeUtf8(bytes: Uint8Array): string;
/** encodeUtf8(text).length, without encoding. */
export function utf8Length(text: string): number;
/**
 * `bytes` as runs of whole characters (strings) and runs of bytes that are not whole characters
 * (Uint8Array views into `bytes`), alternating, in order: for showing a token that holds part
 * of a character (its bytes in hex).
 */
export function utf8Parts(bytes: Uint8Array): (string | Uint8Array)[];
