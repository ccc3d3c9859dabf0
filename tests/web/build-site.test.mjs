// tools/build-site.mjs: the module preloads come from the import graph (so the list cannot
// drift from the code) and the stylesheets are joined in cascade order.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { importsOf, joinStyles, loadAcorn, moduleGraph, withModulePreloads } from "../../tools/build-site.mjs";

const WEB = fileURLToPath(new URL("../../web/", import.meta.url));
let acorn;
let dir;

before(async () => {
  acorn = await loadAcorn();
  dir = mkdtempSync(join(tmpdir(), "graph-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("imports: static, re-exports and literal dynamic ones; comments and strings are not imports", () => {
  const source = `
    // import "./in-a-comment.js";
    /* import("./also-a-comment.js") */
    import { a } from "./a.js";
    import * as b from "../b.js";
    import "./side-effect.js";
    export { c } from "./c.js";
    export * from "./d.js";
    const text = 'import("./in-a-string.js")';
    const lazy = () => import("./lazy.js");
    const computed = (name) => import(name);
    const re = /["']/;
  `;
  assert.deepEqual(importsOf(acorn, source), [
    { specifier: "./a.js", dynamic: false },
    { specifier: "../b.js", dynamic: false },
    { specifier: "./side-effect.js", dynamic: false },
    { specifier: "./c.js", dynamic: false },
    { specifier: "./d.js", dynamic: false },
    { specifier: "./lazy.js", dynamic: true },
  ]);
});

test("the graph: breadth first from the entry, each module once, bare specifiers skipped", () => {
  const write = (name, text) => {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  write("app.js", 'import "./x/one.js"; import "node:fs"; const l = () => import("./lib/lib.js");');
  write("x/one.js", 'import "../two.js"; import "./three.js";');
  write("two.js", 'import "./x/one.js";');
  write("x/three.js", "");
  write("lib/lib.js", 'export * from "./core.js";');
  write("lib/core.js", "");
  const graph = moduleGraph(acorn, join(dir, "app.js")).map((f) => relative(dir, f));
  assert.deepEqual(graph, ["x/one.js", "lib/lib.js", "two.js", "x/three.js", "lib/core.js"]);
  write("broken.js", 'import "./missing.js";');
  assert.throws(() => moduleGraph(acorn, join(dir, "broken.js")), /imports \.\/missing\.js, which does not exist/);
});

test("every module of the page is reachable from app.js (the source tree, without lib/)", () => {
  // lib/ is only in dist/; everything else the page imports must exist in web/.
  const graph = [];
  const seen = new Set();
  const queue = [join(WEB, "app.js")];
  while (queue.length) {
    const file = queue.shift();
    for (const { specifier } of importsOf(acorn, readFileSync(file, "utf8"))) {
      const target = join(file, "..", specifier);
      if (!specifier.startsWith(".") || target.includes("/lib/") || seen.has(target)) continue;
      seen.add(target);
      graph.push(relative(WEB, target));
      queue.push(target);
    }
  }
  for (const expected of ["context.js", "panels/index.js", "panels/tokenizer.js", "widgets/token-view.js", "tokenizer/client.js", "i18n/en.js", "i18n/tr.js", "ui/dom.js"]) {
    assert.ok(graph.includes(expected), `${expected} not reached: ${graph.join(", ")}`);
  }
});

test("preloads replace the marker, one link per module, indented like it", () => {
  const html = "<head>\n    <!-- build-site:modulepreload (generated) -->\n    <script></script>";
  assert.equal(
    withModulePreloads(html, ["a.js", "lib/b.js"]),
    '<head>\n    <link rel="modulepreload" href="a.js" />\n    <link rel="modulepreload" href="lib/b.js" />\n    <script></script>',
  );
  assert.throws(() => withModulePreloads("<head></head>", []), /no <!-- build-site:modulepreload/);
});

test("stylesheets are joined in the order linked, and the links become one", () => {
  const html = '<head>\n<!-- build-site:styles -->\n<link rel="stylesheet" href="styles/b.css" />\n<link rel="stylesheet" href="styles/a.css" />\n<!-- /build-site:styles -->\n</head>';
  const sheets = { "styles/a.css": ".a { color: red; }", "styles/b.css": ":root { --x: 1px; }" };
  const { html: out, css, files } = joinStyles(html, (href) => sheets[href]);
  assert.deepEqual(files, ["styles/b.css", "styles/a.css"]);
  assert.ok(css.indexOf("--x") < css.indexOf(".a"), "the cascade order is kept");
  assert.equal(out, '<head>\n<link rel="stylesheet" href="style.css" />\n</head>');
  assert.throws(() => joinStyles(html, () => ".x { background: url(img.png); }"), /uses url\(\)/);
});

test("the page's own index.html links every stylesheet in web/styles/", () => {
  const html = readFileSync(join(WEB, "index.html"), "utf8");
  const { files } = joinStyles(html, (href) => readFileSync(join(WEB, href), "utf8"));
  const onDisk = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (name.endsWith(".css")) onDisk.push(relative(WEB, path));
      else if (!name.includes(".")) walk(path);
    }
  };
  walk(join(WEB, "styles"));
  assert.deepEqual([...files].sort(), onDisk.sort());
  assert.equal(files[0], "styles/base.css", "the tokens come first");
});
