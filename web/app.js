// Entry point of the page: the shared context (context.js), the panels (panels/index.js), the
// status line and the loading of the library and the default vectors. window.playground is set
// before anything is awaited:
//   await playground.ready   -> resolves once the WebAssembly core and the default vectors are
//                               loaded (then playground.vectors and playground.api are set);
//                               rejects, with the reason shown on the page, if loading fails.
//   playground.tokenizers    -> the tokenizer worker's client (load, encode, count, decode),
//                               as the tokenizer panel uses it.
//   playground.context       -> the panels' shared context: context.setVectors(vs, { name })
//                               makes another vector set active on every panel.
// The library is imported dynamically (library.js) so that a missing lib/ is reported on the
// page too. Performance marks "playground:ready" and "playground:examples-shown" (every panel
// has shown its first result) let tests and benchmarks time the page; "playground:tokens-shown"
// is set each time the tokenizer panel has drawn a text's tokens.
import { createContext } from "./context.js";
import { applyEmbedOptions, PANEL_IDS, readEmbedOptions } from "./embed.js";
import { applyTranslations, formatInteger, formatMegabytes, getLang, onLangChange, setLang, t } from "./i18n/index.js";
import { loadLibrary } from "./library.js";
import { createPanels } from "./panels/index.js";
import { createTokenizerClient } from "./tokenizer/client.js";
import { h } from "./ui/dom.js";
import { shortQuote } from "./words.js";

const DEFAULT_VECTORS_NAME = "GloVe 6B 100-d (10k)";

const playground = { ready: null, vectors: null, api: null, tokenizers: null, context: null };
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

/** Tells the visitor which parts of the address were not understood (embed.js problems). */
function setupUrlNotice(problems) {
  const notice = document.getElementById("url-notice");
  if (!problems.length) return;
  const quoted = (values) => values.map((v) => `“${shortQuote(v, 40)}”`).join(", ");
  const render = () =>
    notice.querySelector("p").replaceChildren(
      ...problems.map(({ param, values }) =>
        h("span", { class: "url-problem" }, t(`url.${param}`, { values: quoted(values), n: values.length, known: PANEL_IDS.join(", ") })),
      ),
    );
  render();
  onLangChange(render);
  notice.hidden = false;
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
    h("p", { class: "muted" }, t("load.details", { message: shortQuote(error?.message ?? String(error), 300) })),
    h("p", {}, t(fromDisk ? "load.todoFile" : "load.todo")),
    h("button", { type: "button", class: "btn btn-primary", onclick: () => location.reload() }, t("load.retry")),
  );
}

/** Imports the library, instantiates the core and loads the default vectors; failures carry their stage. */
async function loadEverything() {
  let stage = "library";
  try {
    const library = await loadLibrary();
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

/** Starts every panel, one per task, in page order: the tokenizer first (its data is fetched only now). */
function startPanels(panels) {
  const queue = [...panels];
  const next = () => {
    const panel = queue.shift();
    if (!panel) return performance.mark("playground:examples-shown");
    panel.start();
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

// Loading starts before the panels are built, so the two overlap.
const startedAt = performance.now();
status.setAttribute("aria-busy", "true");
showStatus(() => h("span", { class: "status-text" }, t("load.core")));
const loading = loadEverything();

const embedOptions = readEmbedOptions();
if (embedOptions.lang) setLang(embedOptions.lang);
setupLanguageSwitch();
setupNotice();
setupUrlNotice(embedOptions.problems);

const ctx = createContext({ tokenizers: createTokenizerClient() });
playground.tokenizers = ctx.tokenizers;
playground.context = ctx;
const panels = createPanels(ctx);
applyEmbedOptions(embedOptions);
applyTranslations(document);

// The status line and window.playground follow the active vector set.
ctx.on("vectors", ({ vectors, info, previous }) => {
  playground.vectors = vectors;
  status.classList.remove("is-error");
  status.classList.add("is-ready");
  const ms = Math.round(performance.now() - startedAt);
  showStatus(() =>
    h(
      "span",
      { class: "status-text status-ready", testid: "status-ready" },
      previous
        ? t("load.active", { name: info.name, words: formatInteger(vectors.size), dim: vectors.dim })
        : t("load.ready", { words: formatInteger(vectors.size), dim: vectors.dim, ms: formatInteger(ms) }),
    ),
  );
});
ctx.on("failed", ({ error }) => {
  console.error(error.cause ?? error);
  status.classList.add("is-error");
  showStatus(() => failureView(error.stage, error.cause ?? error));
});

loading.then(
  ({ api, vectors }) => {
    status.removeAttribute("aria-busy");
    ctx.setApi(api);
    playground.api = api;
    ctx.setVectors(vectors, { name: DEFAULT_VECTORS_NAME });
    performance.mark("playground:ready");
    resolveReady(playground);
    startPanels(panels);
  },
  (error) => {
    status.removeAttribute("aria-busy");
    ctx.fail(error);
    rejectReady(error.cause ?? error);
    // The tokenizers do not need the vectors; the other panels say they are unavailable.
    startPanels(panels);
  },
);
