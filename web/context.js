// What the page's panels share, and how they hear about changes: one small context object with
// events, as the Embedding Projector's panels share one state and listen to it. Panels never
// call each other; they read the context and react to its events.
//
//   const ctx = createContext({ tokenizers });
//   ctx.tokenizers                      the tokenizer worker's client (tokenizer/client.js)
//   ctx.api, ctx.vectors, ctx.vocab     the library (after init), the active vector set and its
//                                        Vocabulary (words.js, built on first use per set); null
//                                        while loading
//   ctx.vectorsInfo                     what the page says about the active set: { name, ... }
//   ctx.failed, ctx.error               whether loading the vectors failed, and why
//   ctx.selectedWord                    the word last picked in any panel (null at first)
//   ctx.text                            the text the tokenizer panels work on ("" at first)
//
//   ctx.setApi(api)                     once the WebAssembly core is up
//   ctx.setVectors(vectors, info)       makes `vectors` the active set        -> "vectors"
//   ctx.fail(error)                     loading the vectors failed            -> "failed"
//   ctx.selectWord(word, { from, focus }) a panel picked a word                -> "select-word"
//   ctx.setText(text, { from })         a panel changed the shared text       -> "text"
//   ctx.on(event, listener)             listener(detail) after each event; returns an unsubscribe
//
// Events (listeners run synchronously, in the order they were added; one that throws is
// reported and does not stop the others):
//   "vectors"      { vectors, info, previous }  a set became active (the first load included,
//                  then previous is null); every panel that shows vector results runs its query
//                  again on the new set (ui/card.js does it for results made with card.run)
//   "failed"       { error }                    the vectors could not be loaded
//   "select-word"  { word, from, focus }        `from`: the id of the panel where it was picked;
//                  `focus`: the id of a panel asked to show the word and take the focus (the
//                  tokenizer's "open in the neighbours panel"), or undefined
//   "text"         { text, from }               the tokenizer panel sets it after each encoded
//                  text (from "tok"); another panel (a sample in the compare panel) sets it to
//                  have the tokenizer panel show and encode it
//
// Where later features slot in: a vectors chooser calls ctx.setVectors() with the new set (the
// page's status line and every panel follow); a URL state module listens to these events (and
// panels' own inputs) to write the address, and calls setVectors / selectWord when a link is
// opened.
import { Vocabulary } from "./words.js";

export const EVENTS = Object.freeze(["vectors", "failed", "select-word", "text"]);

export function createContext({ tokenizers = null } = {}) {
  const listeners = new Map(EVENTS.map((name) => [name, new Set()]));
  let api = null;
  let vectors = null;
  let vectorsInfo = null;
  let vocab = null;
  let error = null;
  let selectedWord = null;
  let text = "";

  function listenersOf(event) {
    const set = listeners.get(event);
    if (!set) throw new Error(`Unknown context event "${event}"; the events are ${EVENTS.join(", ")}.`);
    return set;
  }

  function emit(event, detail) {
    for (const listener of [...listenersOf(event)]) {
      try {
        listener(detail);
      } catch (failure) {
        // One broken listener must not keep the other panels from updating.
        if (typeof globalThis.reportError === "function") globalThis.reportError(failure);
        else console.error(failure);
      }
    }
  }

  return {
    tokenizers,
    get api() {
      return api;
    },
    get vectors() {
      return vectors;
    },
    get vectorsInfo() {
      return vectorsInfo;
    },
    /** The active set's vocabulary (frequency order, prefix search, ranks), built on first use. */
    get vocab() {
      if (!vocab && vectors) vocab = new Vocabulary(vectors.words());
      return vocab;
    },
    get failed() {
      return error !== null && vectors === null;
    },
    get error() {
      return error;
    },
    get selectedWord() {
      return selectedWord;
    },
    get text() {
      return text;
    },

    setApi(next) {
      api = next;
    },

    /** Makes `next` the active vector set; info describes it ({ name } at least). */
    setVectors(next, info = {}) {
      if (!next || typeof next.nearest !== "function") throw new TypeError("setVectors needs a Vectors object.");
      const previous = vectors;
      vectors = next;
      vectorsInfo = { name: "", ...info };
      vocab = null;
      error = null;
      emit("vectors", { vectors: next, info: vectorsInfo, previous });
    },

    /** Records that loading the vectors failed. */
    fail(reason) {
      error = reason ?? new Error("unknown failure");
      emit("failed", { error });
    },

    /** A panel picked `word`; `focus` names a panel asked to show it. */
    selectWord(word, { from, focus } = {}) {
      selectedWord = word;
      emit("select-word", { word, from, focus });
    },

    /** A panel changed the shared text (the tokenizer panel after encoding, or a sample). */
    setText(next, { from } = {}) {
      text = String(next);
      emit("text", { text, from });
    },

    on(event, listener) {
      const set = listenersOf(event);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
