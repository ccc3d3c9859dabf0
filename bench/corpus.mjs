// A mixed benchmark corpus from text already on a Debian machine, so nothing is downloaded:
// English (licence and copyright texts), Turkish, Japanese, Chinese, Korean, Russian, Arabic and
// Hindi (the translations in gettext .mo catalogues), and source code (Python, JavaScript).
// Files are taken in sorted order and paragraphs interleaved round-robin, so the text is varied
// rather than one passage repeated (repetition flatters piece caches).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function listFiles(dir, accept, limit = Infinity) {
  const out = [];
  const walk = (d) => {
    let names;
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= limit) return;
      const path = join(d, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(path);
      else if (accept(path)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

// The translated strings of a gettext .mo catalogue.
function moStrings(path) {
  const b = readFileSync(path);
  if (b.length < 28) return [];
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8);
  const table = u32(16);
  const out = [];
  for (let i = 1; i < n; i++) {
    const length = u32(table + i * 8);
    const offset = u32(table + i * 8 + 4);
    if (offset + length > b.length) break;
    out.push(b.subarray(offset, offset + length).toString("utf8").replace(/\0/g, "\n"));
  }
  return out;
}

function take(paragraphs, bytes) {
  const out = [];
  let size = 0;
  for (const p of paragraphs) {
    if (size >= bytes) break;
    const t = p.trim();
    if (!t) continue;
    out.push(t);
    size += Buffer.byteLength(t);
  }
  return out;
}

/** Builds the corpus; about `megabytes` MB of UTF-8. Returns { text, parts: {name: bytes} }. */
export function buildCorpus(megabytes = 4) {
  const budget = megabytes * 1e6;
  const sources = {
    english: () =>
      [...listFiles("/usr/share/common-licenses", () => true), ...listFiles("/usr/share/doc", (p) => p.endsWith("/copyright"))]
        .flatMap((p) => readFileSync(p, "utf8").split(/\n\s*\n/)),
    code: () =>
      [...listFiles("/usr/lib/python3/dist-packages", (p) => p.endsWith(".py"), 4000), ...listFiles("/usr/share/emscripten/src", (p) => p.endsWith(".js"), 400)]
        .flatMap((p) => readFileSync(p, "utf8").split(/\n\s*\n/)),
  };
  for (const lang of ["tr", "ja", "zh_CN", "ko", "ru", "ar", "hi"]) {
    sources[lang] = () => listFiles(`/usr/share/locale/${lang}/LC_MESSAGES`, (p) => p.endsWith(".mo")).flatMap(moStrings);
  }
  const shares = { english: 0.3, tr: 0.2, code: 0.2, ja: 0.06, zh_CN: 0.06, ko: 0.05, ru: 0.05, ar: 0.04, hi: 0.04 };
  const lists = {};
  const parts = {};
  for (const [name, share] of Object.entries(shares)) {
    lists[name] = take(sources[name](), budget * share);
    parts[name] = lists[name].reduce((n, p) => n + Buffer.byteLength(p) + 2, 0);
  }
  const out = [];
  for (let i = 0; ; i++) {
    let any = false;
    for (const name of Object.keys(lists)) {
      if (i < lists[name].length) {
        out.push(lists[name][i]);
        any = true;
      }
    }
    if (!any) break;
  }
  return { text: out.join("\n\n"), parts };
}

if (process.argv[1] && process.argv[1].endsWith("corpus.mjs")) {
  const { text, parts } = buildCorpus(Number(process.argv[2] ?? 4));
  process.stdout.write(text);
  console.error(parts, Buffer.byteLength(text));
}
