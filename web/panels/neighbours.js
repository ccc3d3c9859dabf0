// Nearest neighbours (panel "neighbours"): a word and k (5–50); the k most similar words with
// score bars. Clicking a neighbour makes it the query. A word picked elsewhere with
// ctx.selectWord(word, { focus: "neighbours" }) becomes the query, and the panel scrolls into
// view with the focus in its field.
import { h, uid } from "../ui/dom.js";
import { LOOKUP_EXAMPLES } from "../examples.js";
import { formatInteger, t } from "../i18n/index.js";
import { attachAutocomplete } from "../widgets/autocomplete.js";
import { createCard } from "../ui/card.js";
import { exampleChips, form, readWord, submitButton, textField } from "../ui/form.js";
import { message, resultHeading } from "../ui/messages.js";
import { scoreList } from "../widgets/score-list.js";

const K_MIN = 5;
const K_MAX = 50;
const K_DEFAULT = 10;

export function createNeighboursPanel(ctx) {
  const card = createCard(ctx, { id: "neighbours" });
  const { wrap, input } = textField({ labelKey: "neighbours.label", testid: "neighbours-input", value: "cat", placeholder: LOOKUP_EXAMPLES[0] });
  attachAutocomplete(input, ctx);
  const kId = uid("k");
  const kInput = h("input", { id: kId, type: "number", min: K_MIN, max: K_MAX, step: 1, value: K_DEFAULT, inputmode: "numeric", testid: "neighbours-k" });
  const kField = h("div", { class: "field field-narrow" }, h("label", { for: kId, i18n: "neighbours.k" }), kInput);

  const query = (word) => {
    input.value = word;
    submit();
  };

  function readK(notes) {
    const typed = Number.parseInt(kInput.value, 10);
    const k = Number.isFinite(typed) ? Math.min(K_MAX, Math.max(K_MIN, typed)) : K_DEFAULT;
    if (k !== typed) notes.push(() => message("info", t("neighbours.kClamped", { k })));
    return k;
  }

  function submit() {
    card.run(
      (vectors, notes) => {
        const { word, hint } = readWord(input, notes, LOOKUP_EXAMPLES[0]);
        if (hint) return hint;
        const k = readK(notes);
        const results = vectors.nearest(word, k);
        return () => [
          resultHeading(t("neighbours.heading", { k: formatInteger(k), word })),
          scoreList(results, {
            testid: "neighbours-list",
            pickLabelKey: "neighbours.explore",
            onPick: (next) => {
              query(next);
              input.focus({ preventScroll: true });
            },
          }),
        ];
      },
      { onPick: (_, suggestion) => query(suggestion) },
    );
  }

  card.body.append(
    form(submit, h("div", { class: "form-row" }, wrap, kField, submitButton("neighbours.submit", "neighbours-submit"))),
    exampleChips(LOOKUP_EXAMPLES.map((word) => ({ label: word, onClick: () => query(word) }))),
  );
  ctx.on("select-word", ({ word, focus }) => {
    if (focus !== "neighbours") return;
    query(word);
    card.root.scrollIntoView({ behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth", block: "start" });
    input.focus({ preventScroll: true });
  });
  return { id: "neighbours", root: card.root, start: card.starter(submit) };
}
