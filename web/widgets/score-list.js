// A ranked list of scored words, each with a bar (nearest neighbours, analogies, odd one out).
import { h } from "../ui/dom.js";
import { formatInteger, formatNumber, t } from "../i18n/index.js";

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
