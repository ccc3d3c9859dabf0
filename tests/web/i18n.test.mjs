// Every user-visible string in both languages: a key missing in either en.js or tr.js, a key
// used in web/ (t("…"), tNodes("…"), i18n props, data-i18n* attributes, keys passed around as
// strings or built from templates) but not defined, or a placeholder that one language has and
// the other lacks, fails here. Also the runtime: t(), tNodes(), number formats.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAcorn } from "../../tools/build-site.mjs";
import en from "../../web/i18n/en.js";
import tr from "../../web/i18n/tr.js";
import { formatInteger, formatNumber, getLang, LANGUAGES, setLang, STRINGS, t, tNodes } from "../../web/i18n/index.js";
import { PANEL_IDS } from "../../web/embed.js";
import { TOKEN_EXAMPLES } from "../../web/tokenizer/samples.js";

const WEB = fileURLToPath(new URL("../../web/", import.meta.url));
const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;
const namespaces = new Set(Object.keys(en).map((key) => key.split(".")[0]));

function filesUnder(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return path.endsWith(ext) ? [path] : [];
  });
}

/** Placeholder names of an entry: {name} in a string; p.name / params.name in a function. */
function placeholders(entry) {
  const source = typeof entry === "function" ? entry.toString() : entry;
  const names = typeof entry === "function" ? [...source.matchAll(/\bp\.(\w+)/g)] : [...source.matchAll(/\{(\w+)\}/g)];
  return [...new Set(names.map((m) => m[1]))].sort();
}

/** Key-like strings in the page's code: literals, and templates as patterns. */
async function usedKeys() {
  const acorn = await loadAcorn();
  const literals = new Map(); // key -> file
  const templates = new Map(); // RegExp source -> file
  for (const file of filesUnder(WEB, ".js").filter((f) => !f.includes("/i18n/"))) {
    const visit = (node) => {
      if (!node || typeof node.type !== "string") return;
      if (node.type === "Literal" && typeof node.value === "string" && KEY.test(node.value) && namespaces.has(node.value.split(".")[0])) {
        literals.set(node.value, file);
      } else if (node.type === "TemplateLiteral" && node.expressions.length) {
        const parts = node.quasis.map((q) => q.value.cooked);
        const head = parts[0];
        if (/^[a-z][a-zA-Z0-9]*\./.test(head) && namespaces.has(head.split(".")[0])) {
          const pattern = `^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+")}$`;
          templates.set(pattern, file);
        }
      }
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === "object") visit(value);
      }
    };
    visit(acorn.parse(readFileSync(file, "utf8"), { ecmaVersion: "latest", sourceType: "module" }));
  }
  const html = readFileSync(join(WEB, "index.html"), "utf8");
  for (const m of html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) literals.set(m[1], "index.html");
  return { literals, templates };
}

test("both languages have the same keys", () => {
  const missingInTr = Object.keys(en).filter((key) => !(key in tr));
  const missingInEn = Object.keys(tr).filter((key) => !(key in en));
  assert.deepEqual(missingInTr, [], "keys missing in tr.js");
  assert.deepEqual(missingInEn, [], "keys missing in en.js");
  assert.deepEqual(Object.keys(STRINGS).sort(), [...LANGUAGES].sort());
});

test("both languages use the same placeholders in each string", () => {
  const differ = Object.keys(en)
    .filter((key) => key in tr)
    .filter((key) => placeholders(en[key]).join() !== placeholders(tr[key]).join())
    .map((key) => `${key}: en {${placeholders(en[key])}} tr {${placeholders(tr[key])}}`);
  assert.deepEqual(differ, []);
});

test("no entry is empty, and every entry is text or a function", () => {
  for (const [lang, strings] of Object.entries(STRINGS)) {
    for (const [key, entry] of Object.entries(strings)) {
      assert.ok((typeof entry === "string" && entry.trim()) || typeof entry === "function", `${lang} ${key}`);
    }
  }
});

test("every key the page uses is defined", async () => {
  const { literals, templates } = await usedKeys();
  assert.ok(literals.size > 150, `found only ${literals.size} keys: the scan is broken`);
  const undefinedKeys = [...literals].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file.replace(WEB, "web/")})`);
  assert.deepEqual(undefinedKeys, []);
  const keys = Object.keys(en);
  const unmatched = [...templates].filter(([pattern]) => !keys.some((key) => new RegExp(pattern).test(key))).map(([p, file]) => `${p} (${file})`);
  assert.deepEqual(unmatched, [], "templates that build no defined key");
});

test("keys built from data are defined: panel titles and intros, samples, analogy fields", () => {
  const needed = [
    ...PANEL_IDS.flatMap((id) => [`${id}.title`, `${id}.intro`]),
    ...TOKEN_EXAMPLES.filter((ex) => !ex.label).map((ex) => `tok.sample.${ex.id}`),
    ...LANGUAGES.map((lang) => `cmp.sample.${lang}`),
    ...["a", "b", "c"].flatMap((name) => [`analogy.${name}`, `analogy.${name}Full`]),
    ...["add", "mul"].map((method) => `analogy.${method}`),
    ...["panels", "embed", "lang"].map((param) => `url.${param}`),
  ];
  assert.deepEqual(needed.filter((key) => !(key in en)), []);
});

test("t() fills placeholders, falls back to English, and returns an unknown key as is", () => {
  const before = getLang();
  setLang("en");
  assert.equal(t("load.ready", { words: "10,015", dim: 100, ms: "900" }), "Ready: 10,015 words × 100 numbers, loaded in 900 ms.");
  assert.equal(t("common.duplicates", { n: 1, words: "cat" }), "Removed a duplicate: cat.");
  assert.equal(t("common.duplicates", { n: 2, words: "cat, dog" }), "Removed 2 duplicates: cat, dog.");
  assert.equal(t("no.such.key"), "no.such.key");
  assert.equal(t("load.ready", {}), "Ready: {words} words × {dim} numbers, loaded in {ms} ms.", "a missing parameter stays visible");
  setLang("tr");
  assert.equal(getLang(), "tr");
  assert.equal(t("neighbours.title"), "En yakın komşular");
  setLang("de");
  assert.equal(getLang(), "tr", "an unknown language is ignored");
  setLang(before);
});

test("tNodes() keeps nodes as they are and never parses text as HTML", () => {
  setLang("en");
  const node = { nodeType: 1, tag: "span" };
  const parts = tNodes("common.unknown", { word: node });
  assert.equal(parts[0], node);
  assert.equal(parts[1], " is not in the vocabulary.");
  assert.deepEqual(tNodes("common.unknown", { word: "<img src=x>" }), ["<img src=x>", " is not in the vocabulary."]);
});

test("numbers follow the language: 10,015 and 0.8798 / 10.015 and 0,8798", () => {
  setLang("en");
  assert.equal(formatInteger(10015), "10,015");
  assert.equal(formatNumber(0.87981, 4), "0.8798");
  setLang("tr");
  assert.equal(formatInteger(10015), "10.015");
  assert.equal(formatNumber(0.87981, 4), "0,8798");
  setLang("en");
});
