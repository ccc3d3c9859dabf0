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

export class Playground {
  /** The default set when no source is given; else a URL (relative to the page or cwd), or the asset's bytes. */
  loadVectors(
    source?: string | URL | Uint8Array | ArrayBuffer,
    options?: { onProgress?: (received: number, total: number) => void },
  ): Promise<Vectors>;
}

/** Instantiates the WebAssembly core once; later calls return the same Playground. */
export function init(options?: { wasmUrl?: string | URL }): Promise<Playground>;

/** File name of the default vector set (GloVe 6B 100-d, 10,015 words). */
export const DEFAULT_VECTORS: string;
