// Options read from the page's address, so a course page can embed just what it needs:
//   index.html?embed=1&panels=tok,analogy&lang=tr
//   embed=1     only the panels: no header, footer, notices or section titles (for an <iframe>);
//               also true, yes, on; 0, false, no, off or an empty value leave it off
//   panels=…    only these panels, in the page's order: tok (tokenizer), cmp (compare), lookup,
//               neighbours, analogy, similarity, odd (odd one out), pca (the map), strip (colour
//               strips); any case, and the longer names in PANEL_ALIASES work too
//   lang=tr|en  the interface language (any case)
// What is not understood is collected in `problems`, for the page to tell the visitor.
// Pure: no DOM access except in applyEmbedOptions().

export const PANEL_IDS = Object.freeze(["tok", "cmp", "lookup", "neighbours", "analogy", "similarity", "odd", "pca", "strip"]);

/** Other names a link may use for a panel (lower case). */
export const PANEL_ALIASES = Object.freeze({
  tokenizer: "tok",
  tokens: "tok",
  compare: "cmp",
  neighbors: "neighbours",
  nearest: "neighbours",
  "odd-one-out": "odd",
  map: "pca",
  strips: "strip",
});

const ON = ["1", "true", "yes", "on"];
const OFF = ["", "0", "false", "no", "off"];
const LANGS = ["tr", "en"];

/**
 * Parses the options. Returns { embed, panels (a Set of ids, or null for all), lang (or null),
 * problems: [{ param, values }] } where `values` are what was given but not understood.
 */
export function readEmbedOptions(search = globalThis.location?.search ?? "") {
  const params = new URLSearchParams(search);
  const problems = [];

  const embedValue = (params.get("embed") ?? "").trim().toLowerCase();
  const embed = ON.includes(embedValue);
  if (!embed && !OFF.includes(embedValue)) problems.push({ param: "embed", values: [params.get("embed")] });

  let panels = null;
  if (params.has("panels")) {
    const requested = params.getAll("panels").flatMap((p) => p.split(",")).map((p) => p.trim()).filter(Boolean);
    const known = new Set();
    const unknown = [];
    for (const name of requested) {
      const lower = name.toLowerCase();
      const id = PANEL_IDS.includes(lower) ? lower : PANEL_ALIASES[lower];
      if (id) known.add(id);
      else if (!unknown.includes(name)) unknown.push(name);
    }
    if (unknown.length) problems.push({ param: "panels", values: unknown });
    // In the page's order; with none understood, every panel is shown (and the problem said).
    if (known.size) panels = new Set(PANEL_IDS.filter((id) => known.has(id)));
  }

  const langValue = params.get("lang");
  const lang = LANGS.includes(langValue?.trim().toLowerCase()) ? langValue.trim().toLowerCase() : null;
  if (langValue !== null && !lang) problems.push({ param: "lang", values: [langValue] });

  return { embed, panels, lang, problems };
}

/** Hides what the options leave out; call once the panels are in the document. */
export function applyEmbedOptions({ embed, panels }, doc = document) {
  doc.documentElement.classList.toggle("embedded", embed);
  if (!panels) return;
  for (const id of PANEL_IDS) {
    const panel = doc.getElementById(`panel-${id}`);
    if (panel) panel.hidden = !panels.has(id);
  }
  // A section with none of its panels shown disappears too.
  for (const section of doc.querySelectorAll("section.page-section")) {
    section.hidden = !section.querySelector('[id^="panel-"]:not([hidden])');
  }
}
