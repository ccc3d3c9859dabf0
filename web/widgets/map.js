// The 2D scatter map of the map panel (panels/map.js), in SVG: equal scales on both axes (distances on the
// map mean the same in every direction), a light grid, labels placed greedily so they do not
// overlap (frequent words first; the rest appear as you zoom in), a tooltip, zoom (wheel,
// buttons, pinch, + and -) and pan (drag, arrow keys), and export as SVG or PNG.
import { h, svg } from "../ui/dom.js";
import { formatNumber, t } from "../i18n/index.js";

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 60;
const PAN_STEP = 40;

// Label widths, measured once per word on a canvas with the labels' font.
let measureContext = null;
const widthCache = new Map();
function textWidth(text) {
  let width = widthCache.get(text);
  if (width === undefined) {
    if (!measureContext) {
      measureContext = document.createElement("canvas").getContext("2d");
      measureContext.font = FONT;
    }
    width = measureContext.measureText(text).width;
    widthCache.set(text, width);
  }
  return width;
}

/** A step of 1, 2 or 5 × 10^n giving about `count` ticks over `span`. */
function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/**
 * Creates the map. Call draw(points) with [{ word, x, y, color, groupLabel, priority }]
 * (lower priority is labelled first). onLabels(shown, total) reports how many labels fit.
 */
