// Tokenizer (panel "tok"): text -> tokens -> ids -> vectors. A textarea and a tokenizer picker;
// the tokens as coloured spans (widgets/token-view.js) with their counts and ids; a decode box;
// and, for the words tokenizer (or in a strip under any other), each word linked to its
// vector's neighbours ("open in the neighbours panel" is ctx.selectWord with focus
// "neighbours"). Encoding runs in the tokenizer worker (ctx.tokenizers, tokenizer/client.js),
// debounced, with progress; stale results are dropped. Each encoded text becomes ctx.text (the
// compare panel follows it); a text set by another panel is shown and encoded.
// A text over LARGE_TEXT characters — pasted, or from a file picked or dropped — is not put
// into the textarea (Chromium's own textarea needs seconds for a few megabytes): it is shown
// read-only in a virtualised view (widgets/text-view.js) until the user goes back to the text
// box, which still holds what it held. The text box and options are kept in sessionStorage.
import { h, uid } from "../ui/dom.js";
import { formatInteger, formatMegabytes, formatNumber, getLang, onLangChange, t } from "../i18n/index.js";
import { createTextView } from "../widgets/text-view.js";
import { createTokenView, PAGE_SIZE } from "../widgets/token-view.js";
import { interpretEscapes, parseIds } from "../tokenizer/input.js";
import { DEFAULT_TEXT, DEFAULT_TOKENIZER, TOKEN_EXAMPLES, TOKENIZER_CHOICES } from "../tokenizer/samples.js";
import { createCard } from "../ui/card.js";
import { MESSAGE_LENGTH, message, resultHeading } from "../ui/messages.js";
import { shortQuote } from "../words.js";

const DEBOUNCE_MS = 150;
const STORAGE_KEY = "playground.tokenizer";
const STRIP_WORDS = 40;
const STRIP_CHARS = 1200;
const MAX_IDS_SHOWN = PAGE_SIZE;
const NEIGHBOURS = 8;
/** Texts longer than this (UTF-16 units, about 1 MB) are shown read-only, not in the textarea. */
export const LARGE_TEXT = 1 << 20;
/** The largest text file the panel opens (the library takes texts of up to 16 Mi UTF-16 units). */
export const MAX_FILE_BYTES = 16e6;

const labelOf = (choice) => (typeof choice.label === "string" ? choice.label : choice.label[getLang()]);
const choiceOf = (name) => TOKENIZER_CHOICES.find((c) => c.name === name) ?? TOKENIZER_CHOICES[0];

/** An element showing a render function's output, re-rendered after a language switch. */
function renderedArea(el) {
  let render = () => [];
  const paint = () => el.replaceChildren(...[render()].flat(Infinity).filter(Boolean));
  onLangChange(paint);
  return (next) => {
    render = next;
    paint();
  };
}

function loadState() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") ?? {};
  } catch {
    return {};
  }
}

