// The page's panels, section by section in page order, and the contract each panel keeps.
//
// A panel module exports one function create…Panel(ctx) that returns { id, root, start }:
//   id     the panel's name in links (?panels=…, PANEL_IDS in embed.js) and in element ids
//          (panel-<id>, data-testid panel-<id>)
//   root   its element, a <section class="card">, not yet in the document
//   start  () => void. Called once, after loading has ended (the vectors are active, or failed
//          to load: ctx.vectors / ctx.failed say which), to show the panel's first result; the
//          page calls the panels' start() one per task, in page order, so it stays responsive.
// Before start() a panel may already take input (a query asked while loading runs at start).
// After it, the panel keeps itself up to date from the context's events (context.js) — a new
// active vector set runs its query again, a word picked elsewhere, a text set by another
// panel — and tells the others through the context (ctx.selectWord, ctx.setText). Panels never
// import or call each other.
import { PANEL_IDS } from "../embed.js";
import { createTokenizerPanel } from "./tokenizer.js";
import { createComparePanel } from "./tokenizer-compare.js";
import { createLookupPanel } from "./lookup.js";
import { createNeighboursPanel } from "./neighbours.js";
import { createAnalogyPanel } from "./analogy.js";
import { createSimilarityPanel } from "./similarity.js";
import { createOddOneOutPanel } from "./odd-one-out.js";
import { createMapPanel } from "./map.js";
import { createVectorStripsPanel } from "./vector-strips.js";

/** section: the id of its <section class="page-section">; grid: the id of the element holding its cards. */
export const SECTIONS = Object.freeze([
  { section: "tokens", grid: "tok-panels", create: [createTokenizerPanel, createComparePanel] },
  {
    section: "vectors",
    grid: "panels",
    create: [createLookupPanel, createNeighboursPanel, createAnalogyPanel, createSimilarityPanel, createOddOneOutPanel, createMapPanel, createVectorStripsPanel],
  },
]);

/**
 * Creates every panel and puts each section's cards into its grid under `doc`.
 * Returns the panels in page order.
 */
export function createPanels(ctx, doc = document) {
  const panels = [];
  for (const { grid, create } of SECTIONS) {
    const made = create.map((make) => make(ctx));
    doc.getElementById(grid).replaceChildren(...made.map((panel) => panel.root));
    panels.push(...made);
  }
  const ids = panels.map((panel) => panel.id);
  if (ids.join() !== PANEL_IDS.join()) throw new Error(`The panels (${ids}) and PANEL_IDS in embed.js (${PANEL_IDS}) differ.`);
  return panels;
}