export function createMap({ onLabels } = {}) {
  const gridLayer = svg("g", { class: "map-grid" });
  const pointLayer = svg("g", { class: "map-points" });
  const labelLayer = svg("g", { class: "map-labels" });
  const axisLayer = svg("g", { class: "map-axis-titles" });
  const root = svg(
    "svg",
    { class: "map", tabindex: "0", role: "img", testid: "pca-map", xmlns: "http://www.w3.org/2000/svg" },
    gridLayer,
    pointLayer,
    labelLayer,
    axisLayer,
  );
  const tooltip = h("div", { class: "map-tooltip", hidden: true, testid: "pca-tooltip" });
  const wheelHint = h("div", { class: "map-hint", hidden: true, i18n: "pca.wheelHint", "aria-hidden": "true" });
  const element = h("div", { class: "map-wrap" }, root, tooltip, wheelHint);

  let points = [];
  let circles = [];
  let labels = [];
  let widths = [];
  let width = 600;
  let height = 380;
  let base = { scale: 1, cx: 0, cy: 0 };
  let view = { zoom: 1, panX: 0, panY: 0 };
  let frame = 0;
  let hovered = -1;

  const toScreenX = (x) => width / 2 + view.panX + (x - base.cx) * base.scale * view.zoom;
  const toScreenY = (y) => height / 2 + view.panY - (y - base.cy) * base.scale * view.zoom;
  const toDataX = (sx) => base.cx + (sx - width / 2 - view.panX) / (base.scale * view.zoom);
  const toDataY = (sy) => base.cy - (sy - height / 2 - view.panY) / (base.scale * view.zoom);

  // Data bounds and the margins kept for labels, shared by fit() and the height choice.
  function extent() {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of points) {
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
    const padX = 24 + Math.min(width * 0.1, 90, Math.max(...widths.slice(0, 200), 0) / 2);
    return { x0, x1, y0, y1, padX, padY: 30 };
  }

  function fit() {
    if (!points.length) return;
    const { x0, x1, y0, y1, padX, padY } = extent();
    const sx = x1 > x0 ? (width - 2 * padX) / (x1 - x0) : Infinity;
    const sy = y1 > y0 ? (height - 2 * padY) / (y1 - y0) : Infinity;
    const scale = Math.min(sx, sy);
    base = { scale: Number.isFinite(scale) && scale > 0 ? scale : 1, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
  }

  // As tall as the data's shape needs at this width (equal scales), within 260–560 px.
  function heightFor(w) {
    const limit = Math.round(Math.min(560, Math.max(260, w * 0.75)));
    if (!points.length) return limit;
    const { x0, x1, y0, y1, padX, padY } = extent();
    if (!(x1 > x0)) return limit;
    return Math.round(Math.min(limit, Math.max(260, ((w - 2 * padX) * (y1 - y0)) / (x1 - x0) + 2 * padY)));
  }

  function drawGrid() {
    const [xa, xb, ya, yb] = [toDataX(0), toDataX(width), toDataY(height), toDataY(0)];
    const step = niceStep(Math.max(xb - xa, yb - ya), width < 500 ? 4 : 7);
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    const lines = [];
    for (let x = Math.ceil(xa / step) * step; x <= xb; x += step) {
      const sx = toScreenX(x);
      const zero = Math.abs(x) < step / 2;
      lines.push(svg("line", { x1: sx, x2: sx, y1: 0, y2: height, class: zero ? "grid-zero" : "grid-line" }));
      lines.push(svg("text", { x: sx + 3, y: height - 5, class: "grid-tick" }, formatNumber(zero ? 0 : x, decimals)));
    }
    for (let y = Math.ceil(ya / step) * step; y <= yb; y += step) {
      const sy = toScreenY(y);
      const zero = Math.abs(y) < step / 2;
      lines.push(svg("line", { x1: 0, x2: width, y1: sy, y2: sy, class: zero ? "grid-zero" : "grid-line" }));
      lines.push(svg("text", { x: 4, y: sy - 3, class: "grid-tick" }, formatNumber(zero ? 0 : y, decimals)));
    }
    gridLayer.replaceChildren(...lines);
    axisLayer.replaceChildren(
      svg("text", { x: width - 8, y: height - 20, class: "axis-title", "text-anchor": "end" }, "PC1 →"),
      svg("text", { x: 30, y: 16, class: "axis-title" }, "↑ PC2"),
    );
  }

  // Greedy label placement: frequent words first, eight candidate spots around each point,
  // skipping any spot that overlaps a placed label or another point (spatial hash of 48 px cells).
  function placeLabels(screen) {
    const cell = 48;
    const grid = new Map();
    const key = (cx, cy) => `${cx},${cy}`;
    const cellsOf = (r) => {
      const out = [];
      for (let cx = Math.floor(r.x0 / cell); cx <= Math.floor(r.x1 / cell); cx++) {
        for (let cy = Math.floor(r.y0 / cell); cy <= Math.floor(r.y1 / cell); cy++) out.push(key(cx, cy));
      }
      return out;
    };
    const insert = (r) => {
      for (const k of cellsOf(r)) (grid.get(k) ?? grid.set(k, []).get(k)).push(r);
    };
    const collides = (r) =>
      cellsOf(r).some((k) => (grid.get(k) ?? []).some((o) => o.owner !== r.owner && r.x0 < o.x1 && r.x1 > o.x0 && r.y0 < o.y1 && r.y1 > o.y0));
    const inside = (r) => r.x0 >= 0 && r.x1 <= width && r.y0 >= 0 && r.y1 <= height;

    const visible = [];
    screen.forEach(([sx, sy], i) => {
      if (sx < -10 || sx > width + 10 || sy < -10 || sy > height + 10) return;
      visible.push(i);
      insert({ x0: sx - 4, x1: sx + 4, y0: sy - 4, y1: sy + 4, owner: i });
    });
    visible.sort((a, b) => points[a].priority - points[b].priority);
    let shown = 0;
    const placed = new Array(points.length).fill(null);
    for (const i of visible) {
      const [sx, sy] = screen[i];
      const w = widths[i];
      const candidates = [
        { x: sx + 7, y: sy + 4, anchor: "start", r: { x0: sx + 6, x1: sx + 8 + w, y0: sy - 7, y1: sy + 6 } },
        { x: sx - 7, y: sy + 4, anchor: "end", r: { x0: sx - 8 - w, x1: sx - 6, y0: sy - 7, y1: sy + 6 } },
        { x: sx, y: sy - 8, anchor: "middle", r: { x0: sx - w / 2 - 1, x1: sx + w / 2 + 1, y0: sy - 20, y1: sy - 6 } },
        { x: sx, y: sy + 17, anchor: "middle", r: { x0: sx - w / 2 - 1, x1: sx + w / 2 + 1, y0: sy + 5, y1: sy + 19 } },
        { x: sx + 5, y: sy - 6, anchor: "start", r: { x0: sx + 4, x1: sx + 6 + w, y0: sy - 17, y1: sy - 4 } },
        { x: sx + 5, y: sy + 15, anchor: "start", r: { x0: sx + 4, x1: sx + 6 + w, y0: sy + 4, y1: sy + 17 } },
        { x: sx - 5, y: sy - 6, anchor: "end", r: { x0: sx - 6 - w, x1: sx - 4, y0: sy - 17, y1: sy - 4 } },
        { x: sx - 5, y: sy + 15, anchor: "end", r: { x0: sx - 6 - w, x1: sx - 4, y0: sy + 4, y1: sy + 17 } },
      ];
      for (const c of candidates) {
        c.r.owner = i;
        if (inside(c.r) && !collides(c.r)) {
          insert(c.r);
          placed[i] = c;
          shown += 1;
          break;
        }
      }
    }
    labels.forEach((label, i) => {
      const c = placed[i];
      if (!c) {
        label.setAttribute("display", "none");
        return;
      }
      label.removeAttribute("display");
      label.setAttribute("x", c.x.toFixed(1));
      label.setAttribute("y", c.y.toFixed(1));
      label.setAttribute("text-anchor", c.anchor);
    });
    onLabels?.(shown, visible.length, points.length);
  }

  function render() {
    frame = 0;
    drawGrid();
    const screen = points.map((p) => [toScreenX(p.x), toScreenY(p.y)]);
    circles.forEach((circle, i) => {
      circle.setAttribute("cx", screen[i][0].toFixed(1));
      circle.setAttribute("cy", screen[i][1].toFixed(1));
    });
    placeLabels(screen);
    if (hovered >= 0) showTooltip(hovered);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function showTooltip(i) {
    const p = points[i];
    if (!p) return hideTooltip();
    circles[hovered]?.classList.remove("is-hovered");
    circles[i].classList.add("is-hovered");
    hovered = i;
    tooltip.replaceChildren(
      ...[
        h("strong", {}, p.word),
        p.groupLabel ? h("span", { class: "tooltip-group" }, p.groupLabel) : null,
        h("span", { class: "num" }, `PC1 ${formatNumber(p.x, 4)} · PC2 ${formatNumber(p.y, 4)}`),
      ].filter(Boolean),
    );
    tooltip.hidden = false;
    const sx = toScreenX(p.x);
    const sy = toScreenY(p.y);
    const box = root.getBoundingClientRect();
    const ratio = box.width ? box.width / width : 1;
    const left = Math.min(sx * ratio + 12, box.width - tooltip.offsetWidth - 4);
    tooltip.style.left = `${Math.max(4, left)}px`;
    tooltip.style.top = `${Math.max(4, sy * ratio - tooltip.offsetHeight - 10)}px`;
  }

  function hideTooltip() {
    circles[hovered]?.classList.remove("is-hovered");
    hovered = -1;
    tooltip.hidden = true;
  }

  function zoomAt(ax, ay, factor) {
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
    const f = zoom / view.zoom;
    view = {
      zoom,
      panX: ax - width / 2 - (ax - width / 2 - view.panX) * f,
      panY: ay - height / 2 - (ay - height / 2 - view.panY) * f,
    };
    schedule();
  }

  function panBy(dx, dy) {
    view = { ...view, panX: view.panX + dx, panY: view.panY + dy };
    schedule();
  }

  // Pointer position in viewBox units (the SVG is drawn 1:1 but CSS may scale it slightly).
  function local(event) {
    const box = root.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height];
  }

  // The wheel zooms once the map has focus (a click gives it) or with Ctrl/⌘ held (trackpad
  // pinches arrive that way); otherwise it scrolls the page as usual, so scrolling down a long
  // page never gets stuck on the map, and a hint says how to zoom.
  let hintTimer = 0;
  root.addEventListener(
    "wheel",
    (event) => {
      if (!points.length) return;
      if (document.activeElement !== root && !event.ctrlKey && !event.metaKey) {
        wheelHint.hidden = false;
        clearTimeout(hintTimer);
        hintTimer = setTimeout(() => (wheelHint.hidden = true), 1500);
        return;
      }
      event.preventDefault();
      wheelHint.hidden = true;
      const delta = event.deltaY * (event.deltaMode === 1 ? 16 : 1);
      zoomAt(...local(event), Math.exp(-delta * 0.002));
    },
    { passive: false },
  );

  const pointers = new Map();
  let pinch = null;
  root.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !points.length) return;
    root.focus({ preventScroll: true });
    root.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, local(event));
    root.classList.add("is-dragging");
  });
  root.addEventListener("pointermove", (event) => {
    const previous = pointers.get(event.pointerId);
    if (!previous) {
      const i = event.target.dataset?.index;
      if (i !== undefined) showTooltip(Number(i));
      else if (hovered >= 0) hideTooltip();
      return;
    }
    const now = local(event);
    pointers.set(event.pointerId, now);
    if (pointers.size === 1) {
      hideTooltip();
      panBy(now[0] - previous[0], now[1] - previous[1]);
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      if (pinch) {
        panBy(mid[0] - pinch.mid[0], mid[1] - pinch.mid[1]);
        zoomAt(mid[0], mid[1], distance / pinch.distance);
      }
      pinch = { distance: Math.max(1, distance), mid };
    }
  });
  const release = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (!pointers.size) root.classList.remove("is-dragging");
  };
  root.addEventListener("pointerup", release);
  root.addEventListener("pointercancel", release);
  root.addEventListener("pointerleave", (event) => {
    if (!pointers.size && event.pointerType === "mouse") hideTooltip();
  });
  root.addEventListener("keydown", (event) => {
    const pans = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (event.key in pans) panBy(...pans[event.key]);
    else if (event.key === "+" || event.key === "=") api.zoomBy(1.25);
    else if (event.key === "-" || event.key === "_") api.zoomBy(0.8);
    else if (event.key === "0") api.reset();
    else if (event.key === "Escape") hideTooltip();
    else return;
    event.preventDefault();
  });

  function resize() {
    const w = Math.round(element.clientWidth);
    if (!w) return;
    width = w;
    const hgt = heightFor(w);
    if (hgt === height && root.getAttribute("width") === String(w)) return;
    height = hgt;
    root.setAttribute("viewBox", `0 0 ${width} ${height}`);
    root.setAttribute("width", String(width));
    root.setAttribute("height", String(height));
    fit();
    render();
  }
  new ResizeObserver(resize).observe(element);

  const api = {
    element,
    /** Draws new points and resets the view. */
    draw(next) {
      points = next;
      hideTooltip();
      widths = points.map((p) => textWidth(p.word));
      circles = points.map((p, i) =>
        svg("circle", { r: 4.5, fill: p.color, class: "map-point", "data-index": String(i), testid: "pca-point", "data-word": p.word }),
      );
      labels = points.map((p) => svg("text", { class: "map-label", display: "none" }, p.word));
      pointLayer.replaceChildren(...circles);
      labelLayer.replaceChildren(...labels);
      view = { zoom: 1, panX: 0, panY: 0 };
      // Before the map is in the page its size is unknown; the ResizeObserver fits it then.
      if (element.isConnected) resize();
      fit();
      render();
    },
    zoomBy(factor) {
      zoomAt(width / 2, height / 2, factor);
    },
    reset() {
      view = { zoom: 1, panX: 0, panY: 0 };
      schedule();
    },
    setLabel(text) {
      root.setAttribute("aria-label", text);
    },
    /** The map as it is shown now, as a standalone SVG document (with an optional legend). */
    toSvgText(legend = []) {
      if (frame) render();
      const copy = root.cloneNode(true);
      copy.removeAttribute("tabindex");
      copy.removeAttribute("class");
      copy.querySelectorAll(".is-hovered").forEach((el) => el.classList.remove("is-hovered"));
      const style = svg(
        "style",
        {},
        `text{font:${FONT};fill:#1f2937}.grid-line{stroke:#e5e7eb}.grid-zero{stroke:#9ca3af}.grid-tick{font-size:10px;fill:#6b7280}` +
          `.axis-title{font-weight:600;fill:#4b5563}.map-point{stroke:#fff;stroke-width:1.5}` +
          `.map-label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}`,
      );
      const background = svg("rect", { x: 0, y: 0, width, height, fill: "#ffffff" });
      const legendGroup = svg(
        "g",
        {},
        legend.map(({ label, color }, i) => [
          svg("circle", { cx: 44, cy: 34 + i * 18, r: 5, fill: color }),
          svg("text", { x: 54, y: 38 + i * 18 }, label),
        ]),
      );
      copy.prepend(style, background);
      copy.append(legendGroup);
      return new XMLSerializer().serializeToString(copy);
    },
    /** The map as a PNG blob at `scale` × its size. */
    async toPngBlob(legend = [], scale = 2) {
      const url = URL.createObjectURL(new Blob([api.toSvgText(legend)], { type: "image/svg+xml" }));
      try {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = h("canvas", { width: width * scale, height: height * scale });
        const context = canvas.getContext("2d");
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        return await new Promise((done) => canvas.toBlob(done, "image/png"));
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
  return api;
}
