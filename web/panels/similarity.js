// Similarity (panel "similarity") of two words: their cosine to four decimals on a bar from -1 to 1, and the angle.
import { h } from "../ui/dom.js";
import { SIMILARITY_EXAMPLES } from "../examples.js";
import { formatNumber, t } from "../i18n/index.js";
import { attachAutocomplete } from "../widgets/autocomplete.js";
import { normalizeWord } from "../words.js";
import { createCard } from "../ui/card.js";
import { exampleChips, form, readWord, submitButton, textField } from "../ui/form.js";
import { resultHeading } from "../ui/messages.js";

export function createSimilarityPanel(ctx) {
  const card = createCard(ctx, { id: "similarity" });
  const [first, second] = SIMILARITY_EXAMPLES[0];
  const a = textField({ labelKey: "similarity.a", testid: "similarity-a", value: first, placeholder: first });
  const b = textField({ labelKey: "similarity.b", testid: "similarity-b", value: second, placeholder: second });
  attachAutocomplete(a.input, ctx);
  attachAutocomplete(b.input, ctx);
  const fields = [
    { input: a.input, key: "similarity.a" },
    { input: b.input, key: "similarity.b" },
  ];
  const fieldFor = (word) => fields.find((f) => normalizeWord(f.input.value).word === word);

  function submit() {
    for (const { input } of fields) input.removeAttribute("aria-invalid");
    card.run(
      (vectors, notes) => {
        const wa = readWord(a.input, notes, first);
        if (wa.hint) return wa.hint;
        const wb = readWord(b.input, notes, second);
        if (wb.hint) return wb.hint;
        const score = vectors.similarity(wa.word, wb.word);
        return () => similarityView(wa.word, wb.word, score);
      },
      {
        fieldOf: (word) => {
          const field = fieldFor(word);
          field?.input.setAttribute("aria-invalid", "true");
          return field ? t(field.key) : undefined;
        },
        onPick: (word, suggestion) => {
          const field = fieldFor(word);
          if (field) field.input.value = suggestion;
          submit();
        },
      },
    );
  }

  card.body.append(
    form(submit, h("div", { class: "form-row" }, a.wrap, b.wrap, submitButton("similarity.submit", "similarity-submit"))),
    exampleChips(
      SIMILARITY_EXAMPLES.map(([x, y]) => ({
        label: `${x} · ${y}`,
        onClick: () => {
          a.input.value = x;
          b.input.value = y;
          submit();
        },
      })),
    ),
  );
  return { id: "similarity", root: card.root, start: card.starter(submit) };
}

function similarityView(a, b, score) {
  const clamped = Math.max(-1, Math.min(1, score));
  const position = ((clamped + 1) / 2) * 100;
  const degrees = (Math.acos(clamped) * 180) / Math.PI;
  const fill = clamped >= 0 ? { left: "50%", width: `${position - 50}%` } : { left: `${position}%`, width: `${50 - position}%` };
  return [
    resultHeading(t("similarity.heading", { a, b })),
    h("p", { class: "big-number num", testid: "similarity-score" }, formatNumber(score, 4)),
    h(
      "div",
      { class: "sim-scale", role: "img", "aria-label": `${t("similarity.scale")}: ${formatNumber(score, 4)}` },
      h(
        "div",
        { class: "sim-track" },
        h("span", { class: `sim-fill ${clamped >= 0 ? "is-positive" : "is-negative"}`, style: fill }),
        h("span", { class: "sim-zero" }),
        h("span", { class: "sim-marker", style: { left: `${position}%` } }),
      ),
      h("div", { class: "sim-ticks", "aria-hidden": "true" }, h("span", {}, "−1"), h("span", {}, "0"), h("span", {}, "1")),
    ),
    h("p", { class: "muted" }, t("similarity.angle", { deg: formatNumber(degrees, 1) })),
  ];
}
