// Messages inside results: hints, notes and errors, unknown words with "did you mean"
// buttons, and headings. User text appears as text nodes only, and long input is quoted as a
// short prefix (words.js shortQuote), so a pasted megabyte never becomes a megabyte of DOM.
import { h } from "./dom.js";
import { formatInteger, t, tNodes } from "../i18n/index.js";
import { isPlaygroundError } from "../library.js";
import { hasNonAscii, shortQuote, usefulSuggestions } from "../words.js";

/** How much of an error's message is shown (messages can quote input). */
export const MESSAGE_LENGTH = 300;

/** A word shown as a token. */
export function wordTag(word, className = "w") {
  return h("span", { class: className, dir: "auto" }, shortQuote(word));
}

/** A message block: kind is info | hint | warn | error | ok. */
export function message(kind, ...content) {
  return h("div", { class: `msg msg-${kind}`, role: kind === "error" ? "alert" : undefined, testid: `msg-${kind}` }, ...content);
}

/** "a, b, c … and 3 more" as one string. */
export function listText(words, max = 12) {
  const shown = words.slice(0, max).map((word) => shortQuote(word)).join(", ");
  return words.length > max ? `${shown} ${t("common.andMore", { n: formatInteger(words.length - max) })}` : shown;
}

/** Note renderer: which typed words were lower-cased (pairs of [typed, lower-cased]). */
export function loweredNote(pairs) {
  return () => {
    const shown = pairs.slice(0, 6).map(([from, to]) => `${shortQuote(from)} → ${shortQuote(to)}`);
    const extra = pairs.length > 6 ? ` ${t("common.andMore", { n: pairs.length - 6 })}` : "";
    return message("info", t("common.lowercased", { pairs: shown.join(", ") + extra }));
  };
}

/** Note renderer: duplicates that were removed. */
export function duplicatesNote(words) {
  return () => message("info", t("common.duplicates", { n: words.length, words: listText(words) }));
}

/**
 * "did you mean" buttons for `word`; clicking one calls onPick(word, suggestion).
 * Returns null when there is nothing useful to offer.
 */
export function suggestionButtons(word, suggestions, onPick) {
  const useful = usefulSuggestions(word, suggestions ?? []);
  if (!useful.length || !onPick) return null;
  return h(
    "div",
    { class: "suggestions" },
    h("span", { class: "suggestions-label" }, `${t("common.didYouMean")}:`),
    useful.map((s) =>
      h("button", { type: "button", class: "chip chip-suggest", testid: "suggestion", title: t("common.replaceHint", { word: s }), onclick: () => onPick(word, s) }, s),
    ),
  );
}

/** The message for a word that is not in the vocabulary, with suggestions. */
export function unknownWordView(word, suggestions, { onPick, field } = {}) {
  const buttons = suggestionButtons(word, suggestions, onPick);
  const text = field ? tNodes("common.unknownIn", { word: wordTag(word), field }) : tNodes("common.unknown", { word: wordTag(word) });
  return message(
    "warn",
    h("p", { testid: "unknown-word" }, text),
    hasNonAscii(word) ? h("p", { class: "msg-detail" }, t("common.unknownNonAscii")) : null,
    buttons ?? h("p", { class: "msg-detail" }, t("common.noSuggestion")),
  );
}

/**
 * Words of a list that were skipped because they are not in the vocabulary; the first few get
 * "did you mean" buttons (from `suggestions`, a Map word -> list) that call onPick(word, suggestion).
 */
export function skippedView(unknown, suggestions, onPick) {
  const withButtons = unknown.slice(0, 3).map((word) => {
    const buttons = suggestionButtons(word, suggestions.get(word), onPick);
    return buttons ? h("div", { class: "skipped-word" }, wordTag(word), buttons) : null;
  });
  return message(
    "warn",
    h("p", { testid: "skipped" }, t("common.skipped", { n: formatInteger(unknown.length), words: listText(unknown, 20) })),
    unknown.some(hasNonAscii) ? h("p", { class: "msg-detail" }, t("common.unknownNonAscii")) : null,
    withButtons,
  );
}

/**
 * The view of an error thrown by the API (PlaygroundError) or by a bug.
 * options.onPick(word, suggestion) handles "did you mean"; options.fieldOf(word) names the field;
 * options.describe(error) may return a localized text for codes the panel knows better.
 */
export function errorView(error, { onPick, fieldOf, describe } = {}) {
  if (isPlaygroundError(error)) {
    if (error.code === "UNKNOWN_WORD") return unknownWordView(error.word, error.suggestions, { onPick, field: fieldOf?.(error.word) });
    const described = describe?.(error);
    if (described) return message("error", described);
    if (error.code === "BAD_ARGUMENT") return message("error", t("common.errorArgument", { message: shortQuote(error.message, MESSAGE_LENGTH) }));
  }
  return message("error", t("common.errorGeneric", { message: shortQuote(error?.message ?? String(error), MESSAGE_LENGTH) }));
}

/** "h3"-level heading inside a result. */
export function resultHeading(...content) {
  return h("h3", { class: "result-heading" }, ...content);
}
