// Entry point of the page. window.playground is set before anything is awaited:
//   await playground.ready   -> resolves once the WebAssembly core and the default vectors are
//                               loaded (then playground.vectors and playground.api are set);
//                               rejects, with the reason shown on the page, if loading fails.
//   playground.tokenizers    -> the tokenizer worker's client (load, encode, count, decode),
//                               as the tokenizer panel uses it.
// The library is imported dynamically so that a missing lib/ is reported on the page too.
// Performance marks "playground:ready" and "playground:examples-shown" (every panel has shown
// its first result) let tests and benchmarks time the page; "playground:tokens-shown" is set
// each time the tokenizer panel has drawn a text's tokens.
import { h } from "./dom.js";
import { applyTranslations, formatInteger, formatMegabytes, getLang, onLangChange, setLang, t } from "./i18n.js";
import { Vocabulary } from "./words.js";
import { createLookupPanel } from "./panels/lookup.js";
import { createNeighboursPanel } from "./panels/neighbours.js";
import { createSimilarityPanel } from "./panels/similarity.js";
import { createAnalogyPanel } from "./panels/analogy.js";
import { createOddOneOutPanel } from "./panels/odd-one-out.js";
import { createVectorStripsPanel } from "./panels/vector-strips.js";
import { createPcaPanel } from "./panels/pca.js";
import { createTokenizerClient } from "./tokenizer-client.js";
import { createTokenizerPanel } from "./panels/tokenizer.js";
import { createComparePanel } from "./panels/tokenizer-compare.js";
import { applyEmbedOptions, readEmbedOptions } from "./embed.js";

const playground = { ready: null, vectors: null, api: null, tokenizers: null };
window.playground = playground;
let resolveReady;
let rejectReady;
playground.ready = new Promise((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});
// The failure is shown on the page; this keeps it from also being an "unhandled rejection"
// when nobody awaits playground.ready. Awaiting it still rejects.
playground.ready.catch(() => {});

/** What the panels share: the vectors once loaded, and the vocabulary built from them on first use. */
let vocabulary = null;
const ctx = {
  vectors: null,
  api: null,
  failed: false,
  get vocab() {
    if (!vocabulary && ctx.vectors) vocabulary = new Vocabulary(ctx.vectors.words());
    return vocabulary;
  },
};

const status = document.getElementById("status");

function setupLanguageSwitch() {
  const buttons = document.querySelectorAll("[data-lang]");
  const sync = () => buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === getLang())));
  buttons.forEach((b) => b.addEventListener("click", () => setLang(b.dataset.lang)));
  onLangChange(sync);
  sync();
}

function setupNotice() {
  const notice = document.getElementById("vocab-notice");
  let dismissed = false;
  try {
    dismissed = localStorage.getItem("playground.noticeDismissed") === "1";
  } catch {
    // Storage blocked: show the notice; dismissing still hides it for this visit.
  }
  notice.hidden = dismissed;
  notice.querySelector("button").addEventListener("click", () => {
    notice.hidden = true;
    document.getElementById("panels").focus({ preventScroll: true });
    try {
      localStorage.setItem("playground.noticeDismissed", "1");
    } catch {
      // Not remembered.
    }
  });
}

// Status line: a render function kept so that it follows language switches.
let renderStatus = () => [];
function showStatus(render) {
  renderStatus = render;
  status.replaceChildren(...[render()].flat().filter(Boolean));
}
onLangChange(() => showStatus(renderStatus));

function progressView(received, total) {
  const known = total > 0 && received <= total;
  return [
    h("span", { class: "status-text" }, known ? t("load.progress", { received: formatMegabytes(received), total: formatMegabytes(total) }) : t("load.progressNoTotal", { received: formatMegabytes(received) })),
    h("progress", { class: "status-progress", max: known ? total : undefined, value: known ? received : undefined, "aria-hidden": "true" }),
  ];
}

function failureView(stage, error) {
  const what = { library: "load.failedLibrary", core: "load.failedCore", vectors: "load.failedVectors" }[stage];
  const fromDisk = location.protocol === "file:";
  return h(
    "div",
    { class: "load-error", role: "alert", testid: "load-error" },
    h("h2", {}, t("load.failedTitle")),
    h("p", {}, t(what)),
    h("p", { class: "muted" }, t("load.details", { message: error?.message ?? String(error) })),
    h("p", {}, t(fromDisk ? "load.todoFile" : "load.todo")),
    h("button", { type: "button", class: "btn btn-primary", onclick: () => location.reload() }, t("load.retry")),
  );
}

