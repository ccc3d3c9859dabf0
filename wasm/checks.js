// Every argument of the public API is checked here, before anything reaches WebAssembly, so
// that a wrong call is a PlaygroundError with code BAD_ARGUMENT that says what was expected
// (never a TypeError from deep inside, never a silently different answer).
import { badArgument, describe } from "./errors.js";

/**
 * Longest text (in UTF-16 units, i.e. JS string length) that tokenizers and expressions take:
 * 16 Mi units, at most 48 MB of UTF-8. Checked before the text is encoded or copied into WASM
 * memory, which never shrinks once grown.
 */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;

/** Most suggestions suggest() gives. */
export const MAX_SUGGESTIONS = 50;

/**
 * The options object of `call` ({} if undefined). Anything but a plain object, or a key not in
 * `allowed`, is an error: a typo such as { normalise: true } must not be ignored.
 */
export function checkOptions(value, call, allowed) {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw badArgument(`The options of ${call} must be an object such as { ${allowed[0]}: … }, got ${describe(value)}.`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw badArgument(`${call} has no option ${describe(key)}; its options are ${allowed.join(", ")}.`);
    }
  }
  return value;
}

export function checkWord(word, what = "word") {
  if (typeof word !== "string") throw badArgument(`The ${what} must be a string, got ${describe(word)}.`);
  return word;
}

export function checkWords(words, what = "words") {
  if (!Array.isArray(words)) throw badArgument(`The ${what} must be an array of strings, got ${describe(words)}.`);
  words.forEach((w) => checkWord(w, `word in ${what}`));
  return words;
}

/** A string of at most MAX_TEXT_LENGTH units. */
export function checkText(text, what = "text") {
  if (typeof text !== "string") throw badArgument(`The ${what} must be a string, got ${describe(text)}.`);
  if (text.length > MAX_TEXT_LENGTH) {
    throw badArgument(`The ${what} is ${text.length.toLocaleString("en")} characters long; the limit is ${MAX_TEXT_LENGTH.toLocaleString("en")} (split it into parts).`);
  }
  return text;
}

/** An integer number of results from 1 to `max` (the core's limit). */
export function checkK(k, max) {
  if (!Number.isInteger(k) || k < 1 || k > max) {
    throw badArgument(`The number of results must be an integer from 1 to ${max}, got ${describe(k)}.`);
  }
  return k;
}

/** A non-negative integer count, capped at `max`. */
export function checkCount(count, what, max) {
  if (!Number.isInteger(count) || count < 0) {
    throw badArgument(`The ${what} must be a non-negative integer, got ${describe(count)}.`);
  }
  return Math.min(count, max);
}

/** true or false; undefined gives `fallback`. */
export function checkBoolean(value, name, fallback = false) {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw badArgument(`The option ${name} must be true or false, got ${describe(value)}.`);
  return value;
}

/** One of `choices`; undefined gives the first. */
export function checkChoice(value, name, choices) {
  if (value === undefined) return choices[0];
  if (!choices.includes(value)) {
    throw badArgument(`The option ${name} must be ${choices.map((c) => JSON.stringify(c)).join(" or ")}, got ${describe(value)}.`);
  }
  return value;
}

/** A function or undefined. */
export function checkCallback(value, name) {
  if (value !== undefined && typeof value !== "function") throw badArgument(`The option ${name} must be a function, got ${describe(value)}.`);
  return value;
}

/** Token ids (an array or typed array of integers 0..2^32-1) as a Uint32Array copy. */
export function checkIds(ids) {
  if (!(Array.isArray(ids) || (ArrayBuffer.isView(ids) && !(ids instanceof DataView)))) {
    throw badArgument(`The ids must be an array of non-negative integers, got ${describe(ids)}.`);
  }
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) {
      throw badArgument(`Token id at position ${i} is ${describe(id)}, not a non-negative integer.`);
    }
  }
  return Uint32Array.from(ids);
}

/** A vector: an array or typed array of numbers (not BigInt), as a Float32Array copy. */
export function checkVector(vector) {
  const typed = ArrayBuffer.isView(vector) && !(vector instanceof DataView);
  if (!Array.isArray(vector) && !typed) throw badArgument(`nearest() takes a word or a vector (an array of numbers), got ${describe(vector)}.`);
  if (typed ? vector instanceof BigInt64Array || vector instanceof BigUint64Array : vector.some((x) => typeof x !== "number")) {
    throw badArgument("A vector must hold numbers (not BigInt or other values).");
  }
  return Float32Array.from(vector);
}
