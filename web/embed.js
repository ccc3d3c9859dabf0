// Options read from the page's address, so a course page can embed just what it needs:
//   index.html?embed=1&panels=tok,analogy&lang=tr
//   embed=1     only the panels: no header, footer, notices or section titles (for an <iframe>)
//   panels=…    only these panels, in the page's order: tok (tokenizer), cmp (compare), lookup,
//               neighbours, analogy, similarity, odd (odd one out), pca, strip (colour strips)
//   lang=tr|en  the interface language
export const PANEL_IDS = ["tok", "cmp", "lookup", "neighbours", "analogy", "similarity", "odd", "pca", "strip"];

/** Parses the options; unknown panel names are ignored (and reported in `unknown`). */
export function readEmbedOptions(search = globalThis.location?.search ?? "") {
  const params = new URLSearchParams(search);
  const embed = params.has("embed") && params.get("embed") !== "0";
  const requested = (params.get("panels") ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  const panels = requested.filter((p) => PANEL_IDS.includes(p));
  const unknown = requested.filter((p) => !PANEL_IDS.includes(p));
  const lang = ["tr", "en"].includes(params.get("lang")) ? params.get("lang") : null;
  return { embed, panels: panels.length ? new Set(panels) : null, unknown, lang };
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
