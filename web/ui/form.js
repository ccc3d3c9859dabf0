// Form parts shared by the panels: the form itself, labelled fields, the submit button, example
// chips, and reading what was typed into them (one word, or a list of words checked against
// the vocabulary, with a note for each change made).
import { h, uid } from "./dom.js";
import { formatInteger, t } from "../i18n/index.js";
import { MAX_SUGGEST_LENGTH, normalizeWord, parseWordList, shortQuote } from "../words.js";
import { loweredNote, duplicatesNote, message, skippedView } from "./messages.js";

/** A form whose submit (Enter or the button) calls onSubmit without reloading the page. */
export function form(onSubmit, ...children) {
  return h(
    "form",
    {
      class: "query-form",
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        onSubmit();
      },
    },
    ...children,
  );
}

/** Makes Enter in a textarea submit its form (Shift+Enter still adds a line). */
export function enterSubmits(textarea) {
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      textarea.form?.requestSubmit();
    }
  });
}

/** A labelled text input: returns { wrap, input }. Enter submits the enclosing form. */
export function textField({ labelKey, testid, value = "", placeholder, className = "field" }) {
  const id = uid("in");
  const input = h("input", {
    id,
    type: "text",
    value,
    placeholder,
    autocomplete: "off",
    autocapitalize: "none",
    autocorrect: "off",
    spellcheck: "false",
    enterkeyhint: "go",
    testid,
  });
  const wrap = h("div", { class: className }, h("label", { for: id, i18n: labelKey }), h("div", { class: "input-wrap" }, input));
  return { wrap, input };
}

/** A labelled textarea: returns { wrap, input }. */
export function textArea({ labelKey, testid, value = "", rows = 3, placeholder }) {
  const id = uid("ta");
  const input = h("textarea", { id, rows, placeholder, autocomplete: "off", autocapitalize: "none", spellcheck: "false", testid });
  input.value = value;
  const wrap = h("div", { class: "field field-wide" }, h("label", { for: id, i18n: labelKey }), input);
  return { wrap, input };
}

/** A primary submit button with a translated label. */
export function submitButton(labelKey, testid) {
  return h("button", { type: "submit", class: "btn btn-primary", i18n: labelKey, testid });
}

/** A row of example buttons: items are { label, onClick }. */
export function exampleChips(items, testid) {
  return h(
    "div",
    { class: "examples", testid },
    h("span", { class: "examples-label", i18n: "common.examples" }),
    items.map(({ label, onClick }) => h("button", { type: "button", class: "chip", onclick: onClick }, label)),
  );
}

/**
 * Reads one word from an input (trimmed, lower-cased, with a note if that changed it).
 * Returns { word }, or { hint } (a render function) when the input is empty or holds several words.
 */
export function readWord(input, notes, example) {
  const { raw, word, lowered } = normalizeWord(input.value);
  if (!word) return { hint: () => message("hint", t("common.emptyWord", { example })) };
  if (/\s/.test(word)) return { hint: () => message("hint", t("common.oneWord", { text: shortQuote(raw) })) };
  if (lowered) notes.push(loweredNote([[raw, word]]));
  return { word };
}

/**
 * Reads a typed word list: lower-cases, removes duplicates, skips unknown words and keeps at
 * most `max`, pushing a note for each of these. onReplace(word, suggestion) serves the
 * "did you mean" buttons. Returns the words to use, in the order typed.
 */
export function readWordList(ctx, text, notes, { max = Infinity, capKey, onReplace } = {}) {
  const { words, lowered, duplicates } = parseWordList(text);
  if (lowered.length) notes.push(loweredNote(lowered));
  if (duplicates.length) notes.push(duplicatesNote(duplicates));
  const { known, unknown } = ctx.vocab.partition(words);
  if (unknown.length) {
    const suggestions = new Map(unknown.slice(0, 3).map((word) => [word, word.length > MAX_SUGGEST_LENGTH ? [] : ctx.vectors.suggest(word, 5)]));
    notes.push(() => skippedView(unknown, suggestions, onReplace));
  }
  if (known.length <= max) return known;
  notes.push(() => message("info", t(capKey, { max: formatInteger(max), n: formatInteger(known.length) })));
  return known.slice(0, max);
}