export function createTokenizerPanel(ctx) {
  const client = ctx.tokenizers;
  const card = createCard(ctx, { id: "tok", wide: true });
  const saved = loadState();
  const state = {
    name: TOKENIZER_CHOICES.some((c) => c.name === saved.name) ? saved.name : DEFAULT_TOKENIZER,
    showWs: !!saved.showWs,
    escapes: !!saved.escapes,
    special: !!saved.special,
    bos: !!saved.bos,
  };

  // ---- controls ----
  const selectId = uid("tok");
  const select = h(
    "select",
    { id: selectId, testid: "tok-select" },
    TOKENIZER_CHOICES.map((c) => h("option", { value: c.name }, labelOf(c))),
  );
  select.value = state.name;
  const check = (key, testid, labelKey) => {
    const input = h("input", { type: "checkbox", testid });
    input.checked = state[key];
    const label = h("label", { class: "check" }, input, h("span", { i18n: labelKey }));
    input.addEventListener("change", () => {
      state[key] = input.checked;
      saveState();
      if (key === "showWs") view.setWhitespace(input.checked);
      else schedule(0);
    });
    return { input, label };
  };
  const ws = check("showWs", "tok-ws", "tok.showWs");
  const esc = check("escapes", "tok-escapes", "tok.escapes");
  const special = check("special", "tok-special", "tok.special");
  const bos = check("bos", "tok-bos", "tok.bos");

  const textId = uid("ta");
  const textarea = h("textarea", { id: textId, rows: 5, autocomplete: "off", autocapitalize: "none", spellcheck: "false", testid: "tok-input", "i18n-placeholder": "tok.placeholder" });
  let usingDefault = typeof saved.text !== "string";
  textarea.value = usingDefault ? DEFAULT_TEXT[getLang()] : saved.text;

  // ---- a large text, shown read-only instead of the textarea ----
  let large = null; // { text, source: { kind: "file" | "paste", name?, bytes? } }
  const fileId = uid("file");
  const fileInput = h("input", { id: fileId, type: "file", class: "visually-hidden", accept: ".txt,.text,.md,.csv,.tsv,.json,.jsonl,.xml,.html,.py,.js,.c,.cc,.h,text/*", testid: "tok-file" });
  const fileButton = h("label", { for: fileId, class: "btn btn-small", i18n: "tok.openFile" });
  const textView = createTextView({ testid: "tok-large-view", label: "tok.largeAria" });
  const largeNote = h("p", { class: "tok-large-note", testid: "tok-large-note" });
  const setLargeNote = renderedArea(largeNote);
  const backButton = h("button", { type: "button", class: "btn btn-small", testid: "tok-large-back", i18n: "tok.largeBack" });
  const largeBox = h("div", { class: "tok-large", testid: "tok-large", hidden: true }, h("div", { class: "tok-large-head" }, largeNote, backButton), textView.el);
  const textField = h("div", { class: "field tok-text" }, h("div", { class: "tok-text-head" }, h("label", { for: textId, i18n: "tok.textLabel" }), fileButton, fileInput), textarea, largeBox);

  const statusLine = h("div", { class: "tok-status", role: "status", testid: "tok-status" });
  const stats = h("dl", { class: "tok-stats", testid: "tok-stats" });
  const notes = h("div", { class: "tok-notes", testid: "tok-notes" });
  const view = createTokenView({ onPick: (word) => showNeighbours(word), testid: "tok-view" });
  view.setWhitespace(state.showWs);

  const idsBox = h("div", { class: "ids-box", testid: "tok-ids", tabindex: "0", "i18n-aria-label": "tok.idsAria" });
  const copyButton = h("button", { type: "button", class: "btn btn-small", testid: "tok-copy", i18n: "tok.copy" });
  const idsNote = h("p", { class: "tok-small muted", testid: "tok-ids-note", hidden: true });
  const stripEl = h("div", { class: "word-strip", testid: "tok-strip" });
  const neighboursEl = h("div", { class: "tok-neighbours", testid: "token-neighbours", "aria-live": "polite" });

  // ---- decode ----
  const decodeId = uid("dec");
  const decodeInput = h("input", { id: decodeId, type: "text", autocomplete: "off", spellcheck: "false", testid: "decode-input", placeholder: "9703, 3797, 42143" });
  const decodeOut = h("div", { class: "decode-out", testid: "decode-result", "aria-live": "polite" });
  const showDecode = renderedArea(decodeOut);

  // ---- state ----
  let timer = 0;
  let last = null; // the shown result
  const setStatus = renderedArea(statusLine);
  const setNotes = renderedArea(notes);
  const setStrip = renderedArea(stripEl);
  const setNeighbours = renderedArea(neighboursEl);

  function saveState() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state, text: usingDefault ? undefined : textarea.value }));
    } catch {
      // Too big for the storage, or storage blocked: the textarea still holds the text.
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state }));
      } catch {
        // Nothing to do.
      }
    }
  }

  function syncControls() {
    bos.label.hidden = state.name !== "llama3";
    special.label.hidden = state.name === "words";
    card.root.classList.toggle("is-words", state.name === "words");
    // Neighbours appear next to what was clicked: the token view (words) or the strip.
    if (state.name === "words") view.el.after(neighboursEl);
    else stripEl.after(neighboursEl);
  }

  function schedule(delay = DEBOUNCE_MS) {
    clearTimeout(timer);
    timer = setTimeout(encode, delay);
  }

  const spinner = () => h("span", { class: "spinner", "aria-hidden": "true" });

  function progressStatus(p, choice) {
    if (p.stage === "download") {
      const known = p.total > 0;
      return () => [
        spinner(),
        h("span", {}, t(known ? "tok.loading" : "tok.loadingNoTotal", { name: labelOf(choice), received: formatMegabytes(p.received), total: formatMegabytes(p.total) })),
        known ? h("progress", { class: "status-progress", max: p.total, value: p.received, "aria-hidden": "true" }) : null,
      ];
    }
    return () => [spinner(), h("span", {}, t("tok.encoding"))];
  }

  function statsView(result) {
    const { counts } = result;
    const n = result.ids.length;
    const item = (key, value, testid, hintKey) =>
      h("div", { class: "stat" }, h("dt", { i18n: key }), h("dd", { class: "num", testid }, value), hintKey ? h("span", { class: "stat-hint", i18n: hintKey }) : null);
    const isWords = result.words != null;
    return [
      item(isWords ? "tok.statWords" : "tok.statTokens", formatInteger(n), "tok-count"),
      item("tok.statChars", formatInteger(counts.codePoints), "tok-chars", "tok.statCharsHint"),
      item("tok.statUnits", formatInteger(counts.units), "tok-units", "tok.statUnitsHint"),
      item("tok.statBytes", formatInteger(counts.bytes), "tok-bytes", "tok.statBytesHint"),
      item("tok.statSpaceWords", formatInteger(counts.words), "tok-words", "tok.statSpaceWordsHint"),
      item("tok.statRatio", n ? formatNumber(counts.codePoints / n, 2) : "—", "tok-ratio", "tok.statRatioHint"),
    ];
  }

  function notesFor(result, escapes, typed) {
    const out = [];
    if (escapes > 0) out.push(() => message("info", t("tok.escapesRead", { n: formatInteger(escapes) })));
    else if (!state.escapes && /\\[ntr]/.test(typed)) out.push(() => message("hint", t("tok.escapesHint")));
    for (const found of result.specialsFound) {
      out.push(() =>
        state.special
          ? message("ok", h("span", { testid: "tok-special-note" }, t("tok.specialOn", { text: found.text, id: found.id, n: formatInteger(found.count) })))
          : message("info", h("span", { testid: "tok-special-note" }, t("tok.specialOff", { text: found.text, id: found.id }))),
      );
    }
    if (result.info.bosId != null && state.bos) out.push(() => message("info", t("tok.bosAdded", { id: result.info.bosId })));
    if (result.words) {
      const missing = result.ids.reduce((n, id) => n + (id < 0 ? 1 : 0), 0);
      out.push(() => message("info", t("tok.wordsNote", { missing: formatInteger(missing), n: formatInteger(result.ids.length) })));
    }
    return () => out.map((render) => render());
  }

  function showIds(result) {
    const n = result.ids.length;
    const shown = Math.min(n, MAX_IDS_SHOWN);
    idsBox.textContent = Array.prototype.join.call(result.ids.subarray(0, shown), ", ");
    idsNote.hidden = shown === n;
    idsNote.textContent = shown < n ? t("tok.idsCapped", { shown: formatInteger(shown), n: formatInteger(n) }) : "";
  }

  copyButton.addEventListener("click", async () => {
    if (!last) return;
    const all = `[${Array.prototype.join.call(last.ids, ", ")}]`;
    try {
      await navigator.clipboard.writeText(all);
      copyButton.textContent = t("tok.copied");
    } catch {
      // Clipboard blocked (insecure context, permissions): select the shown ids instead.
      const range = document.createRange();
      range.selectNodeContents(idsBox);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      copyButton.textContent = t("tok.copySelect");
    }
    setTimeout(() => (copyButton.textContent = t("tok.copy")), 2000);
  });

  function clearResult() {
    last = null;
    view.clear();
    stats.replaceChildren();
    idsBox.textContent = "";
    idsNote.hidden = true;
    setStatus(() => []);
    setStrip(() => []);
  }

  async function encode() {
    clearTimeout(timer);
    const choice = choiceOf(state.name);
    const typed = large ? large.text : textarea.value;
    const { text, n: escapes } = state.escapes ? interpretEscapes(typed) : { text: typed, n: 0 };
    if (!text) {
      clearResult();
      setNotes(() => message("hint", t("tok.empty")));
      return;
    }
    const options = { allowedSpecial: state.special ? "all" : "none", addBos: state.name === "llama3" && state.bos };
    card.root.setAttribute("aria-busy", "true");
    const started = performance.now();
    // Show progress only if it takes a moment, so that short texts do not flicker.
    const slow = setTimeout(() => setStatus(() => [spinner(), h("span", {}, t("tok.encoding"))]), 120);
    let result;
    try {
      result = await client.encode(state.name, text, options, {
        onProgress: (p) => {
          clearTimeout(slow);
          setStatus(progressStatus(p, choice));
        },
      });
    } catch (error) {
      clearTimeout(slow);
      card.root.removeAttribute("aria-busy");
      // Nothing of another tokenizer's result stays on show next to this error.
      clearResult();
      setNotes(() => message("error", t("tok.failed", { name: labelOf(choice), message: shortQuote(error.message, MESSAGE_LENGTH) })));
      return;
    }
    clearTimeout(slow);
    if (!result) return; // a newer request replaced this one
    last = { ...result, text };
    stats.replaceChildren(...statsView(last));
    setNotes(notesFor(last, escapes, typed));
    showIds(last);
    const total = result.ids.length;
    const where = client.kind === "worker" ? "tok.inWorker" : "tok.onMainThread";
    view.show(last, {
      progress: (drawn, toDraw) => {
        if (drawn < toDraw) setStatus(() => [spinner(), h("span", {}, t("tok.rendering", { drawn: formatInteger(drawn), total: formatInteger(toDraw) }))]);
        else {
          card.root.removeAttribute("aria-busy");
          const ms = Math.round(performance.now() - started);
          setStatus(() => h("span", { class: "tok-done", testid: "tok-done" }, t("tok.done", { n: formatInteger(total), name: labelOf(choice), ms: formatInteger(ms), where: t(where) })));
          performance.mark("playground:tokens-shown");
        }
      },
    });
    ctx.setText(text, { from: "tok" });
    updateStrip(text);
  }

  // ---- tokens meet vectors ----

  // The strip cuts only the text's first STRIP_CHARS characters, so it runs here on the page's
  // own vectors (the worker would have to download them a second time).
  let wordTokenizer = null;
  async function updateStrip(text) {
    if (state.name === "words" || !ctx.vectors) {
      setStrip(() => []);
      return;
    }
    const head = text.slice(0, STRIP_CHARS);
    let tokens;
    try {
      wordTokenizer ??= await ctx.api.loadTokenizer("words", { vectors: ctx.vectors });
      tokens = wordTokenizer.tokens(head);
    } catch (error) {
      setStrip(() => message("error", t("tok.failed", { name: labelOf(choiceOf("words")), message: shortQuote(error.message, MESSAGE_LENGTH) })));
      return;
    }
    const n = Math.min(STRIP_WORDS, tokens.length);
    const items = tokens.slice(0, n).map((token) => ({ word: token.word, text: token.text, id: token.id }));
    setStrip(() => [
      resultHeading(h("span", { i18n: "tok.stripTitle" })),
      h("p", { class: "tok-small muted" }, t("tok.stripIntro")),
      h(
        "div",
        { class: "strip-words" },
        items.map((item) =>
          item.id >= 0
            ? h("button", { type: "button", class: "chip chip-word", title: t("tok.stripPick", { word: item.word, id: formatInteger(item.id) }), onclick: () => showNeighbours(item.word), testid: "strip-word" }, item.text)
            : h("span", { class: "chip chip-missing", title: t("tok.tipMissing"), testid: "strip-missing" }, item.text),
        ),
        tokens.length > n || text.length > head.length ? h("span", { class: "tok-small muted" }, t("tok.stripMore", { n: formatInteger(n) })) : null,
      ),
    ]);
  }

  let neighboursWord = null; // the word whose neighbours are on show
  function showNeighbours(word) {
    neighboursWord = word;
    if (!ctx.vectors) {
      setNeighbours(() => message("info", t(ctx.failed ? "load.unavailable" : "load.pending")));
      return;
    }
    let results;
    try {
      results = ctx.vectors.nearest(word, NEIGHBOURS);
    } catch (error) {
      setNeighbours(() => message("error", t("common.errorGeneric", { message: shortQuote(error.message, MESSAGE_LENGTH) })));
      return;
    }
    setNeighbours(() =>
      h(
        "div",
        { class: "tok-nb" },
        h(
          "div",
          { class: "tok-nb-head" },
          h("h3", { class: "result-heading" }, t("tok.nbHeading", { word })),
          h("button", { type: "button", class: "btn btn-small", testid: "tok-nb-open", onclick: () => ctx.selectWord(word, { from: "tok", focus: "neighbours" }) }, t("tok.nbOpen")),
          h("button", { type: "button", class: "btn btn-small btn-quiet", "i18n-aria-label": "tok.nbClose", onclick: closeNeighbours }, "×"),
        ),
        h(
          "ul",
          { class: "chip-list", testid: "tok-nb-list" },
          results.map((r) =>
            h(
              "li",
              {},
              h(
                "button",
                { type: "button", class: "chip chip-score", title: t("neighbours.explore", { word: r.word }), onclick: () => showNeighbours(r.word) },
                h("span", { testid: "tok-nb-word" }, r.word),
                h("span", { class: "chip-num" }, formatNumber(r.score, 2)),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function closeNeighbours() {
    neighboursWord = null;
    setNeighbours(() => []);
  }

  // ---- decode ----

  async function decode() {
    const name = state.name;
    const choice = choiceOf(name);
    showDecode(() => h("p", { class: "muted" }, t("tok.encoding")));
    let info;
    try {
      info = await client.load(name);
    } catch (error) {
      showDecode(() => message("error", t("tok.failed", { name: labelOf(choice), message: shortQuote(error.message, MESSAGE_LENGTH) })));
      return;
    }
    const { ids, error } = parseIds(decodeInput.value, info.vocabSize);
    if (error) {
      decodeInput.setAttribute("aria-invalid", "true");
      showDecode(() => message(error.key === "dec.empty" ? "hint" : "error", h("span", { testid: "decode-error" }, t(error.key, { ...error.params, name: labelOf(choice) }))));
      return;
    }
    decodeInput.removeAttribute("aria-invalid");
    try {
      const text = await client.decode(name, ids);
      showDecode(() => [
        h("p", { class: "decode-label" }, t("dec.result", { n: formatInteger(ids.length), name: labelOf(choice) })),
        h("div", { class: "decode-text", testid: "decode-text", dir: "auto" }, text),
        h("p", { class: "tok-small muted mono" }, JSON.stringify(text)),
        text.includes("\ufffd") ? message("info", t("dec.partial")) : null,
      ]);
    } catch (decodeError) {
      showDecode(() => message("error", h("span", { testid: "decode-error" }, t("dec.failed", { message: shortQuote(decodeError.message, MESSAGE_LENGTH) }))));
    }
  }

  // ---- layout ----

  const decodeForm = h(
    "form",
    {
      class: "decode-form",
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        decode();
      },
    },
    h("div", { class: "field" }, h("label", { for: decodeId, i18n: "dec.label" }), decodeInput),
    h("button", { type: "submit", class: "btn", i18n: "dec.submit", testid: "decode-submit" }),
  );

  const chips = h(
    "div",
    { class: "examples", testid: "tok-examples" },
    h("span", { class: "examples-label", i18n: "common.examples" }),
    h("button", { type: "button", class: "chip", i18n: "tok.sampleDefault", onclick: () => setText(DEFAULT_TEXT[getLang()], true) }),
    TOKEN_EXAMPLES.map((ex) => h("button", { type: "button", class: "chip", i18n: ex.label ? undefined : `tok.sample.${ex.id}`, onclick: () => setText(ex.text) }, ex.label)),
  );

  card.body.append(
    h(
      "div",
      { class: "tok-controls" },
      h("div", { class: "field tok-picker" }, h("label", { for: selectId, i18n: "tok.picker" }), select),
      h("div", { class: "tok-options" }, ws.label, esc.label, special.label, bos.label),
    ),
    textField,
    chips,
    statusLine,
    stats,
    notes,
    view.el,
    h("div", { class: "ids-head" }, resultHeading(h("span", { i18n: "tok.idsTitle" })), copyButton),
    idsBox,
    idsNote,
    stripEl,
    h("div", { class: "decode" }, resultHeading(h("span", { i18n: "dec.title" })), h("p", { class: "tok-small muted", i18n: "dec.intro" }), decodeForm, decodeOut),
  );

  function setText(text, isDefault = false) {
    if (text.length > LARGE_TEXT) {
      openLarge(text, { kind: "paste" });
      return;
    }
    closeLarge({ encode: false });
    textarea.value = text;
    usingDefault = isDefault;
    saveState();
    encode();
  }

  function openLarge(text, source) {
    large = { text, source };
    textarea.hidden = true;
    largeBox.hidden = false;
    const params = { name: source.name ?? "", chars: formatInteger(text.length), size: formatMegabytes(source.bytes ?? 0) };
    setLargeNote(() => t(source.kind === "file" ? "tok.largeFile" : "tok.largePaste", params));
    textView.show(text);
    encode();
  }

  function closeLarge({ encode: again = true } = {}) {
    if (!large) return;
    large = null;
    largeBox.hidden = true;
    textarea.hidden = false;
    textView.clear();
    if (again) {
      encode();
      textarea.focus();
    }
  }
  backButton.addEventListener("click", () => closeLarge());

  async function openFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      setNotes(() => message("error", t("tok.fileTooLarge", { name: shortQuote(file.name), size: formatMegabytes(file.size), max: formatMegabytes(MAX_FILE_BYTES) })));
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      setNotes(() => message("error", t("tok.fileFailed", { name: shortQuote(file.name), message: shortQuote(error?.message ?? String(error), MESSAGE_LENGTH) })));
      return;
    }
    if (text.length > LARGE_TEXT) openLarge(text, { kind: "file", name: shortQuote(file.name), bytes: file.size });
    else setText(text);
  }
  fileInput.addEventListener("change", () => {
    const [file] = fileInput.files;
    fileInput.value = "";
    if (file) openFile(file);
  });
  // A pasted megabyte never reaches the textarea.
  textarea.addEventListener("paste", (event) => {
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    if (pasted.length <= LARGE_TEXT) return;
    event.preventDefault();
    openLarge(pasted, { kind: "paste" });
  });
  // A file (or a large text) dropped on the text box opens like a picked one.
  textField.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  textField.addEventListener("drop", (event) => {
    const file = event.dataTransfer?.files?.[0];
    if (file) {
      event.preventDefault();
      openFile(file);
      return;
    }
    const dropped = event.dataTransfer?.getData("text/plain") ?? "";
    if (dropped.length > LARGE_TEXT) {
      event.preventDefault();
      openLarge(dropped, { kind: "paste" });
    }
  });

  textarea.addEventListener("input", () => {
    usingDefault = false;
    schedule();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveState, 400);
  });
  let saveTimer = 0;
  // Leaving or reloading the page within the save delay keeps the latest text too.
  addEventListener("pagehide", saveState);
  select.addEventListener("change", () => {
    state.name = select.value;
    saveState();
    syncControls();
    closeNeighbours();
    showDecode(() => []);
    encode();
  });
  onLangChange((lang) => {
    for (const option of select.options) option.textContent = labelOf(choiceOf(option.value));
    if (usingDefault && !large) {
      textarea.value = DEFAULT_TEXT[lang];
      encode();
    }
    if (last) {
      stats.replaceChildren(...statsView(last));
      showIds(last);
    }
  });
  syncControls();

  // A text set by another panel (a compare sample) is shown and encoded here.
  ctx.on("text", ({ text, from }) => {
    if (from !== "tok") setText(text);
  });
  // Another vector set: the strip and the open neighbours follow it.
  ctx.on("vectors", ({ previous }) => {
    if (!previous) return;
    wordTokenizer = null;
    if (last) updateStrip(last.text);
    if (neighboursWord) showNeighbours(neighboursWord);
  });

  return {
    id: "tok",
    root: card.root,
    /** Encodes the text now (at start-up: without waiting for the vectors). */
    start: () => {
      encode();
    },
  };
}
