// Turning what the user typed into vocabulary words, and searching the vocabulary.
// Lower-casing uses String.prototype.toLowerCase(), not toLocaleLowerCase(): under a Turkish
// locale the latter maps "I" to dotless "ı", which would turn "I" or "IRAN" into non-words.

/** Trims and lower-cases one word. `lowered` says whether lower-casing changed it. */
export function normalizeWord(text) {
  const raw = text.trim();
  const word = raw.toLowerCase();
  return { raw, word, lowered: word !== raw };
}

const LIST_SEPARATORS = /[\s,;]+/;

/**
 * Splits a list typed as "a, b c\nd" into lower-cased words, keeping the first of any duplicates.
 * Returns the words, the [typed, lower-cased] pairs that changed, and the duplicates removed.
 */
export function parseWordList(text) {
  const words = [];
  const lowered = [];
  const duplicates = [];
  const seen = new Set();
  for (const token of text.split(LIST_SEPARATORS)) {
    if (!token) continue;
    const word = token.toLowerCase();
    if (word !== token) lowered.push([token, word]);
    if (seen.has(word)) {
      if (!duplicates.includes(word)) duplicates.push(word);
      continue;
    }
    seen.add(word);
    words.push(word);
  }
  return { words, lowered, duplicates };
}

/** Replaces every token of a typed list that lower-cases to `word`, keeping the separators. */
export function replaceListWord(text, word, replacement) {
  return text
    .split(/([\s,;]+)/)
    .map((part) => (part.toLowerCase() === word ? replacement : part))
    .join("");
}

/** Longest input worth asking the vocabulary for suggestions ("did you mean"). */
export const MAX_SUGGEST_LENGTH = 64;

/** How many characters of user input a message quotes. */
export const QUOTE_LENGTH = 60;

/**
 * `text` cut to at most `max` characters (never inside a surrogate pair) with "…" when cut:
 * how messages quote what the user typed, so a pasted megabyte never becomes a megabyte of
 * DOM text.
 */
export function shortQuote(text, max = QUOTE_LENGTH) {
  const s = String(text);
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

/** Whether the text has characters outside ASCII (Turkish letters, emoji...). */
export function hasNonAscii(text) {
  return /[^\x00-\x7f]/.test(text);
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Drops suggestions that are only punctuation when the input has letters or non-ASCII
 * characters: for an emoji the API offers ",", ".", "\"" (closest by edit distance), which
 * helps nobody. Punctuation input keeps punctuation suggestions.
 */
export function usefulSuggestions(word, suggestions) {
  const punctuationOnly = !HAS_LETTER_OR_DIGIT.test(word) && !hasNonAscii(word);
  return punctuationOnly ? suggestions : suggestions.filter((s) => HAS_LETTER_OR_DIGIT.test(s));
}

/** The loaded vocabulary in frequency order, with prefix search and ranks. */
export class Vocabulary {
  constructor(words) {
    this.words = words;
    this.ranks = new Map(words.map((word, i) => [word, i + 1]));
  }

  /** 1 for the most frequent word; undefined when not in the vocabulary. */
  rank(word) {
    return this.ranks.get(word);
  }

  /** Up to `max` words starting with `prefix`, an exact match first, then most frequent first. */
  prefixMatches(prefix, max = 8) {
    if (!prefix) return [];
    const out = this.ranks.has(prefix) ? [prefix] : [];
    for (const word of this.words) {
      if (out.length >= max) break;
      if (word !== prefix && word.startsWith(prefix)) out.push(word);
    }
    return out;
  }

  /** Splits words into those in the vocabulary and those not. */
  partition(words) {
    const known = [];
    const unknown = [];
    for (const word of words) (this.ranks.has(word) ? known : unknown).push(word);
    return { known, unknown };
  }
}
