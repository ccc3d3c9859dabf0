// What the user types into the tokenizer panel, read without the DOM: escapes typed as two
// characters, and lists of token ids for the decode box.
import { formatInteger } from "../i18n/index.js";
import { shortQuote } from "../words.js";

/** Reads "\n", "\t", "\r" and "\\" typed as two characters; returns the text and how many were read. */
export function interpretEscapes(text) {
  let n = 0;
  const out = text.replace(/\\([ntr\\])/g, (_, c) => {
    n++;
    return { n: "\n", t: "\t", r: "\r", "\\": "\\" }[c];
  });
  return { text: out, n };
}

/**
 * Reads typed ids: numbers separated by commas, spaces or new lines, optionally in [ ] or ( ).
 * Returns { ids } or { error: { key, params } } naming the first bad entry and its position
 * (an i18n key of the decode box and its parameters).
 */
export function parseIds(typed, vocabSize) {
  const inner = typed.trim().replace(/^[[(]/, "").replace(/[\])]$/, "").trim();
  if (!inner) return { error: { key: "dec.empty" } };
  const parts = inner.split(/[\s,;]+/).filter(Boolean);
  const ids = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!/^\d+$/.test(part)) return { error: { key: "dec.notNumber", params: { pos: formatInteger(i + 1), value: shortQuote(part, 24) } } };
    const id = Number(part);
    if (id >= vocabSize) return { error: { key: "dec.outOfRange", params: { pos: formatInteger(i + 1), value: shortQuote(part, 24), max: formatInteger(vocabSize - 1) } } };
    ids.push(id);
  }
  return { ids };
}
