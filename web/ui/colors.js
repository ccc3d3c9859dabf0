// Colour scales. The diverging scale is ColorBrewer's RdBu (11 classes, blue for negative,
// red for positive), which ColorBrewer marks colour-blind safe; group colours are from the
// Okabe–Ito palette, chosen to stay distinguishable with the common colour-vision deficiencies.

const RDBU = ["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"].map(
  (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)),
);

/** The colour of `value` on a symmetric scale from -max (dark blue) through white to +max (dark red). */
export function divergingColor(value, max) {
  const t = Math.max(-1, Math.min(1, max > 0 ? value / max : 0));
  const position = ((t + 1) / 2) * (RDBU.length - 1);
  const i = Math.min(RDBU.length - 2, Math.floor(position));
  const f = position - i;
  const [r, g, b] = RDBU[i].map((c, k) => Math.round(c + (RDBU[i + 1][k] - c) * f));
  return `rgb(${r} ${g} ${b})`;
}

/** CSS linear-gradient of the diverging scale, for legends. */
export function divergingGradient() {
  return `linear-gradient(to right, ${RDBU.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(", ")})`;
}

/** Okabe–Ito colours for point groups (yellow left out: too light on white). */
export const GROUP_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000"];

/** Colour for points outside every group. */
export const OTHER_COLOR = "#6b7280";

/** Colour for a single group of points. */
export const SINGLE_COLOR = "#0072b2";
