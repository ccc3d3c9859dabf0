// Analogy (panel "analogy"): "a is to b as c is to ?" answered with vectors.analogy({ positive: [b, c],
// negative: [a] }) by 3CosAdd or 3CosMul; and a free expression ("king - man + woman") shown
// with how it was read (positive and negative words) and its answers.
import { h, uid } from "../ui/dom.js";
import { ANALOGY_EXAMPLES, EXPRESSION_EXAMPLES } from "../examples.js";
import { t } from "../i18n/index.js";
import { attachAutocomplete } from "../widgets/autocomplete.js";
import { normalizeWord } from "../words.js";
import { createCard, createResult } from "../ui/card.js";
import { exampleChips, form, readWord, submitButton, textField } from "../ui/form.js";
import { loweredNote, message, resultHeading } from "../ui/messages.js";
import { scoreList } from "../widgets/score-list.js";

const K = 10;

export function createAnalogyPanel(ctx) {
  const card = createCard(ctx, { id: "analogy", wide: true });
  const first = ANALOGY_EXAMPLES[0];
  const fields = ["a", "b", "c"].map((name) => {
    const field = textField({ labelKey: `analogy.${name}`, testid: `analogy-${name}`, value: first[name], placeholder: first[name] });
    field.input.setAttribute("aria-label", t(`analogy.${name}Full`));
    field.input.dataset.i18nAriaLabel = `analogy.${name}Full`;
    attachAutocomplete(field.input, ctx);
    return { name, ...field };
  });
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  const fieldFor = (word) => fields.find((f) => normalizeWord(f.input.value).word === word);

  // The method toggle serves both the analogy and the expression.
  const methodName = uid("method");
  const methods = ["add", "mul"].map((value) => {
    const id = uid("m");
    const radio = h("input", { type: "radio", name: methodName, value, id, checked: value === "add", testid: `analogy-method-${value}` });
    return { radio, label: h("label", { for: id, i18n: `analogy.${value}` }) };
  });
  const method = () => methods.find((m) => m.radio.checked).radio.value;
  const methodToggle = h(
    "fieldset",
    { class: "segmented" },
    h("legend", { i18n: "analogy.method" }),
    h("div", { class: "segmented-options" }, methods.map((m) => [m.radio, m.label])),
  );

  function solve() {
    for (const f of fields) f.input.removeAttribute("aria-invalid");
    card.run(
      (vectors, notes) => {
        const words = {};
        for (const f of fields) {
          const { word, hint } = readWord(f.input, notes, first[f.name]);
          if (hint) return () => message("hint", t("analogy.needAll"));
          words[f.name] = word;
        }
        const how = method();
        const results = vectors.analogy({ positive: [words.b, words.c], negative: [words.a], k: K, method: how });
        const example = ANALOGY_EXAMPLES.find((e) => e.a === words.a && e.b === words.b && e.c === words.c);
        return () => [
          resultHeading(t("analogy.heading", words), h("span", { class: "method-tag" }, how === "add" ? "3CosAdd" : "3CosMul")),
          example
            ? message(results[0]?.word === example.expect ? "ok" : "info", t("analogy.expected", { word: example.expect }))
            : null,
          scoreList(results, { testid: "analogy-list", highlight: (word) => word === example?.expect }),
        ];
      },
      {
        fieldOf: (word) => {
          const field = fieldFor(word);
          field?.input.setAttribute("aria-invalid", "true");
          return field ? t(`analogy.${field.name}Full`) : undefined;
        },
        onPick: (word, suggestion) => {
          const field = fieldFor(word);
          if (field) field.input.value = suggestion;
          solve();
        },
      },
    );
  }

  // Free expression.
  const expr = textField({
    labelKey: "analogy.exprLabel",
    testid: "expression-input",
    value: EXPRESSION_EXAMPLES[1],
    placeholder: EXPRESSION_EXAMPLES[0],
    className: "field field-wide",
  });
  const exprResult = createResult(ctx, "expression-result");

  function calculate() {
    exprResult.run(
      (vectors, notes) => {
        const raw = expr.input.value.trim();
        if (!raw) return () => message("hint", t("analogy.exprEmpty", { example: EXPRESSION_EXAMPLES[0] }));
        const text = raw.toLowerCase();
        if (text !== raw) notes.push(loweredNote([[raw, text]]));
        const how = method();
        const { positive, negative, results } = vectors.expression(text, { k: K, method: how });
        return () => [
          h(
            "p",
            { class: "parsed", testid: "expression-parsed" },
            h("span", { class: "parsed-label" }, `${t("analogy.parsed")}:`),
            positive.map((w) => h("span", { class: "term term-plus" }, `+ ${w}`)),
            negative.map((w) => h("span", { class: "term term-minus" }, `− ${w}`)),
            h("span", { class: "method-tag" }, how === "add" ? "3CosAdd" : "3CosMul"),
          ),
          scoreList(results, { testid: "expression-list" }),
        ];
      },
      {
        describe: describeExpressionError,
        onPick: (word, suggestion) => {
          expr.input.value = replaceTerm(expr.input.value, word, suggestion);
          calculate();
        },
      },
    );
  }

  for (const m of methods) {
    m.radio.addEventListener("change", () => {
      solve();
      calculate();
    });
  }

  const analogyColumn = h(
    "div",
    { class: "col" },
    form(
      solve,
      h(
        "div",
        { class: "analogy-row" },
        byName.a.wrap,
        h("span", { class: "analogy-sep", "aria-hidden": "true" }, ":"),
        byName.b.wrap,
        h("span", { class: "analogy-sep", "aria-hidden": "true" }, "::"),
        byName.c.wrap,
        h("span", { class: "analogy-sep analogy-q", "aria-hidden": "true" }, ": ?"),
      ),
      h("div", { class: "form-row form-row-between" }, methodToggle, submitButton("analogy.submit", "analogy-submit")),
    ),
    exampleChips(
      ANALOGY_EXAMPLES.map((e) => ({
        label: `${e.a} : ${e.b} :: ${e.c}`,
        onClick: () => {
          for (const f of fields) f.input.value = e[f.name];
          solve();
        },
      })),
    ),
    card.result,
  );
  const expressionColumn = h(
    "div",
    { class: "col col-divided" },
    h("h3", { class: "sub-title", i18n: "analogy.exprTitle" }),
    form(calculate, h("div", { class: "form-row" }, expr.wrap, submitButton("analogy.exprSubmit", "expression-submit"))),
    exampleChips(
      EXPRESSION_EXAMPLES.map((text) => ({
        label: text,
        onClick: () => {
          expr.input.value = text;
          calculate();
        },
      })),
    ),
    exprResult.el,
  );
  card.body.append(h("div", { class: "two-cols" }, analogyColumn, expressionColumn));
  return {
    id: "analogy",
    root: card.root,
    start: card.starter(() => {
      solve();
      calculate();
    }, exprResult),
  };
}

