// Vector strips (panel "strip"): a word's 100 numbers as a colour strip (widgets/vector-strips.js);
// several words are drawn one above the other on the same scale so they can be compared
// dimension by dimension.
import { h } from "../ui/dom.js";
import { PCA_PRESETS, SIMILARITY_EXAMPLES } from "../examples.js";
import { t } from "../i18n/index.js";
import { replaceListWord } from "../words.js";
import { createStrips } from "../widgets/vector-strips.js";
import { createCard } from "../ui/card.js";
import { exampleChips, form, readWordList, submitButton, textField } from "../ui/form.js";
import { message } from "../ui/messages.js";

const MAX_ROWS = 12;
const royalty = PCA_PRESETS.find((p) => p.id === "royalty").words;
// king, queen, man, woman; father, mother, son, daughter; then the similarity pairs.
const EXAMPLE_GROUPS = [[0, 1, 4, 5].map((i) => royalty[i]), royalty.slice(8, 12), ...SIMILARITY_EXAMPLES.slice(0, 4)];

export function createVectorStripsPanel(ctx) {
  const card = createCard(ctx, { id: "strip", wide: true });
  const { wrap, input } = textField({ labelKey: "strip.label", testid: "strip-input", value: EXAMPLE_GROUPS[0].join(", "), className: "field field-wide", placeholder: EXAMPLE_GROUPS[0].join(", ") });

  function submit() {
    card.run((vectors, notes) => {
      if (!input.value.trim()) return () => message("hint", t("common.emptyList", { example: EXAMPLE_GROUPS[0].join(", ") }));
      const words = readWordList(ctx, input.value, notes, {
        max: MAX_ROWS,
        capKey: "strip.capped",
        onReplace: (word, suggestion) => {
          input.value = replaceListWord(input.value, word, suggestion);
          submit();
        },
      });
      if (!words.length) return null;
      const rows = words.map((word) => ({ word, vector: vectors.vector(word) }));
      return () => createStrips(rows);
    });
  }

  card.body.append(
    form(submit, h("div", { class: "form-row" }, wrap, submitButton("strip.submit", "strip-submit"))),
    exampleChips(
      EXAMPLE_GROUPS.map((group) => ({
        label: group.join(", "),
        onClick: () => {
          input.value = group.join(", ");
          submit();
        },
      })),
    ),
  );
  return { id: "strip", root: card.root, start: card.starter(submit) };
}
