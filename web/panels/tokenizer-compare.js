// Compare (panel "cmp"): the tokenizer panel's text (ctx.text) in every byte-level BPE
// tokenizer at once — token count, characters per token and a bar each — with Turkish and
// English samples. Nothing is downloaded until the user asks for the comparison; then each
// tokenizer shows its own loading state, and later texts are compared again as the tokenizer
// panel encodes them (ctx "text" events from "tok"). A sample is handed to the tokenizer panel
// with ctx.setText.
import { h } from "../ui/dom.js";
import { formatInteger, formatMegabytes, formatNumber, onLangChange, t } from "../i18n/index.js";
import { COMPARE_SAMPLES, COMPARED } from "../tokenizer/samples.js";
import { createCard } from "../ui/card.js";

export function createComparePanel(ctx) {
  const client = ctx.tokenizers;
  const card = createCard(ctx, { id: "cmp", wide: true });
  const table = h("div", { class: "cmp-table-wrap", testid: "cmp-result", "aria-live": "polite" });
  const summary = h("p", { class: "cmp-summary", testid: "cmp-summary" });
  let active = false;
  let rows = new Map(); // name -> { state, tokens, received, total, message }
  let text = "";
  let counts = null; // { codePoints, bytes, ... } of `text`, from the first count
  let run = 0;

  const row = (name) => rows.get(name);

  function render() {
    const done = COMPARED.filter((c) => row(c.name)?.state === "done");
    const max = Math.max(1, ...done.map((c) => row(c.name).tokens));
    const min = done.length ? Math.min(...done.map((c) => row(c.name).tokens)) : 0;
    const body = COMPARED.map((choice) => {
      const r = row(choice.name) ?? { state: "idle" };
      let status = null;
      if (r.state === "download") {
        status = h("span", { class: "cmp-state" }, h("span", { class: "spinner", "aria-hidden": "true" }), r.total ? t("cmp.loading", { received: formatMegabytes(r.received), total: formatMegabytes(r.total) }) : t("cmp.loadingNoTotal"));
      } else if (r.state === "encoding" || r.state === "queued") {
        status = h("span", { class: "cmp-state" }, h("span", { class: "spinner", "aria-hidden": "true" }), t(r.state === "queued" ? "cmp.queued" : "cmp.encoding"));
      } else if (r.state === "error") status = h("span", { class: "cmp-state cmp-error" }, t("cmp.error", { message: r.message }));
      const isDone = r.state === "done";
      return h(
        "tr",
        { testid: `cmp-row-${choice.name}`, class: isDone && r.tokens === min && done.length > 1 ? "is-best" : undefined },
        h(
          "th",
          { scope: "row" },
          h("span", { class: "cmp-name-long" }, choice.label),
          h("span", { class: "cmp-name-short" }, choice.short),
          // On narrow screens the bar sits under the name instead of in its own column.
          isDone ? h("span", { class: "bar cmp-bar-inline", "aria-hidden": "true" }, h("span", { class: "bar-fill", style: { width: `${(r.tokens / max) * 100}%` } })) : null,
        ),
        h("td", { class: "num", testid: "cmp-tokens" }, isDone ? formatInteger(r.tokens) : status ?? "—"),
        h("td", { class: "num", testid: "cmp-ratio" }, isDone && r.tokens && counts ? formatNumber(counts.codePoints / r.tokens, 2) : ""),
        h(
          "td",
          { class: "cmp-bar-cell" },
          isDone ? h("span", { class: "bar", "aria-hidden": "true" }, h("span", { class: "bar-fill", style: { width: `${(r.tokens / max) * 100}%` } })) : null,
          isDone && min ? h("span", { class: "cmp-rel" }, `×${formatNumber(r.tokens / min, 2)}`) : null,
        ),
      );
    });
    table.replaceChildren(
      h(
        "table",
        { class: "cmp-table" },
        h("caption", { class: "visually-hidden" }, t("cmp.caption")),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("cmp.colTokenizer")),
            h("th", { scope: "col", class: "num" }, t("cmp.colTokens")),
            h("th", { scope: "col", class: "num" }, t("cmp.colRatio")),
            h("th", { scope: "col" }, t("cmp.colBar")),
          ),
        ),
        h("tbody", {}, body),
      ),
    );
    if (!active) summary.textContent = t("cmp.idle");
    else if (!text) summary.textContent = t("tok.empty");
    else summary.textContent = counts ? t("cmp.summary", { chars: formatInteger(counts.codePoints), bytes: formatInteger(counts.bytes) }) : "";
  }

  async function compare(nextText) {
    text = nextText;
    counts = null;
    active = true;
    const mine = ++run;
    rows = new Map(COMPARED.map((c) => [c.name, { state: text ? "queued" : "idle" }]));
    render();
    if (!text) return;
    // One at a time (the worker is one thread), smallest download first.
    for (const choice of [...COMPARED].sort((a, b) => a.size - b.size)) {
      if (mine !== run) return;
      const r = row(choice.name);
      try {
        const reply = await client.count(choice.name, text, {}, {
          onProgress: (p) => {
            if (mine !== run) return;
            Object.assign(r, p.stage === "download" ? { state: "download", received: p.received, total: p.total } : { state: "encoding" });
            render();
          },
        });
        if (!reply || mine !== run) return;
        counts ??= reply.counts;
        Object.assign(r, { state: "done", tokens: reply.tokens });
      } catch (error) {
        Object.assign(r, { state: "error", message: error.message });
      }
      render();
    }
  }

  // A sample replaces the panel's text; the comparison runs once that text is encoded.
  let sampleAsked = false;
  const sampleButton = (lang) =>
    h("button", {
      type: "button",
      class: "chip",
      testid: `cmp-sample-${lang}`,
      i18n: `cmp.sample.${lang}`,
      onclick: () => {
        sampleAsked = true;
        ctx.setText(COMPARE_SAMPLES[lang], { from: "cmp" });
      },
    });
  const compareButton = h("button", { type: "button", class: "btn btn-primary", testid: "cmp-run", i18n: "cmp.run", onclick: () => compare(ctx.text) });

  card.body.append(
    h("div", { class: "form-row" }, compareButton, h("div", { class: "examples" }, h("span", { class: "examples-label", i18n: "cmp.samples" }), sampleButton("tr"), sampleButton("en"))),
    h("p", { class: "tok-small muted", i18n: "cmp.downloadNote" }),
    summary,
    table,
  );

  // Once started, every text the tokenizer panel encodes is compared again.
  ctx.on("text", ({ text: encoded, from }) => {
    if (from !== "tok") return;
    if (sampleAsked || (active && encoded !== text)) {
      sampleAsked = false;
      compare(encoded);
    }
  });
  onLangChange(render);
  render();
  return { id: "cmp", root: card.root, start: () => {} };
}
