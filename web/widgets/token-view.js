// The tokens of a text as coloured spans. The colour is a hash of the id into a palette of
// pastel backgrounds (CSS classes tc0..tc11, light and dark in styles/widgets/token-view.css), so the same
// id always gets the same colour. Whitespace can be shown as · → ↵ (the newline still breaks
// the line). Pieces of one character split over several tokens (an emoji in GPT-2) are drawn
// once as the character, followed by each piece's bytes in hex. Hovering, tapping or moving
// with the arrow keys shows a token's id, JSON-escaped text and bytes. Drawing is capped
// (PAGE_SIZE spans, then "show more") and done in slices so that the page stays responsive.
// A token's bytes are the text's UTF-8 bytes between its byteStarts and byteEnds (from
// Tokenizer.spans()); the UTF-8 work is the library's (encodeUtf8, utf8Parts), which has loaded
// by the time any tokens exist to show.
import { h } from "../ui/dom.js";
import { formatInteger, onLangChange, t } from "../i18n/index.js";
import { loadedLibrary } from "../library.js";
import { shortQuote } from "../words.js";

export const PAGE_SIZE = 5000;
const SLICE = 800; // spans drawn per frame
const PALETTE_SIZE = 12;
const MAX_GROUP = 64; // tokens drawn as one split-character group
const MAX_TOKEN_CHARS = 2000; // a longer token is drawn as its start

/** Palette class of a token id (stable across texts and tokenizers). */
export function colorClass(id) {
  const hash = Math.imul(id + 0x9e37, 0x85ebca6b) >>> 0;
  return `tc${((hash ^ (hash >>> 13)) >>> 0) % PALETTE_SIZE}`;
}

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");

