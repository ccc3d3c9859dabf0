// Word vectors drawn as rows of coloured cells, one row per word, on one shared diverging
// scale so rows can be compared column by column. Hovering a row, or focusing it and pressing
// the arrow keys, reads one index out of every row.
import { divergingColor, divergingGradient } from "../ui/colors.js";
import { h } from "../ui/dom.js";
import { formatNumber, t } from "../i18n/index.js";

/** rows: [{ word, vector: Float32Array }]. Returns the element (legend, strips, readout). */
export function createStrips(rows, { compact = false } = {}) {
  const dim = rows[0]?.vector.length ?? 0;
  let max = 0;
  for (const { vector } of rows) for (const v of vector) max = Math.max(max, Math.abs(v));
  const scaleMax = Math.ceil(max * 10) / 10 || 1;

  const readout = h("div", { class: "strip-readout", "aria-live": "polite", testid: "strip-readout" });
  const cellsByRow = [];
  let cursor = -1;

  function showIndex(index) {
    if (index < 0 || index >= dim) return;
    for (const cells of cellsByRow) {
      cells[cursor]?.classList.remove("is-cursor");
      cells[index].classList.add("is-cursor");
    }
    cursor = index;
    readout.replaceChildren(
      h("strong", {}, t("strip.readout", { i: index })),
      ...rows.map(({ word, vector }) =>
        h("span", { class: "readout-item" }, h("span", { class: "w" }, word), " ", h("span", { class: "num" }, formatNumber(vector[index], 4))),
      ),
    );
    for (const strip of strips) {
      strip.setAttribute("aria-valuenow", String(index));
      const row = rows[Number(strip.dataset.row)];
      strip.setAttribute("aria-valuetext", `${t("strip.readout", { i: index })}: ${formatNumber(row.vector[index], 4)}`);
    }
  }

  const strips = rows.map(({ word, vector }, r) => {
    const cells = Array.from(vector, (value) => h("span", { class: "cell", style: { background: divergingColor(value, scaleMax) } }));
    cellsByRow.push(cells);
    const strip = h(
      "div",
      {
        class: "strip",
        tabindex: "0",
        role: "slider",
        "aria-label": t("strip.aria", { word, dim }),
        "aria-valuemin": "0",
        "aria-valuemax": String(dim - 1),
        "data-row": String(r),
        testid: "strip",
        style: { gridTemplateColumns: `repeat(${dim}, 1fr)` },
      },
      cells,
    );
    strip.addEventListener("pointermove", (event) => {
      const box = strip.getBoundingClientRect();
      showIndex(Math.min(dim - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * dim))));
    });
    strip.addEventListener("focus", () => showIndex(cursor < 0 ? 0 : cursor));
    strip.addEventListener("keydown", (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
      let next = null;
      if (event.key in moves) next = Math.min(dim - 1, Math.max(0, cursor + moves[event.key]));
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = dim - 1;
      if (next === null) return;
      event.preventDefault();
      showIndex(next);
    });
    return strip;
  });

  const legend = h(
    "div",
    { class: "strip-legend" },
    h("span", { class: "legend-title" }, t("strip.legend")),
    h("span", { class: "num" }, formatNumber(-scaleMax, 1)),
    h("span", { class: "legend-bar", style: { background: divergingGradient() }, "aria-hidden": "true" }),
    h("span", { class: "num" }, `+${formatNumber(scaleMax, 1)}`),
  );

  // Index ticks under the strips (0, 25, 50, 75, 99 for 100 numbers).
  const ticks = [0, 0.25, 0.5, 0.75].map((f) => Math.round(f * dim)).concat(dim - 1);
  const axis = h(
    "div",
    { class: "strip-row strip-axis-row", "aria-hidden": "true" },
    h("span", { class: "strip-word" }),
    h("div", { class: "strip-axis" }, ticks.map((i, k) =>
        h("span", { class: k === 0 ? "is-first" : k === ticks.length - 1 ? "is-last" : undefined, style: { left: `${((i + 0.5) / dim) * 100}%` } }, String(i)),
      ),),
  );

  return h(
    "div",
    { class: compact ? "strips strips-compact" : "strips" },
    h(
      "div",
      { class: "strip-rows" },
      rows.map(({ word }, r) => h("div", { class: "strip-row" }, h("span", { class: "strip-word", title: word }, word), strips[r])),
      axis,
    ),
    h("div", { class: "strip-foot" }, legend, readout),
    h("p", { class: "strip-help" }, t("strip.help")),
  );
}
