// The map (panel "pca"; "map" in links too): typed words and/or presets -> vectors.pca(words, 2),
// drawn by widgets/map.js, with the explained variance of PC1, PC2 and both, a legend when
// several presets are combined, label and size-limit notes, export (CSV, SVG, PNG) and a
// coordinates table.
import { download, h } from "../ui/dom.js";
import { PCA_PRESETS } from "../examples.js";
import { formatInteger, formatNumber, formatPercent, getLang, onLangChange, t } from "../i18n/index.js";
import { GROUP_COLORS, OTHER_COLOR, SINGLE_COLOR } from "../ui/colors.js";
import { createMap } from "../widgets/map.js";
import { parseWordList, replaceListWord } from "../words.js";
import { createCard } from "../ui/card.js";
import { enterSubmits, form, readWordList, submitButton, textArea } from "../ui/form.js";
import { message } from "../ui/messages.js";

const MAX_WORDS = 1000;
const INITIAL_PRESETS = ["animals", "fruit"];

const presetOf = new Map();
PCA_PRESETS.forEach((preset, i) => {
  for (const word of preset.words) if (!presetOf.has(word)) presetOf.set(word, { preset, color: GROUP_COLORS[i % GROUP_COLORS.length] });
});

export function createMapPanel(ctx) {
  const card = createCard(ctx, { id: "pca", wide: true });
  const { wrap, input } = textArea({ labelKey: "pca.label", testid: "pca-input", rows: 3, placeholder: PCA_PRESETS[0].words.slice(0, 6).join(", ") });
  input.value = PCA_PRESETS.filter((p) => INITIAL_PRESETS.includes(p.id))
    .flatMap((p) => p.words)
    .join(", ");
  enterSubmits(input);
  const normalize = h("input", { type: "checkbox", id: "pca-normalize", testid: "pca-normalize" });

  // Preset toggles: pressed while every word of the preset is in the list.
  const presetButtons = PCA_PRESETS.map((preset, i) =>
    h(
      "button",
      { type: "button", class: "chip chip-preset", "aria-pressed": "false", testid: `pca-preset-${preset.id}`, onclick: () => togglePreset(preset) },
      h("span", { class: "swatch", style: { background: GROUP_COLORS[i % GROUP_COLORS.length] }, "aria-hidden": "true" }),
      h("span", { class: "preset-label" }),
    ),
  );
  function refreshPresets() {
    const present = new Set(parseWordList(input.value).words);
    PCA_PRESETS.forEach((preset, i) => {
      presetButtons[i].setAttribute("aria-pressed", String(preset.words.every((w) => present.has(w))));
      presetButtons[i].querySelector(".preset-label").textContent = preset.label[getLang()];
    });
  }
  function togglePreset(preset) {
    const words = parseWordList(input.value).words;
    const present = new Set(words);
    if (preset.words.every((w) => present.has(w))) {
      const drop = new Set(preset.words);
      input.value = words.filter((w) => !drop.has(w)).join(", ");
    } else {
      const missing = preset.words.filter((w) => !present.has(w));
      input.value = [input.value.trim(), missing.join(", ")].filter(Boolean).join(", ");
    }
    refreshPresets();
    submit();
  }
  input.addEventListener("input", refreshPresets);

  // Persistent parts of the result (the map keeps its state across language switches).
  let labelCounts = null;
  const labelNote = h("p", { class: "map-note", testid: "pca-label-note", "aria-live": "off" });
  const updateLabelNote = () => {
    const c = labelCounts;
    labelNote.hidden = !c || c.shown >= c.visible;
    if (c) labelNote.textContent = t("pca.labels", { shown: formatInteger(c.shown), n: formatInteger(c.visible) });
  };
  const map = createMap({
    onLabels: (shown, visible) => {
      labelCounts = { shown, visible };
      updateLabelNote();
    },
  });
  const iconButton = (labelKey, text, onClick, testid) =>
    h("button", { type: "button", class: "btn btn-icon", "i18n-aria-label": labelKey, "i18n-title": labelKey, onclick: onClick, testid }, text);
  const toolbar = h(
    "div",
    { class: "map-toolbar" },
    h(
      "div",
      { class: "toolbar-group" },
      iconButton("pca.zoomIn", "+", () => map.zoomBy(1.4), "pca-zoom-in"),
      iconButton("pca.zoomOut", "−", () => map.zoomBy(1 / 1.4), "pca-zoom-out"),
      h("button", { type: "button", class: "btn btn-small", i18n: "pca.reset", onclick: () => map.reset(), testid: "pca-reset" }),
    ),
    h(
      "div",
      { class: "toolbar-group", role: "group", "i18n-aria-label": "pca.exportLabel" },
      h("span", { class: "toolbar-label", i18n: "pca.exportLabel" }),
      h("button", { type: "button", class: "btn btn-small", i18n: "pca.exportCsv", onclick: () => exportCsv(), testid: "pca-export-csv" }),
      h("button", { type: "button", class: "btn btn-small", i18n: "pca.exportSvg", onclick: () => exportSvg(), testid: "pca-export-svg" }),
      h("button", { type: "button", class: "btn btn-small", i18n: "pca.exportPng", onclick: () => exportPng(), testid: "pca-export-png" }),
    ),
  );
  let tableOpen = false;
  let current = null; // { points, explained, legend }

  function legendItems() {
    return current?.legend.map((g) => ({ label: g.preset ? g.preset.label[getLang()] : t("pca.other"), color: g.color })) ?? [];
  }

  function submit() {
    refreshPresets();
    card.run((vectors, notes) => {
      if (!input.value.trim()) return () => message("hint", t("pca.empty"));
      const words = readWordList(ctx, input.value, notes, {
        max: MAX_WORDS,
        capKey: "pca.capped",
        onReplace: (word, suggestion) => {
          input.value = replaceListWord(input.value, word, suggestion);
          submit();
        },
      });
      if (words.length < 2) return () => message("hint", t("pca.empty"));
      const { coords, explained } = vectors.pca(words, 2, { normalize: normalize.checked });

      // Colour by preset when the words span two or more groups ("other" counts as one).
      const groups = new Map();
      for (const word of words) {
        const group = presetOf.get(word);
        const key = group?.preset.id ?? "";
        if (!groups.has(key)) groups.set(key, { preset: group?.preset ?? null, color: group?.color ?? OTHER_COLOR });
      }
      const colourByGroup = groups.size >= 2;
      const legend = colourByGroup ? [...groups.values()].sort((x, y) => (x.preset ? 0 : 1) - (y.preset ? 0 : 1)) : [];
      const points = words.map((word, i) => {
        const group = presetOf.get(word);
        return {
          word,
          x: coords[i][0],
          y: coords[i][1],
          group: group?.preset.id ?? "",
          groupOf: group?.preset ?? null,
          color: colourByGroup ? (group?.color ?? OTHER_COLOR) : SINGLE_COLOR,
          priority: ctx.vocab.rank(word),
        };
      });
      current = { points, explained, legend };
      for (const p of points) p.groupLabel = colourByGroup ? (p.groupOf?.label[getLang()] ?? t("pca.other")) : "";
      map.draw(points);
      return () => resultView();
    });
  }

  function resultView() {
    const { points, explained } = current;
    for (const p of points) if (p.groupLabel) p.groupLabel = p.groupOf?.label[getLang()] ?? t("pca.other");
    map.setLabel(t("pca.mapAria", { n: formatInteger(points.length) }));
    updateLabelNote();
    const [pc1, pc2] = explained;
    return [
      h(
        "div",
        { class: "map-summary" },
        h(
          "p",
          { class: "variance", testid: "pca-variance" },
          h("span", { class: "variance-title" }, `${t("pca.variance")}:`),
          h("span", { class: "variance-item" }, "PC1", h("strong", { class: "num" }, formatPercent(pc1))),
          h("span", { class: "variance-item" }, "PC2", h("strong", { class: "num" }, formatPercent(pc2))),
          h("span", { class: "variance-item is-total" }, t("pca.total"), h("strong", { class: "num" }, formatPercent(pc1 + pc2))),
          h("span", { class: "variance-count" }, t("pca.points", { n: formatInteger(points.length) })),
        ),
        current.legend.length
          ? h(
              "ul",
              { class: "legend", testid: "pca-legend" },
              legendItems().map(({ label, color }) => h("li", {}, h("span", { class: "swatch", style: { background: color } }), label)),
            )
          : null,
      ),
      toolbar,
      map.element,
      h("p", { class: "map-help" }, t("pca.help")),
      labelNote,
      coordinatesTable(points),
    ];
  }

  // The table is built when first opened: up to 1,000 rows need not slow down every map.
  function coordinatesTable(points) {
    const scroll = h("div", { class: "table-scroll" });
    const fill = () => {
      if (scroll.firstChild) return;
      scroll.append(
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("common.word")), h("th", { scope: "col" }, "PC1"), h("th", { scope: "col" }, "PC2"))),
          h(
            "tbody",
            {},
            points.map((p) => h("tr", {}, h("th", { scope: "row" }, p.word), h("td", { class: "num" }, formatNumber(p.x, 4)), h("td", { class: "num" }, formatNumber(p.y, 4)))),
          ),
        ),
      );
    };
    const details = h("details", { class: "coords", open: tableOpen }, h("summary", {}, t("pca.table", { n: formatInteger(points.length) })), scroll);
    if (tableOpen) fill();
    details.addEventListener("toggle", () => {
      tableOpen = details.open;
      if (details.open) fill();
    });
    return details;
  }

  function exportCsv() {
    if (!current) return;
    const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const [pc1, pc2] = current.explained;
    const lines = [`# explained variance ratio: PC1 ${pc1}, PC2 ${pc2}`, "word,group,pc1,pc2"];
    for (const p of current.points) lines.push([quote(p.word), p.group, p.x, p.y].join(","));
    download(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }), "pca-map.csv");
  }
  function exportSvg() {
    if (current) download(new Blob([map.toSvgText(legendItems())], { type: "image/svg+xml" }), "pca-map.svg");
  }
  async function exportPng() {
    if (current) download(await map.toPngBlob(legendItems()), "pca-map.png");
  }

  card.body.append(
    form(
      submit,
      h("div", { class: "presets" }, h("span", { class: "examples-label", i18n: "pca.presets" }), presetButtons),
      h("div", { class: "form-row" }, wrap),
      h(
        "div",
        { class: "form-row form-row-between" },
        h("label", { class: "check", for: "pca-normalize" }, normalize, h("span", { i18n: "pca.normalize" })),
        h(
          "div",
          { class: "button-row" },
          h(
            "button",
            {
              type: "button",
              class: "btn",
              i18n: "pca.clear",
              testid: "pca-clear",
              onclick: () => {
                input.value = "";
                refreshPresets();
                input.focus();
              },
            },
          ),
          submitButton("pca.submit", "pca-submit"),
        ),
      ),
    ),
  );
  normalize.addEventListener("change", () => submit());
  refreshPresets();
  onLangChange(refreshPresets);
  return { id: "pca", root: card.root, start: card.starter(submit) };
}
