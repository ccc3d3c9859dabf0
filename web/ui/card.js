// A panel's frame: the card (<section> with title, intro, body and result area) and the live
// result area itself. Results are kept as render functions, so a language switch re-renders
// them without recomputing, and the last query is kept, so a new active vector set (the
// context's "vectors" event) runs it again on the new set.
import { h } from "./dom.js";
import { onLangChange, t } from "../i18n/index.js";
import { isPlaygroundError } from "../library.js";
import { errorView, message } from "./messages.js";

/**
 * A live result area. `run(task)` runs a query now, or once the vectors are loaded;
 * `task(vectors, notes)` returns a render function (or nothing) and may push note renderers;
 * thrown errors are shown with errorView(error, options). `show(render)` keeps the render
 * function so that a language switch re-renders the result without recomputing it. The last
 * task is kept: when another vector set becomes active (ctx "vectors"), it runs again on it,
 * and a query still waiting when loading fails (ctx "failed") says so.
 */
export function createResult(ctx, testid) {
  const el = h("div", { class: "result", "aria-live": "polite", testid });
  let render = null;
  let last = null; // { task, options } of the last run
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
      last = { task, options };
      if (ctx.failed) {
        area.pending = false;
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
        if (!isPlaygroundError(error)) console.error(error);
        area.show(() => [notes.map((note) => note()), errorView(error, options)]);
      }
    },
  };
  ctx.on("vectors", ({ previous }) => {
    // The first set is shown by the panel's start(); a later one replaces what is on show.
    if (previous && last && !area.pending) area.run(last.task, last.options);
  });
  ctx.on("failed", () => {
    if (area.pending) area.run(last.task, last.options);
  });
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
