// The interface language at run time: the current language (Turkish or English), t() and
// tNodes() to look strings up, applyTranslations() for elements marked with data-i18n (text),
// data-i18n-placeholder, data-i18n-aria-label or data-i18n-title, and number formatting in
// the language's conventions. The strings themselves are in en.js and tr.js.
// Safe to import outside a browser (Node unit tests): nothing here touches the DOM until called.
import en from "./en.js";
import tr from "./tr.js";

export const STRINGS = { en, tr };
export const LANGUAGES = ["tr", "en"];

const STORAGE_KEY = "playground.lang";
const listeners = new Set();
let lang = initialLanguage();

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "tr" || saved === "en") return saved;
  } catch {
    // Storage can be blocked (sandboxed iframe, privacy settings): fall back to the browser's language.
  }
  const nav = globalThis.navigator;
  const browser = (nav?.languages?.[0] || nav?.language || "en").toLowerCase();
  return browser.startsWith("tr") ? "tr" : "en";
}

/** The current UI language: "tr" or "en". */
export function getLang() {
  return lang;
}

/** Switches the language, remembers it, re-translates the page and tells every listener. */
export function setLang(next) {
  if (!LANGUAGES.includes(next)) return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered when storage is blocked; the switch still works for this visit.
  }
  if (globalThis.document) applyTranslations(document);
  for (const listener of listeners) listener(lang);
}

/** Calls `listener(lang)` after every language switch. */
export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The translated string for `key` with {placeholders} filled from `params`. */
export function t(key, params = {}) {
  const entry = STRINGS[lang][key] ?? STRINGS.en[key];
  if (entry === undefined) return key;
  if (typeof entry === "function") return entry(params);
  return entry.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/**
 * Like t(), but returns an array of strings and DOM nodes, so that a parameter can be an element
 * (a highlighted word, a button). Text is never parsed as HTML.
 */
export function tNodes(key, params = {}) {
  const entry = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  const template = typeof entry === "function" ? entry(params) : entry;
  const out = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    out.push(template.slice(last, match.index));
    const value = params[match[1]];
    // DOM nodes pass through as they are; everything else becomes text.
    out.push(value === undefined ? match[0] : typeof value === "object" && value?.nodeType ? value : String(value));
    last = match.index + match[0].length;
  }
  out.push(template.slice(last));
  return out.filter((part) => part !== "");
}

/** Re-translates every element under `root` that carries a data-i18n* attribute. */
export function applyTranslations(root) {
  document.documentElement.lang = lang;
  document.title = t("app.title");
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const [attr, key] of [
    ["placeholder", "i18nPlaceholder"],
    ["aria-label", "i18nAriaLabel"],
    ["title", "i18nTitle"],
  ]) {
    const selector = `[data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const el of root.querySelectorAll(selector)) el.setAttribute(attr, t(el.dataset[key]));
  }
}

const formatters = new Map();
function formatter(digits) {
  const key = `${lang}:${digits}`;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return formatters.get(key);
}

/** A number with exactly `digits` decimals in the UI language (0.8798 / 0,8798). */
export function formatNumber(value, digits = 4) {
  return formatter(digits).format(value);
}

/** A whole number with the language's grouping (10,015 / 10.015). */
export function formatInteger(value) {
  return formatter(0).format(value);
}

/** A ratio as a percentage with one decimal (12.3% / %12,3). */
export function formatPercent(ratio) {
  return new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** A byte count as MB with one decimal. */
export function formatMegabytes(bytes) {
  return `${formatNumber(bytes / 1e6, 1)} MB`;
}
