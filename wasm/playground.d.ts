// Types for embedding-playground (wasm/playground.js). Each method's semantics follow the
// C++ core it calls: see src/vectors/queries.h, src/vectors/pca.h, src/vectors/expression.h.

/** Thrown for every failure; `code` is stable, `message` is meant for people. */
export class PlaygroundError extends Error {
  name: "PlaygroundError";
  /** BAD_ASSET | UNKNOWN_WORD | BAD_ARGUMENT | BAD_EXPRESSION | FETCH_FAILED | DISPOSED | OUT_OF_MEMORY | INTERNAL */
  code: string;
  /** For UNKNOWN_WORD: the word that is not in the vocabulary. */
  word: string;
  /** For UNKNOWN_WORD: close vocabulary words ("did you mean"), best first. */
  suggestions: string[];
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
  /** Up to `max` (default 5, at most 50) vocabulary words close to `word`. */
  suggest(word: string, max?: number): string[];
  /** The word's vector as stored (GloVe's numbers, not normalized). A copy. */
  vector(word: string): Float32Array;
  /** Cosine similarity (gensim `similarity`). */
  similarity(a: string, b: string): number;
  /** The k (1..1000, default 10) most similar words; a query word is excluded (gensim `most_similar`). */
  nearest(query: string | ArrayLike<number>, k?: number): ScoredWord[];
  /**
   * gensim `most_similar(positive, negative)` ("add", 3CosAdd) or `most_similar_cosmul`
   * ("mul", 3CosMul). Input words never appear in the answer.
   */
  analogy(options: { positive: string[]; negative?: string[]; k?: number; method?: "add" | "mul" }): ScoredWord[];
  /** Parses "king - man + woman" and answers it as analogy(). */
  expression(text: string, options?: { k?: number; method?: "add" | "mul" }): ExpressionResult;
  /** The odd one out (gensim `doesnt_match`) and every word's cosine with the group's mean. */
  doesntMatch(words: string[]): { word: string; scores: ScoredWord[] };
  /**
   * PCA (scikit-learn `PCA(n_components).fit_transform`, equal up to each component's sign) of
   * the words' stored vectors, or unit vectors with `normalize`; `null` means the whole set.
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

export interface EncodeOptions {
  /** "none" (default): special-token strings such as <|endoftext|> are plain text (tiktoken encode_ordinary). "all": they become their ids. */
  allowedSpecial?: "none" | "all";
  /** Prepend / append the model's BOS / EOS id as its own tokenizer would (llama3: 128000 / 128001); an error for models without them. */
  addBos?: boolean;
  addEos?: boolean;
}

export type TokenizerName = "gpt2" | "r50k_base" | "p50k_base" | "cl100k_base" | "o200k_base" | "llama3" | "words";

/** A tokenizer: byte-level BPE identical to tiktoken (OpenAI encodings) and to Llama 3's, or the GloVe "words" tokenizer. */
export class Tokenizer {
  readonly name: TokenizerName;
  /** One more than the largest id, special tokens included (for "words": the vector set's size). */
  readonly vocabSize: number;
  readonly bosId: number | null;
  readonly eosId: number | null;
  readonly specialTokens: { text: string; id: number }[];
  /** Token ids; no BOS/EOS unless asked. Lone surrogates are encoded as U+FFFD, as tiktoken does. */
  encode(text: string, options?: EncodeOptions): number[];
  /** encode() without copying into a plain array. */
  encodeToUint32Array(text: string, options?: EncodeOptions): Uint32Array;
  /** Each token with its id, text, bytes and UTF-16 range. */
  tokens(text: string, options?: EncodeOptions): Token[];
  /** The text of the ids; an incomplete UTF-8 sequence becomes U+FFFD. Throws BAD_ARGUMENT naming an unknown id. */
  decode(ids: ArrayLike<number>): string;
  /** The raw bytes of the ids. */
  decodeBytes(ids: ArrayLike<number>): Uint8Array;
  dispose(): void;
}

export class Playground {
  /**
   * Loads a tokenizer; its data (0.4–1.6 MB) is downloaded only now. "words" needs no download and
   * links each word to `vectors` (default: the vector set loaded last).
   */
  loadTokenizer(
    name: TokenizerName,
    options?: { source?: string | URL | Uint8Array; vectors?: Vectors; onProgress?: (received: number, total: number) => void },
  ): Promise<Tokenizer>;
  /** The default set when no source is given; else a URL (relative to the page or cwd), or the asset's bytes. */
  loadVectors(
    source?: string | URL | Uint8Array | ArrayBuffer,
    options?: { onProgress?: (received: number, total: number) => void },
  ): Promise<Vectors>;
}

/** Downloads (in Node: reads) a vector asset without parsing it, e.g. while init() runs; give the bytes to loadVectors(). */
export function fetchVectorBytes(
  source?: string | URL,
  options?: { onProgress?: (received: number, total: number) => void },
): Promise<Uint8Array>;

/** Instantiates the WebAssembly core once; later calls return the same Playground. */
export function init(options?: { wasmUrl?: string | URL }): Promise<Playground>;

/** The tokenizer names and the asset file each reads (null: none). */
export const TOKENIZERS: Readonly<Record<TokenizerName, string | null>>;

/** File name of the default vector set (GloVe 6B 100-d, 10,015 words). */
export const DEFAULT_VECTORS: string;