/** Replaces the term `word` (as lower-cased) in an expression, keeping the rest as typed. */
function replaceTerm(text, word, replacement) {
  return text
    .split(/(\s+|[+\-−–])/)
    .map((part) => (part.toLowerCase() === word ? replacement : part))
    .join("");
}

/** Localizes the parser's messages (src/vectors/expression.cc); unknown ones stay in English. */
function describeExpressionError(error) {
  if (error.code !== "BAD_EXPRESSION") return null;
  const m = error.message;
  const patterns = [
    [/^The expression is empty/, () => t("expr.empty")],
    [/^Two operators in a row after "(.*)";/, (w) => t("expr.twoOps", { word: w })],
    [/^Two operators in a row;/, () => t("expr.twoOpsStart")],
    [/^Missing \+ or - between "(.*)" and "(.*)"\.$/, (a, b) => t("expr.missingOp", { a, b })],
    [/^The expression has operators but no words/, () => t("expr.noWords")],
    [/^The expression ends with an operator after "(.*)";/, (w) => t("expr.trailingOp", { word: w })],
    [/^The expression needs at least one word with a \+ sign/, () => t("expr.noPositive")],
  ];
  for (const [pattern, localize] of patterns) {
    const match = m.match(pattern);
    if (match) return t("analogy.exprError", { message: localize(...match.slice(1)) });
  }
  return t("analogy.exprError", { message: m });
}