/** JSON-style quoted text of token bytes; bytes of partial characters appear as \xHH. */
export function escapedText(bytes, utf8Parts = loadedLibrary().utf8Parts) {
  const inner = utf8Parts(bytes)
    .map((part) => (typeof part === "string" ? JSON.stringify(part).slice(1, -1) : Array.from(part, (b) => `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")))
    .join("");
  return `"${inner}"`;
}

const WS = { " ": "·", "\t": "→", "\n": "↵", "\r": "␍", "\u00a0": "⍽", "\u3000": "□" };
const WS_RE = /[ \t\n\r\u00a0\u3000]/;

/** Appends `text` to `parent`, with visible whitespace marks when `visible`. */
function appendText(parent, text, visible) {
  if (!visible || !WS_RE.test(text)) {
    parent.append(text);
    return;
  }
  let run = "";
  for (const ch of text) {
    const mark = WS[ch];
    if (!mark) {
      run += ch;
      continue;
    }
    if (run) parent.append(run);
    run = "";
    parent.append(h("span", { class: "ws", "aria-hidden": "true" }, mark));
    if (ch === "\n") parent.append("\n");
  }
  if (run) parent.append(run);
}

/**
 * A token view. options.onPick(word, index) is called when a word of the "words" tokenizer
 * that has a vector is clicked or chosen with Enter.
 */
export function createTokenView({ onPick, testid = "token-view" } = {}) {
  const body = h("div", { class: "tok-body" });
  const tip = h("div", { class: "tok-tip", role: "tooltip", hidden: true, testid: "token-tip" });
  const more = h("div", { class: "tok-more", hidden: true });
  const el = h(
    "div",
    {
      class: "tok-view",
      testid,
      tabindex: "0",
      role: "group",
      "i18n-aria-label": "tok.viewAria",
    },
    body,
  );
  // What the tooltip says, for screen readers, when a token is chosen with the keyboard or a tap.
  const live = h("div", { class: "visually-hidden", "aria-live": "polite" });
  // The tooltip sits outside the scrolling view so that it is never clipped by it.
  const wrap = h("div", { class: "tok-view-wrap" }, el, tip, more, live);

  let result = null; // { ids, starts, ends, byteStarts, byteEnds, words, info, text }
  let textBytes = null;
  let drawn = 0;
  let limit = PAGE_SIZE;
  let visibleWs = false;
  let active = -1;
  let drawJob = 0;
  let onProgress = null;
  const nodes = []; // token index -> element

  const isWords = () => result?.words != null;
  const count = () => result?.ids.length ?? 0;

  function tokenBytes(i) {
    const { byteStarts, byteEnds, ids, info } = result;
    if (!byteEnds) return null;
    const { encodeUtf8 } = loadedLibrary();
    const start = byteStarts[i];
    const end = byteEnds[i];
    if (start === end) {
      // BOS: no bytes of the text; its own name.
      const special = info.specialTokens.find((s) => s.id === ids[i]);
      return special ? encodeUtf8(special.text) : new Uint8Array(0);
    }
    textBytes ??= encodeUtf8(result.text);
    return textBytes.subarray(start, end);
  }

  let specialIds = new Set();
  const isSpecial = (i) => specialIds.has(result.ids[i]);

  // A piece's bytes as text where they form whole characters, hex where they do not.
  function appendPiece(parent, bytes) {
    for (const part of loadedLibrary().utf8Parts(bytes)) {
      if (typeof part === "string") appendText(parent, part, visibleWs);
      else parent.append(h("span", { class: "tok-hex" }, hex(part)));
    }
  }

  function tokenNode(i) {
    const { ids, starts, ends, words, text } = result;
    const id = ids[i];
    let className = `tok ${colorClass(id)}`;
    if (words) {
      className = id < 0 ? "tok tok-missing" : `tok tok-word ${colorClass(id)}`;
    } else if (starts[i] === ends[i] || isSpecial(i)) className += " tok-special";
    const node = h("span", { class: className, "data-i": i });
    if (starts[i] === ends[i] && !words) {
      // BOS: no text of its own; show its name.
      const special = result.info.specialTokens.find((s) => s.id === id);
      node.append(special?.text ?? `#${id}`);
    } else if (ends[i] - starts[i] > MAX_TOKEN_CHARS) {
      // One huge token (a pasted megabyte without a space, in the words tokenizer): its start.
      appendText(node, shortQuote(text.slice(starts[i], starts[i] + MAX_TOKEN_CHARS + 1), MAX_TOKEN_CHARS), visibleWs);
      node.append(h("span", { class: "tok-cut" }, t("tok.cut", { n: formatInteger(ends[i] - starts[i]) })));
    } else appendText(node, text.slice(starts[i], ends[i]), visibleWs);
    nodes[i] = node;
    return node;
  }

  // Tokens i..j (j > i) that share characters: the characters once, then each piece in hex.
  function splitNode(i, j) {
    const { starts, ends, text } = result;
    let from = Infinity;
    let to = 0;
    for (let k = i; k < j; k++) {
      from = Math.min(from, starts[k + 1]);
      to = Math.max(to, ends[k]);
    }
    const label = text.slice(from, to);
    const group = h("span", { class: "tok-split", testid: "token-split" }, h("span", { class: "tok-split-char", "aria-hidden": "true" }, label));
    for (let k = i; k <= j; k++) {
      const node = h("span", { class: `tok tok-piece ${colorClass(result.ids[k])}`, "data-i": k, "data-of": label });
      appendPiece(node, tokenBytes(k));
      nodes[k] = node;
      group.append(node);
    }
    return group;
  }

  function drawSlice(job) {
    if (job !== drawJob || !result) return;
    const { starts, ends, text, byteEnds } = result;
    const stop = Math.min(count(), limit, drawn + SLICE);
    const frag = document.createDocumentFragment();
    let cursor = drawn === 0 ? 0 : ends[drawn - 1];
    let i = drawn;
    while (i < stop) {
      if (starts[i] > cursor) appendText(frag, text.slice(cursor, starts[i]), visibleWs && !isWords());
      // A run of tokens whose ranges overlap: pieces of split characters (a run is capped so
      // that no input can make one slice draw without bound).
      let j = i;
      while (byteEnds && j + 1 < count() && j - i < MAX_GROUP && starts[j + 1] < ends[j]) j++;
      if (j > i) frag.append(splitNode(i, j));
      else frag.append(tokenNode(i));
      // Visible whitespace has no spaces to break lines at: allow a break between tokens.
      if (visibleWs) frag.append(document.createElement("wbr"));
      cursor = Math.max(cursor, ends[j]);
      i = j + 1;
    }
    drawn = i;
    body.append(frag);
    onProgress?.(drawn, Math.min(count(), limit));
    if (drawn < Math.min(count(), limit)) requestAnimationFrame(() => drawSlice(job));
    else finish();
  }

  function finish() {
    const hidden = count() - drawn;
    more.hidden = hidden <= 0;
    more.replaceChildren();
    if (hidden > 0) {
      const next = Math.min(PAGE_SIZE, hidden);
      more.append(
        h("span", { class: "tok-more-note", testid: "token-hidden-note" }, t("tok.hidden", { shown: formatInteger(drawn), n: formatInteger(count()), hidden: formatInteger(hidden) })),
        h("button", { type: "button", class: "btn btn-small", testid: "token-show-more", onclick: showMore }, t("tok.showMore", { n: formatInteger(next) })),
      );
    }
  }

  function showMore() {
    limit += PAGE_SIZE;
    drawJob++;
    const job = drawJob;
    requestAnimationFrame(() => drawSlice(job));
  }

  function redraw() {
    drawJob++;
    const job = drawJob;
    drawn = 0;
    nodes.length = 0;
    body.replaceChildren();
    hideTip();
    active = -1;
    if (!result) return;
    drawSlice(job);
  }

  // ---- details of one token ----

  function details(i) {
    const { ids, words, starts, ends, text } = result;
    const rows = [];
    const row = (key, value, cls) => rows.push(h("div", { class: "tip-row" }, h("span", { class: "tip-key" }, t(key)), h("span", { class: cls ?? "tip-val" }, value)));
    if (words) {
      const word = words[i];
      rows.push(h("div", { class: "tip-title" }, t("tok.tipWord", { n: formatInteger(i + 1), total: formatInteger(ids.length) })));
      row("tok.tipText", JSON.stringify(shortQuote(text.slice(starts[i], Math.min(ends[i], starts[i] + 200)), 100)), "tip-val mono");
      row("tok.tipLookup", JSON.stringify(shortQuote(word.slice(0, 200), 100)), "tip-val mono");
      if (ids[i] >= 0) {
        row("tok.tipVector", `#${formatInteger(ids[i])}`);
        rows.push(h("div", { class: "tip-hint" }, t("tok.tipClick")));
      } else rows.push(h("div", { class: "tip-missing" }, t("tok.tipMissing")));
      return rows;
    }
    const bytes = tokenBytes(i);
    rows.push(h("div", { class: "tip-title" }, t("tok.tipToken", { n: formatInteger(i + 1), total: formatInteger(ids.length) })));
    row("tok.tipId", String(ids[i]), "tip-val mono");
    row("tok.tipText", escapedText(bytes), "tip-val mono");
    row("tok.tipBytes", hex(bytes) || "—", "tip-val mono");
    const of = nodes[i]?.dataset.of;
    if (of) rows.push(h("div", { class: "tip-hint" }, t("tok.tipPiece", { char: of })));
    if (starts[i] === ends[i]) rows.push(h("div", { class: "tip-hint" }, t("tok.tipBos")));
    else if (isSpecial(i)) rows.push(h("div", { class: "tip-hint" }, t("tok.tipSpecial")));
    return rows;
  }

  let tipIndex = -1;
  function showTip(i) {
    const node = nodes[i];
    if (!node || !result) return;
    tipIndex = i;
    tip.replaceChildren(...details(i));
    tip.hidden = false;
    const box = wrap.getBoundingClientRect();
    const r = node.getBoundingClientRect();
    const left = Math.max(0, Math.min(r.left - box.left, wrap.clientWidth - tip.offsetWidth));
    // Below the token, or above it when there is no room below in the window.
    let top = r.bottom - box.top + 6;
    if (r.bottom + tip.offsetHeight + 10 > window.innerHeight && r.top - tip.offsetHeight - 6 > 0) top = r.top - box.top - tip.offsetHeight - 6;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function hideTip() {
    tip.hidden = true;
  }

  function setActive(i, { scroll = true } = {}) {
    if (active >= 0) nodes[active]?.classList.remove("is-active");
    active = i;
    const node = nodes[i];
    if (!node) return;
    node.classList.add("is-active");
    if (scroll) node.scrollIntoView({ block: "nearest", inline: "nearest" });
    showTip(i);
    live.textContent = [...tip.children].map((row) => row.textContent).join(". ");
  }

  const indexOf = (target) => {
    const node = target.closest?.(".tok");
    return node && el.contains(node) ? Number(node.dataset.i) : -1;
  };

  el.addEventListener("mouseover", (event) => {
    const i = indexOf(event.target);
    if (i >= 0) showTip(i);
  });
  el.addEventListener("mouseleave", () => {
    if (document.activeElement !== el) hideTip();
    else if (active >= 0) showTip(active);
  });
  el.addEventListener("click", (event) => {
    const i = indexOf(event.target);
    if (i < 0) return;
    setActive(i, { scroll: false });
    if (isWords() && result.ids[i] >= 0) onPick?.(result.words[i], i);
  });
  el.addEventListener("keydown", (event) => {
    if (!result || !drawn) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const next = Math.max(0, Math.min(drawn - 1, active < 0 ? 0 : active + step));
      setActive(next);
    } else if ((event.key === "Enter" || event.key === " ") && active >= 0 && isWords() && result.ids[active] >= 0) {
      event.preventDefault();
      onPick?.(result.words[active], active);
    } else if (event.key === "Escape") hideTip();
  });
  el.addEventListener("focus", () => {
    if (result && drawn) setActive(active < 0 ? 0 : active, { scroll: false });
  });
  el.addEventListener("blur", hideTip);
  // Keep the tooltip next to its token while the view scrolls.
  el.addEventListener("scroll", () => {
    if (!tip.hidden && tipIndex >= 0) showTip(tipIndex);
  }, { passive: true });
  onLangChange(() => {
    if (result) finish();
    if (!tip.hidden && active >= 0) showTip(active);
  });

  return {
    el: wrap,
    /** Draws a result; progress(drawn, toDraw) is called after each slice. */
    show(next, { progress } = {}) {
      result = next;
      textBytes = null;
      specialIds = new Set(next.byteEnds ? next.info.specialTokens.map((s) => s.id) : []);
      limit = PAGE_SIZE;
      onProgress = progress;
      more.hidden = true;
      redraw();
    },
    clear() {
      result = null;
      more.hidden = true;
      redraw();
    },
    setWhitespace(visible) {
      visibleWs = visible;
      el.classList.toggle("show-ws", visible);
      if (result) redraw();
    },
    get drawn() {
      return drawn;
    },
  };
}
