// Building blocks shared by the panels: the card with its result area, form fields, example
// chips, score lists and the messages for hints, notes and errors (unknown words with
// "did you mean" buttons). Results are kept as render functions so that a language switch
// re-renders them without recomputing.
import { h, uid } from "./dom.js";
import { formatInteger, formatNumber, onLangChange, t, tNodes } from "./i18n.js";
import { hasNonAscii, normalizeWord, parseWordList, usefulSuggestions } from "./words.js";

/**
 * A live result area. `run(task)` runs a query now, or once the vectors are loaded;
 * `task(vectors, notes)` returns a render function (or nothing) and may push note renderers;
 * thrown errors are shown with errorView(error, options). `show(render)` keeps the render
 * function so that a language switch re-renders the result without recomputing it.
 */
export function createResult(ctx, testid) {
  const el = h("div", { class: "result", "aria-live": "polite", testid });
  let render = null;
  const rerender = () => {
    if (render) el.replaceChildren(...[render()].flat(Infinity).filter(Boolean));
  };
  onLangChange(rerender);
  const area = {
    el,
    /** Set while a query waits for the vectors. */
    pending: false,
    show(renderFn) {
      render = renderFn;
      rerender();
    },
    run(task, options = {}) {
      if (ctx.failed) {
        area.show(() => message("error", t("load.unavailable")));
        return;
      }
      if (!ctx.vectors) {
        // The panel's start() runs it once loaded, with whatever the inputs hold then.
        area.pending = true;
        area.show(() => message("info", t("load.pending")));
        return;
      }
      area.pending = false;
      const notes = [];
      try {
        const view = task(ctx.vectors, notes);
        if (view) area.show(() => [notes.map((note) => note()), view()]);
        else area.show(() => notes.map((note) => note()));
      } catch (error) {
        if (error?.name !== "PlaygroundError") console.error(error);
        area.show(() => [notes.map((note) => note()), errorView(error, options)]);
      }
    },
  };
  return area;
}

/** A panel: <section class="card"> with title, intro, a body for the form and a result area. */
export function createCard(ctx, { id, wide = false }) {
  const title = h("h2", { id: `${id}-title`, i18n: `${id}.title`, testid: `${id}-title` });
  const intro = h("p", { class: "card-intro", i18n: `${id}.intro` });
  const body = h("div", { class: "card-body" });
  const result = createResult(ctx, `${id}-result`);
  const root = h(
    "section",
    { class: wide ? "card card-wide" : "card", id: `panel-${id}`, "aria-labelledby": title.id, testid: `panel-${id}` },
    h("header", { class: "card-head" }, title, intro),
    body,
    result.el,
  );
  let touched = false;
  root.addEventListener("input", () => (touched = true));
  return {
    root,
    body,
    result: result.el,
    show: result.show,
    run: result.run,
    /**
     * The panel's start() for when the vectors arrive: runs `fn` (its example query) unless the
     * user has started typing here meanwhile without asking for a result.
     */
    starter(fn, ...areas) {
      return () => {
        if (!touched || result.pending || areas.some((a) => a.pending)) fn();
      };
    },
  };
}

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

/** A word shown as a token. */
export function wordTag(word, className = "w") {
  return h("span", { class: className, dir: "auto" }, word);
}

/** A message block: kind is info | hint | warn | error | ok. */
export function message(kind, ...content) {
  return h("div", { class: `msg msg-${kind}`, role: kind === "error" ? "alert" : undefined, testid: `msg-${kind}` }, ...content);
}

/** "a, b, c … and 3 more" as one string. */
export function listText(words, max = 12) {
  const shown = words.slice(0, max).join(", ");
  return words.length > max ? `${shown} ${t("common.andMore", { n: formatInteger(words.length - max) })}` : shown;
}

/** Note renderer: which typed words were lower-cased (pairs of [typed, lower-cased]). */
export function loweredNote(pairs) {
  return () => {
    const shown = pairs.slice(0, 6).map(([from, to]) => `${from} → ${to}`);
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
    const suggestions = new Map(unknown.slice(0, 3).map((word) => [word, ctx.vectors.suggest(word, 5)]));
    notes.push(() => skippedView(unknown, suggestions, onReplace));
  }
  if (known.length <= max) return known;
  notes.push(() => message("info", t(capKey, { max: formatInteger(max), n: formatInteger(known.length) })));
  return known.slice(0, max);
}

/**
 * The view of an error thrown by the API (PlaygroundError) or by a bug.
 * options.onPick(word, suggestion) handles "did you mean"; options.fieldOf(word) names the field;
 * options.describe(error) may return a localized text for codes the panel knows better.
 */
export function errorView(error, { onPick, fieldOf, describe } = {}) {
  if (error?.name === "PlaygroundError") {
    if (error.code === "UNKNOWN_WORD") return unknownWordView(error.word, error.suggestions, { onPick, field: fieldOf?.(error.word) });
    const described = describe?.(error);
    if (described) return message("error", described);
    if (error.code === "BAD_ARGUMENT") return message("error", t("common.errorArgument", { message: error.message }));
  }
  return message("error", t("common.errorGeneric", { message: error?.message ?? String(error) }));
}

/**
 * A ranked list of scored words with bars. options: onPick(word) makes rows buttons;
 * highlight(word) marks rows; testid names the list.
 */
export function scoreList(items, { onPick, highlight, testid, pickLabelKey, ranks = true } = {}) {
  const max = Math.max(1, ...items.map((item) => item.score));
  return h(
    ranks ? "ol" : "ul",
    { class: ranks ? "score-list" : "score-list no-ranks", testid },
    items.map(({ word, score }, i) => {
      const content = [
        ranks ? h("span", { class: "score-rank" }, formatInteger(i + 1)) : null,
        h("span", { class: "score-word", testid: "result-word", dir: "auto" }, word),
        h("span", { class: "bar", "aria-hidden": "true" }, h("span", { class: "bar-fill", style: { width: `${(Math.max(0, score) / max) * 100}%` } })),
        h("span", { class: "score-value", testid: "result-score" }, formatNumber(score, 4)),
      ];
      const className = highlight?.(word) ? "score-row is-highlight" : "score-row";
      return h(
        "li",
        { class: className },
        onPick
          ? h("button", { type: "button", class: "score-button", title: pickLabelKey ? t(pickLabelKey, { word }) : undefined, onclick: () => onPick(word) }, content)
          : h("div", { class: "score-static" }, content),
      );
    }),
  );
}

/**
 * Reads one word from an input (trimmed, lower-cased, with a note if that changed it).
 * Returns { word }, or { hint } (a render function) when the input is empty or holds several words.
 */
export function readWord(input, notes, example) {
  const { raw, word, lowered } = normalizeWord(input.value);
  if (!word) return { hint: () => message("hint", t("common.emptyWord", { example })) };
  if (/\s/.test(word)) return { hint: () => message("hint", t("common.oneWord", { text: raw })) };
  if (lowered) notes.push(loweredNote([[raw, word]]));
  return { word };
}

/** "h3"-level heading inside a result. */
export function resultHeading(...content) {
  return h("h3", { class: "result-heading" }, ...content);
}
