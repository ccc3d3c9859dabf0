// Word lookup (panel "lookup"): an autocompleting word field; a chosen word shows its
// frequency rank, vector length, closest words (click to look one up) and its numbers as a
// colour strip (widgets/vector-strips.js). A looked-up word becomes the selected word.
import { h } from "../ui/dom.js";
import { LOOKUP_EXAMPLES } from "../examples.js";
import { formatInteger, formatNumber, t } from "../i18n/index.js";
import { attachAutocomplete } from "../widgets/autocomplete.js";
import { createStrips } from "../widgets/vector-strips.js";
import { createCard } from "../ui/card.js";
import { exampleChips, form, readWord, submitButton, textField } from "../ui/form.js";
import { resultHeading } from "../ui/messages.js";

/** GloVe's most frequent words; the set's later words are this page's added examples. */
const TOP_WORDS = 10_000;

export function createLookupPanel(ctx) {
  const card = createCard(ctx, { id: "lookup" });
  const { wrap, input } = textField({ labelKey: "lookup.label", testid: "lookup-input", value: LOOKUP_EXAMPLES[5], placeholder: LOOKUP_EXAMPLES[0] });
  attachAutocomplete(input, ctx, { onPick: () => submit() });

  const lookUp = (word) => {
    input.value = word;
    submit();
  };

  function submit() {
    card.run(
      (vectors, notes) => {
        const { word, hint } = readWord(input, notes, LOOKUP_EXAMPLES[0]);
        if (hint) return hint;
        const vector = vectors.vector(word);
        const neighbours = vectors.nearest(word, 8);
        const rank = ctx.vocab.rank(word);
        const length = Math.hypot(...vector);
        ctx.selectWord(word, { from: "lookup" });
        return () => [
          h(
            "div",
            { class: "lookup-head" },
            h("span", { class: "lookup-word", testid: "lookup-word" }, word),
            h(
              "dl",
              { class: "facts" },
              h("div", {}, h("dt", {}, t("lookup.rank")), h("dd", {}, rank <= TOP_WORDS ? t("lookup.rankValue", { rank: formatInteger(rank), n: formatInteger(ctx.vocab.words.length) }) : t("lookup.extra"))),
              h("div", {}, h("dt", {}, t("lookup.norm")), h("dd", { class: "num" }, formatNumber(length, 4))),
            ),
          ),
          resultHeading(t("lookup.neighbours")),
          h(
            "ul",
            { class: "chip-list", testid: "lookup-neighbours" },
            neighbours.map((n) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", class: "chip chip-score", title: t("neighbours.explore", { word: n.word }), onclick: () => lookUp(n.word) },
                  h("span", {}, n.word),
                  h("span", { class: "chip-num" }, formatNumber(n.score, 2)),
                ),
              ),
            ),
          ),
          resultHeading(t("lookup.vector", { dim: vector.length })),
          createStrips([{ word, vector }], { compact: true }),
        ];
      },
      { onPick: (_, suggestion) => lookUp(suggestion) },
    );
  }

  card.body.append(
    form(submit, h("div", { class: "form-row" }, wrap, submitButton("lookup.submit", "lookup-submit"))),
    exampleChips(LOOKUP_EXAMPLES.map((word) => ({ label: word, onClick: () => lookUp(word) }))),
  );
  return { id: "lookup", root: card.root, start: card.starter(submit) };
}
