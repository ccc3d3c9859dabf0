// PlaygroundError, the one error type of the API, and the one place where the core's result
// envelope ({ ok, value } or { ok: false, code, message, word, suggestions }, wasm/adapters.h)
// becomes a value or a thrown PlaygroundError.

/** At most this many UTF-16 units of user input are quoted in a message or an error's `word`. */
export const QUOTE_LIMIT = 64;

/** A message longer than this (only possible if the core quoted unbounded input) keeps its start and end. */
const MESSAGE_LIMIT = 1000;

/** `text` itself if short, else its first `limit` units (never half a surrogate pair) and "…". */
export function clip(text, limit = QUOTE_LIMIT) {
  if (text.length <= limit) return text;
  let end = limit;
  if ((text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return `${text.slice(0, end)}…`;
}

/** `text` with its middle left out if it is longer than `limit`. */
function shorten(text, limit) {
  if (text.length <= limit) return text;
  let from = text.length - Math.floor(limit / 4);
  if ((text.charCodeAt(from) & 0xfc00) === 0xdc00) from++;
  return clip(text, limit - Math.floor(limit / 4)) + text.slice(from);
}

/** A short description of any value for a message: strings quoted (clipped), others by kind. */
export function describe(value) {
  if (typeof value === "string") return JSON.stringify(clip(value));
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return `the BigInt ${clip(String(value))}n`;
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export class PlaygroundError extends Error {
  constructor(message, { code = "ERROR", word = "", suggestions = [] } = {}) {
    super(message);
    this.name = "PlaygroundError";
    /** Stable machine-readable reason. */
    this.code = code;
    /** For UNKNOWN_WORD: the word that was not found (a long one clipped, see clip()). */
    this.word = word;
    /** For UNKNOWN_WORD: close vocabulary words, best first. */
    this.suggestions = suggestions;
  }

  /** The error as plain data (structured-clone and JSON safe), e.g. to post from a worker. */
  toJSON() {
    return { name: this.name, message: this.message, code: this.code, word: this.word, suggestions: this.suggestions.slice() };
  }

  /** A PlaygroundError from toJSON()'s data; missing or ill-typed fields get their defaults. */
  static fromJSON(data) {
    if (data instanceof PlaygroundError) return data;
    const field = (name, type) => (data !== null && typeof data === "object" && typeof data[name] === type ? data[name] : undefined);
    const suggestions = Array.isArray(data?.suggestions) ? data.suggestions.filter((s) => typeof s === "string") : [];
    return new PlaygroundError(field("message", "string") ?? "", {
      code: field("code", "string") ?? "ERROR",
      word: field("word", "string") ?? "",
      suggestions,
    });
  }
}

/** A PlaygroundError with code BAD_ARGUMENT. */
export function badArgument(message) {
  return new PlaygroundError(message, { code: "BAD_ARGUMENT" });
}

/** The value of a core result envelope, or its error thrown as a PlaygroundError. */
export function unwrap(result) {
  if (result.ok) return result.value;
  let { message, word } = result;
  if (word.length > QUOTE_LIMIT) {
    // The core quotes the word it could not find; keep messages and fields short whatever was typed.
    message = message.split(word).join(clip(word));
    word = clip(word);
  }
  message = shorten(message, MESSAGE_LIMIT);
  throw new PlaygroundError(message, { code: result.code, word, suggestions: result.suggestions });
}
