// Odd one out (panel "odd"): a list of words -> vectors.doesntMatch; the odd word is highlighted and every
// word's similarity to the group's mean is listed, lowest first.
import { h } from "../ui/dom.js";
import { ODD_ONE_OUT_EXAMPLES } from "../examples.js";
import { formatInteger, t, tNodes } from "../i18n/index.js";
import { replaceListWord } from "../words.js";
import { createCard } from "../ui/card.js";
import { enterSubmits, exampleChips, form, readWordList, submitButton, textArea } from "../ui/form.js";
import { message, resultHeading, wordTag } from "../ui/messages.js";
import { scoreList } from "../widgets/score-list.js";

const MAX_WORDS = 1000;
const MAX_ROWS = 30;

export function createOddOneOutPanel(ctx) {
  const card = createCard(ctx, { id: "odd" });
  const { wrap, input } = textArea({ labelKey: "odd.label", testid: "odd-input", rows: 2, placeholder: ODD_ONE_OUT_EXAMPLES[1].join(", ") });
  input.value = ODD_ONE_OUT_EXAMPLES[0].join(", ");
  enterSubmits(input);

  function submit() {
    card.run(
      (vectors, notes) => {
        if (!input.value.trim()) return () => message("hint", t("common.emptyList", { example: ODD_ONE_OUT_EXAMPLES[1].join(", ") }));
        const words = readWordList(ctx, input.value, notes, {
          max: MAX_WORDS,
          capKey: "odd.tooMany",
          onReplace: (word, suggestion) => {
            input.value = replaceListWord(input.value, word, suggestion);
            submit();
          },
        });
        if (words.length < 2) return () => message("hint", t("common.needTwo"));
        const { word: odd, scores } = vectors.doesntMatch(words);
        const sorted = [...scores].sort((x, y) => x.score - y.score);
        const shown = sorted.slice(0, MAX_ROWS);
        return () => [
          h("p", { class: "odd-answer", testid: "odd-answer" }, tNodes("odd.answer", { word: wordTag(odd, "w w-odd") })),
          resultHeading(t("odd.scoreCaption")),
          scoreList(shown, { testid: "odd-list", highlight: (word) => word === odd, ranks: false }),
          sorted.length > shown.length ? message("info", t("odd.capped", { shown: formatInteger(shown.length), n: formatInteger(sorted.length) })) : null,
        ];
      },
    );
  }

  card.body.append(
    form(submit, h("div", { class: "form-row" }, wrap, submitButton("odd.submit", "odd-submit"))),
    exampleChips(
      ODD_ONE_OUT_EXAMPLES.map((group) => ({
        label: group.join(", "),
        onClick: () => {
          input.value = group.join(", ");
          submit();
        },
      })),
    ),
  );
  return { id: "odd", root: card.root, start: card.starter(submit) };
}
