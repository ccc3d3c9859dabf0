// A long text shown read-only and virtualised: only the rows in sight (and a few around them)
// are in the document, so a text of many megabytes costs the page a few dozen short elements
// instead of the multi-second layout Chromium's own <textarea> needs for it. Lines are cut
// into rows of at most `columns` characters (monospace, so a row is one line high) and the
// rows are found once per text (and again when the width changes).
import { h } from "../ui/dom.js";

const ROW_HEIGHT = 20; // px, the CSS line-height of .text-view-row
const OVERSCAN = 12; // rows drawn above and below the visible ones
const MIN_COLUMNS = 20;

/**
 * Row starts of `text` cut at line breaks and every `columns` characters (a row never ends
 * inside a surrogate pair). Returns a Uint32Array of UTF-16 offsets, one per row; a row ends
 * where the next starts (minus its line break).
 */
export function rowStarts(text, columns) {
  const starts = [0];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let at = lineStart;
    while (lineEnd - at > columns) {
      let cut = at + columns;
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
      starts.push(cut);
      at = cut;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
    starts.push(lineStart);
  }
  return Uint32Array.from(starts);
}

/** The view. show(text) replaces the text; el is the element to place. */
export function createTextView({ testid = "text-view", label } = {}) {
  const spacer = h("div", { class: "text-view-spacer" });
  const windowEl = h("div", { class: "text-view-window" });
  const el = h("div", { class: "text-view", tabindex: "0", role: "region", testid, "i18n-aria-label": label }, spacer, windowEl);
  let text = "";
  let starts = new Uint32Array([0]);
  let columns = 0;
  let frame = 0;

  function rowText(i) {
    const start = starts[i];
    let end = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end -= 1; // the line break itself
    return text.slice(start, end);
  }

  function measureColumns() {
    // One monospace character is about 0.6 em wide; leave room for the scrollbar.
    const width = el.clientWidth - 24;
    const charWidth = parseFloat(getComputedStyle(el).fontSize || "14") * 0.6;
    return Math.max(MIN_COLUMNS, Math.floor(width / charWidth) || 80);
  }

  function layout() {
    const next = measureColumns();
    if (next !== columns) {
      columns = next;
      starts = rowStarts(text, columns);
      spacer.style.height = `${starts.length * ROW_HEIGHT}px`;
    }
    draw();
  }

  function draw() {
    frame = 0;
    const first = Math.max(0, Math.floor(el.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil(el.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(starts.length, first + visible);
    const rows = [];
    for (let i = first; i < last; i++) rows.push(h("div", { class: "text-view-row" }, rowText(i)));
    windowEl.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    windowEl.replaceChildren(...rows);
  }

  el.addEventListener("scroll", () => (frame ||= requestAnimationFrame(draw)), { passive: true });
  if (typeof ResizeObserver === "function") new ResizeObserver(() => text && layout()).observe(el);

  return {
    el,
    show(next) {
      text = next;
      columns = 0;
      el.scrollTop = 0;
      layout();
    },
    clear() {
      text = "";
      starts = new Uint32Array([0]);
      spacer.style.height = "0";
      windowEl.replaceChildren();
    },
    /** How many rows the text has at the current width. */
    get rows() {
      return starts.length;
    },
  };
}
