// How the page is put together, seen from the browser: every panel follows the active vector set
// when another one is made active through the shared context; the modulepreload list written by
// tools/build-site.mjs is exactly the modules the page loads; the styles arrive as one file.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { encodeVectorAsset } from "../../tools/vector-asset.mjs";
import { allExampleWords } from "../../web/examples.js";
import { dist, startSite, watchPage } from "./harness.mjs";

/**
 * A small vector set of the page's example words (so every panel's example still has its words)
 * with seeded random 8-d vectors, where "banana" is planted right next to "cat".
 */
function tinySet() {
  const words = allExampleWords();
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const vectors = words.map(() => Array.from({ length: 8 }, random));
  const cat = vectors[words.indexOf("cat")];
  vectors[words.indexOf("banana")] = cat.map((x, i) => x + (i === 0 ? 0.01 : 0));
  return { words, bytes: encodeVectorAsset(words, vectors, 8).bytes };
}

describe("page structure", { timeout: 90_000 }, () => {
  let server;
  let browser;
  const problems = [];

  let site;
  before(async () => {
    site = await startSite();
    ({ server, browser } = site);
  });

  after(() => site?.close());

  test("another active vector set: every vector panel and the tokenizer's word strip follow it", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(server.url);
    await page.evaluate(() => window.playground.ready.then(() => undefined));
    await page.waitForFunction(() => performance.getEntriesByName("playground:examples-shown").length > 0);
    const byTestId = (id) => page.locator(`[data-testid="${id}"]`);
    await byTestId("strip-word").first().waitFor();
    const firstWord = (list) => byTestId(list).locator('[data-testid="result-word"]').first().textContent();

    // What the panels show on GloVe.
    await byTestId("neighbours-input").fill("cat");
    await byTestId("neighbours-submit").click();
    assert.equal(await firstWord("neighbours-list"), "dog");
    const before = {
      similarity: await byTestId("similarity-score").textContent(),
      analogy: await firstWord("analogy-list"),
      odd: await byTestId("odd-answer").textContent(),
      lookup: await byTestId("lookup-result").textContent(),
      map: await page.locator('[data-testid="pca-point"]').first().getAttribute("cx"),
      strip: await byTestId("strip-result").locator('[data-testid="strip"]').count(),
    };
    assert.equal(before.analogy, "queen");
    // The strip under the tokenizer: "the" has a GloVe vector.
    assert.ok((await byTestId("strip-word").allTextContents()).some((w) => /^the$/i.test(w)));

    const { words, bytes } = tinySet();
    await page.evaluate(async (data) => {
      const vs = await window.playground.api.loadVectors(new Uint8Array(data));
      window.playground.context.setVectors(vs, { name: "tiny test set" });
    }, [...bytes]);

    assert.equal(await page.evaluate(() => window.playground.vectors.size), words.length);
    assert.match(await byTestId("status").textContent(), new RegExp(`Active vectors: tiny test set, ${words.length} words × 8 numbers`));
    assert.equal(await firstWord("neighbours-list"), "banana", "neighbours ran again on the new set");
    assert.notEqual(await byTestId("similarity-score").textContent(), before.similarity);
    assert.notEqual(await byTestId("lookup-result").textContent(), before.lookup);
    assert.match(await byTestId("lookup-result").textContent(), new RegExp(`of ${words.length}`));
    assert.notEqual(await page.locator('[data-testid="pca-point"]').first().getAttribute("cx"), before.map);
    assert.equal(await byTestId("strip-result").locator('[data-testid="strip"]').first().locator(".cell").count(), 8, "the strips show 8 numbers now");
    await byTestId("analogy-result").locator('[data-testid="result-word"]').first().waitFor();
    await byTestId("odd-answer").waitFor();
    // "the" is not among the example words: the tokenizer's strip marks it as without a vector.
    await byTestId("strip-missing").filter({ hasText: /^the$/i }).first().waitFor();
    // Autocomplete searches the new vocabulary.
    await byTestId("lookup-input").fill("");
    await byTestId("lookup-input").pressSequentially("bana");
    assert.equal(await byTestId("panel-lookup").locator(".ac-word").first().textContent(), "banana");
    await context.close();
  });

  test("an error in the tokenizer worker reaches the page as a real PlaygroundError", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(server.url);
    await page.evaluate(() => window.playground.ready.then(() => undefined));
    const outcome = await page.evaluate(async () => {
      const { PlaygroundError } = await import(new URL("lib/playground.js", document.baseURI).href);
      const kind = window.playground.tokenizers.kind;
      try {
        await window.playground.tokenizers.decode("gpt2", [9703, 99999999]);
        return { kind, resolved: true };
      } catch (error) {
        return { kind, instance: error instanceof PlaygroundError, name: error.name, code: error.code, message: error.message };
      }
    });
    assert.equal(outcome.kind, "worker");
    assert.equal(outcome.instance, true, JSON.stringify(outcome));
    assert.equal(outcome.code, "BAD_ARGUMENT");
    assert.match(outcome.message, /99999999/);
    await context.close();
  });

  test("the modulepreload list is exactly the modules the page loads, and the CSS is one file", async () => {
    const html = readFileSync(`${dist}/index.html`, "utf8");
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(preloaded.includes("lib/playground.js") && preloaded.includes("panels/tokenizer.js"), preloaded.join(" "));
    assert.equal(new Set(preloaded).size, preloaded.length, "no module twice");
    assert.doesNotMatch(html, /build-site:/, "every build marker was replaced");

    const context = await browser.newContext({ locale: "en-US" });
    const scripts = new Set();
    const styles = [];
    context.on("request", (request) => {
      const path = new URL(request.url()).pathname.slice(1);
      if (path.endsWith(".js")) scripts.add(path);
      if (request.resourceType() === "stylesheet") styles.push(path);
    });
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(server.url);
    await page.evaluate(() => window.playground.ready.then(() => undefined));
    await page.waitForFunction(() => performance.getEntriesByName("playground:examples-shown").length > 0);
    await page.locator('[data-testid="tok-done"]').waitFor();
    // The entry (a <script> of its own) and the worker's own script are not preloaded.
    const loaded = [...scripts].filter((path) => path !== "app.js" && path !== "tokenizer/worker.js").sort();
    assert.deepEqual(loaded, [...preloaded].sort());
    assert.deepEqual(styles, ["style.css"]);
    await context.close();
  });

  test("no console errors, page errors or dialogs", () => {
    assert.deepEqual(problems, []);
  });
});
