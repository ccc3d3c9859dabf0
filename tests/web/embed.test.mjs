// web/embed.js: the address's options (embed, panels, lang) — any case accepted, and what is
// not understood reported instead of silently ignored (issue 6, defect 11).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PANEL_ALIASES, PANEL_IDS, readEmbedOptions } from "../../web/embed.js";

test("embed=1 (or true, yes, on) turns embed mode on; an empty value does not", () => {
  for (const on of ["?embed=1", "?embed=true", "?embed=YES", "?embed=on", "?embed= 1 "]) assert.equal(readEmbedOptions(on).embed, true, on);
  for (const off of ["?embed=", "?embed", "?embed=0", "?embed=false", "?embed=no", "?embed=off", "", "?lang=tr"]) {
    const options = readEmbedOptions(off);
    assert.equal(options.embed, false, off);
    assert.deepEqual(options.problems, [], off);
  }
  assert.deepEqual(readEmbedOptions("?embed=maybe"), { embed: false, panels: null, lang: null, problems: [{ param: "embed", values: ["maybe"] }] });
});

test("panel names in any case, in the page's order, with aliases", () => {
  const options = readEmbedOptions("?embed=1&panels=PCA, Tok,analogy,tok");
  assert.deepEqual([...options.panels], ["tok", "analogy", "pca"]);
  assert.deepEqual(options.problems, []);
  assert.deepEqual([...readEmbedOptions("?panels=Tokenizer,map,neighbors,odd-one-out").panels], ["tok", "neighbours", "odd", "pca"]);
  for (const id of Object.values(PANEL_ALIASES)) assert.ok(PANEL_IDS.includes(id), id);
});

test("unknown panel names are reported; with none understood every panel is shown", () => {
  const some = readEmbedOptions("?panels=TOK,Pca,nope,<b>x</b>");
  assert.deepEqual([...some.panels], ["tok", "pca"]);
  assert.deepEqual(some.problems, [{ param: "panels", values: ["nope", "<b>x</b>"] }]);
  const none = readEmbedOptions("?panels=foo,bar");
  assert.equal(none.panels, null);
  assert.deepEqual(none.problems, [{ param: "panels", values: ["foo", "bar"] }]);
  assert.equal(readEmbedOptions("?panels=").panels, null);
  assert.deepEqual(readEmbedOptions("?panels=").problems, []);
});

test("lang=tr or en in any case; anything else is reported", () => {
  assert.equal(readEmbedOptions("?lang=TR").lang, "tr");
  assert.equal(readEmbedOptions("?lang=en").lang, "en");
  assert.deepEqual(readEmbedOptions("?lang=de"), { embed: false, panels: null, lang: null, problems: [{ param: "lang", values: ["de"] }] });
  assert.equal(readEmbedOptions("").lang, null);
});
