// Tokenizers: byte-level BPE (the Embind class Tokenizer, wasm/tokenizer_handle.h) and the
// GloVe "words" tokenizer (wasm/word_tokens.h). spans() is the fast path: typed arrays from C++,
// UTF-16 offsets included; tokens() is an object per token built on it. Types and per-method
// docs: playground.d.ts.
import { checkBoolean, checkChoice, checkIds, checkOptions, checkText } from "./checks.js";
import { badArgument, PlaygroundError, unwrap } from "./errors.js";
import { release, track } from "./handles.js";
import { decodeUtf8, encodeUtf8, utf8Length } from "./utf8.js";

// Each name's asset file and the name stored inside it (gpt2 and r50k_base are one encoding).
const ASSETS = {
  gpt2: { file: "gpt2.bin", stored: "gpt2" },
  r50k_base: { file: "gpt2.bin", stored: "gpt2" },
  p50k_base: { file: "p50k_base.bin", stored: "p50k_base" },
  cl100k_base: { file: "cl100k_base.bin", stored: "cl100k_base" },
  o200k_base: { file: "o200k_base.bin", stored: "o200k_base" },
  llama3: { file: "llama3.bin", stored: "llama3" },
  words: null,
};

/** Tokenizer names accepted by loadTokenizer(), with the asset each one reads. */
export const TOKENIZERS = Object.freeze(Object.fromEntries(Object.entries(ASSETS).map(([name, asset]) => [name, asset?.file ?? null])));

/** The name stored in the asset that `name` reads (null for "words"). */
export function storedName(name) {
  return ASSETS[name]?.stored ?? null;
}

/** The URL of `name`'s asset beside the library (assets/tokenizers/). */
export function tokenizerUrl(name) {
  return new URL(`../assets/tokenizers/${ASSETS[name].file}`, import.meta.url);
}

const ENCODE_OPTIONS = ["allowedSpecial", "addBos", "addEos"];

/** [allowSpecial, addBos, addEos] for the core from encode()'s options. */
function encodeFlags(options, call) {
  const { allowedSpecial, addBos, addEos } = checkOptions(options, call, ENCODE_OPTIONS);
  return [checkChoice(allowedSpecial, "allowedSpecial", ["none", "all"]) === "all", checkBoolean(addBos, "addBos"), checkBoolean(addEos, "addEos")];
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
    track(this, handle);
  }

  #core() {
    if (!this.#handle) throw new PlaygroundError("This tokenizer was disposed.", { code: "DISPOSED" });
    return this.#handle;
  }

  encode(text, options) {
    return Array.from(this.encodeToUint32Array(text, options));
  }

  /** encode() as a Uint32Array, without the copy into a plain array (for large texts). */
  encodeToUint32Array(text, options) {
    const flags = encodeFlags(options, "encode()");
    return unwrap(this.#core().encode(encodeUtf8(checkText(text)), ...flags));
  }

  spans(text, options) {
    return this.#spans(text, options, "spans()").spans;
  }

  #spans(text, options, call) {
    const flags = encodeFlags(options, call);
    const bytes = encodeUtf8(checkText(text));
    return { bytes, spans: unwrap(this.#core().spans(bytes, ...flags)) };
  }

  tokens(text, options) {
    const { bytes, spans } = this.#spans(text, options, "tokens()");
    const { ids, starts, ends, byteStarts, byteEnds } = spans;
    const out = new Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const start = starts[i];
      const end = ends[i];
      let tokenText;
      let tokenBytes;
      if (byteStarts[i] === byteEnds[i]) {
        // BOS/EOS: no bytes of the input; its own text.
        tokenBytes = unwrap(this.#core().decodeBytes([id]));
        tokenText = decodeUtf8(tokenBytes);
      } else {
        tokenBytes = bytes.slice(byteStarts[i], byteEnds[i]);
        // Most tokens cover whole characters: their text is a slice of the input (much cheaper
        // than decoding). A token holding part of a character was widened to the whole
        // character (its slice has more bytes than the token), and a lone surrogate is U+FFFD
        // in the bytes: those are decoded.
        tokenText = text.slice(start, end);
        if (utf8Length(tokenText) !== tokenBytes.length || tokenText.isWellFormed?.() === false) tokenText = decodeUtf8(tokenBytes);
      }
      out[i] = { id, text: tokenText, bytes: tokenBytes, start, end };
    }
    return out;
  }

  decode(ids) {
    return decodeUtf8(this.decodeBytes(ids));
  }

  /** The raw bytes of the ids, possibly ending inside a UTF-8 sequence. */
  decodeBytes(ids) {
    return unwrap(this.#core().decodeBytes(checkIds(ids)));
  }

  dispose() {
    if (!this.#handle) return;
    release(this, this.#handle);
    this.#handle = null;
  }
}

/** The "words" tokenizer: text cut as GloVe's vocabulary was built, each word linked to a vector set. */
export class WordTokenizer {
  #core;
  #vectors;

  /** @internal `vectors` is a Vectors or null. */
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

  spans(text) {
    const handle = this.#vectors ? this.#vectors._handle() : this.#core.emptyVectorSet;
    const raw = unwrap(this.#core.wordTokens(handle, encodeUtf8(checkText(text))));
    return { ids: raw.ids, starts: raw.starts, ends: raw.ends, words: raw.ids.length ? raw.words.split("\n") : [] };
  }

  tokens(text) {
    const { ids, starts, ends, words } = this.spans(text);
    const out = new Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      out[i] = { id: ids[i], text: text.slice(starts[i], ends[i]), word: words[i], start: starts[i], end: ends[i], inVocabulary: ids[i] >= 0 };
    }
    return out;
  }

  /** Vector-set index of each word, -1 for a word without a vector. */
  encode(text) {
    return Array.from(this.spans(text).ids);
  }

  /** The words of the ids, joined by spaces; throws for an id outside the vector set. */
  decode(ids) {
    const checked = checkIds(ids);
    const words = this.#vectors ? this.#vectors._wordList() : [];
    const out = new Array(checked.length);
    for (let i = 0; i < checked.length; i++) {
      const id = checked[i];
      if (id >= words.length) {
        throw badArgument(words.length ? `Word id at position ${i} is ${id}; the vector set has ids 0 to ${words.length - 1}.` : "No vector set is loaded, so there are no word ids.");
      }
      out[i] = words[id];
    }
    return out.join(" ");
  }

  dispose() {}
}