/** Imports the library, instantiates the core and loads the default vectors; failures carry their stage. */
async function loadEverything() {
  let stage = "library";
  try {
    const library = await import("./lib/playground.js");
    // The vectors download while the WebAssembly core compiles.
    let lastPaint = 0;
    const bytes = library.fetchVectorBytes(undefined, {
      onProgress(received, total) {
        const now = performance.now();
        if (now - lastPaint > 50 || received === total) {
          lastPaint = now;
          showStatus(() => progressView(received, total));
        }
      },
    });
    bytes.catch(() => {});  // reported below, in its stage
    stage = "core";
    const api = await library.init();
    performance.mark("playground:core-ready");
    stage = "vectors";
    const vectors = await api.loadVectors(await bytes);
    performance.mark("playground:vectors-loaded");
    return { api, vectors };
  } catch (error) {
    throw Object.assign(new Error(error?.message ?? String(error), { cause: error }), { stage });
  }
}

function onLoaded({ api, vectors }, panels, tokenizerPanel) {
  status.removeAttribute("aria-busy");
  ctx.vectors = vectors;
  ctx.api = api;
  playground.api = api;
  playground.vectors = vectors;
  const ms = Math.round(performance.now() - startedAt);
  status.classList.add("is-ready");
  showStatus(() =>
    h("span", { class: "status-text status-ready", testid: "status-ready" }, t("load.ready", { words: formatInteger(vectors.size), dim: vectors.dim, ms: formatInteger(ms) })),
  );
  performance.mark("playground:ready");
  resolveReady(playground);
  // Each panel then shows its example (or the query asked for while loading), one per task so
  // that the page stays responsive in between.
  // The tokenizer panel first: its data (0.4 MB for GPT-2) is fetched only now.
  const queue = [tokenizerPanel, ...panels];
  const next = () => {
    const panel = queue.shift();
    if (!panel) return performance.mark("playground:examples-shown");
    panel.start();
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

function onFailed(error, tokenizerPanel) {
  status.removeAttribute("aria-busy");
  ctx.failed = true;
  console.error(error.cause ?? error);
  status.classList.add("is-error");
  showStatus(() => failureView(error.stage, error.cause ?? error));
  rejectReady(error.cause ?? error);
  // Tokenizers do not need the vectors: that panel can still work.
  tokenizerPanel.start();
}

// Loading starts before the panels are built, so the two overlap.
const startedAt = performance.now();
status.setAttribute("aria-busy", "true");
showStatus(() => h("span", { class: "status-text" }, t("load.core")));
const loading = loadEverything();

setupLanguageSwitch();
setupNotice();
const tokenizers = createTokenizerClient();
playground.tokenizers = tokenizers;
const neighboursPanel = createNeighboursPanel(ctx);
const tokenizerPanel = createTokenizerPanel(ctx, {
  client: tokenizers,
  openNeighbours(word) {
    neighboursPanel.query(word);
    neighboursPanel.root.scrollIntoView({ behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth", block: "start" });
    neighboursPanel.input.focus({ preventScroll: true });
  },
});
const comparePanel = createComparePanel(ctx, { client: tokenizers, tokenizer: tokenizerPanel });
document.getElementById("tok-panels").replaceChildren(tokenizerPanel.root, comparePanel.root);
const panels = [
  createLookupPanel(ctx),
  neighboursPanel,
  createAnalogyPanel(ctx),
  createSimilarityPanel(ctx),
  createOddOneOutPanel(ctx),
  createPcaPanel(ctx),
  createVectorStripsPanel(ctx),
];
document.getElementById("panels").replaceChildren(...panels.map((p) => p.root));
const embedOptions = readEmbedOptions();
if (embedOptions.lang) setLang(embedOptions.lang);
applyEmbedOptions(embedOptions);
applyTranslations(document);
loading.then(
  (loaded) => onLoaded(loaded, panels, tokenizerPanel),
  (error) => onFailed(error, tokenizerPanel),
);
