// Browser test of the page in dist/ (build it first: bash tools/build.sh).
// Drives the UI as a user would (fills inputs, clicks buttons) in headless Chromium and fails on
// any console error, page error or dialog. Screenshots go to test-results/.
//   node --test tests/e2e/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { serve } from "../../tools/serve.mjs";
import { dist, launchChromium, results, watchPage } from "./harness.mjs";
const XSS = "<img src=x onerror=alert(1)>";

describe("playground page", { timeout: 60_000 }, () => {
  let server;
  let browser;
  let page;
  const problems = []; // console errors, page errors and dialogs, from every page opened

  const watch = (p) => watchPage(p, problems);

  async function openPage(options) {
    const context = await browser.newContext({ locale: "en-US", ...options });
    const p = await context.newPage();
    watch(p);
    await p.goto(server.url);
    // window.playground is set before the page awaits anything.
    assert.equal(await p.evaluate(() => typeof window.playground?.ready?.then), "function");
    await p.evaluate(() => window.playground.ready.then(() => undefined));
    return p;
  }

  const byTestId = (id) => page.locator(`[data-testid="${id}"]`);
  const firstResult = (list) => ({
    word: byTestId(list).locator('[data-testid="result-word"]').first(),
    score: byTestId(list).locator('[data-testid="result-score"]').first(),
  });

  before(async () => {
    assert.ok(existsSync(`${dist}/index.html`) && existsSync(`${dist}/lib/playground_core.wasm`), "dist/ is missing: run bash tools/build.sh first");
    server = await serve(dist, 0);
    browser = await launchChromium();
    page = await openPage({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads the vectors and exposes them on window.playground", async () => {
    const info = await page.evaluate(() => ({ size: window.playground.vectors.size, dim: window.playground.vectors.dim, api: typeof window.playground.api?.loadVectors }));
    assert.deepEqual(info, { size: 10015, dim: 100, api: "function" });
    await byTestId("status-ready").waitFor();
  });

  test("nearest neighbours of cat: dog first with 0.8798", async () => {
    await byTestId("neighbours-input").fill("cat");
    await byTestId("neighbours-k").fill("10");
    await byTestId("neighbours-submit").click();
    const first = firstResult("neighbours-list");
    assert.equal(await first.word.textContent(), "dog");
    assert.equal(await first.score.textContent(), "0.8798");
    assert.equal(await byTestId("neighbours-list").locator("li").count(), 10);
    // Clicking a neighbour makes it the query.
    await byTestId("neighbours-list").locator("button").first().click();
    assert.equal(await byTestId("neighbours-input").inputValue(), "dog");
    assert.match(await byTestId("neighbours-result").locator("h3").textContent(), /nearest to dog/);
  });

  test("analogy man : king :: woman : ? gives queen", async () => {
    await byTestId("analogy-a").fill("man");
    await byTestId("analogy-b").fill("king");
    await byTestId("analogy-c").fill("woman");
    await byTestId("analogy-submit").click();
    assert.equal(await firstResult("analogy-list").word.textContent(), "queen");
    await byTestId("analogy-method-mul").check();
    assert.equal(await firstResult("analogy-list").word.textContent(), "queen");
    assert.match(await byTestId("analogy-result").textContent(), /3CosMul/);
  });

  test("HTML typed into a field is shown as text, never run", async () => {
    // A single-word field: the text comes back verbatim in the hint (it holds spaces).
    await byTestId("lookup-input").fill(XSS);
    await byTestId("lookup-input").press("Enter");
    assert.ok((await byTestId("lookup-result").textContent()).includes(`“${XSS}”`));
    // Without spaces it reaches the vocabulary check and is named as an unknown word.
    await byTestId("neighbours-input").fill("<img/src=x/onerror=alert(1)>");
    await byTestId("neighbours-submit").click();
    const unknown = byTestId("neighbours-result").locator('[data-testid="unknown-word"]');
    assert.equal(await unknown.textContent(), "<img/src=x/onerror=alert(1)> is not in the vocabulary.");
    // A list: the pieces are skipped as unknown words and listed as text.
    await byTestId("odd-input").fill(`cat, dog, ${XSS}`);
    await byTestId("odd-submit").click();
    assert.match(await byTestId("odd-result").textContent(), /<img/);
    assert.equal(await page.locator("img").count(), 0);
    assert.equal(await byTestId("lookup-input").inputValue(), XSS, "the input keeps what was typed");
  });

  test("unknown words: a clear message and working did-you-mean buttons", async () => {
    await byTestId("neighbours-input").fill("kedi");
    await byTestId("neighbours-submit").click();
    const result = byTestId("neighbours-result");
    assert.match(await result.locator('[data-testid="unknown-word"]').textContent(), /kedi is not in the vocabulary/);
    assert.ok((await result.locator('[data-testid="suggestion"]').count()) > 0);
    assert.equal(await byTestId("neighbours-input").inputValue(), "kedi");

    // "Kitten" is lower-cased (and says so), so it is found.
    await byTestId("neighbours-input").fill("Kitten");
    await byTestId("neighbours-submit").click();
    assert.match(await result.textContent(), /Lower-cased: Kitten → kitten/);
    assert.match(await result.locator("h3").textContent(), /nearest to kitten/);

    // A misspelling gets "kitten" as a suggestion; clicking it fills it in and gives results.
    await byTestId("neighbours-input").fill("kiten");
    await byTestId("neighbours-submit").click();
    const suggestion = result.locator('[data-testid="suggestion"]', { hasText: /^kitten$/ });
    await suggestion.click();
    assert.equal(await byTestId("neighbours-input").inputValue(), "kitten");
    assert.equal(await byTestId("neighbours-list").locator("li").count(), 10);

    // Turkish letters and emoji: "not in the vocabulary", with the reason.
    await byTestId("neighbours-input").fill("köpek");
    await byTestId("neighbours-submit").click();
    assert.match(await result.textContent(), /köpek is not in the vocabulary.*English words only/);
    await byTestId("neighbours-input").fill("🐱");
    await byTestId("neighbours-submit").click();
    assert.match(await result.textContent(), /🐱 is not in the vocabulary/);
    // An empty field gives a hint, not an error.
    await byTestId("neighbours-input").fill("   ");
    await byTestId("neighbours-submit").click();
    assert.match(await result.textContent(), /Type a word first/);
  });

  test("autocomplete suggests vocabulary words by prefix", async () => {
    await byTestId("lookup-input").fill("");
    await byTestId("lookup-input").pressSequentially("kitt");
    const list = byTestId("panel-lookup").locator('[data-testid="autocomplete-list"]');
    await list.waitFor();
    assert.equal(await list.locator('[role="option"]').first().locator(".ac-word").textContent(), "kitten");
    await byTestId("lookup-input").press("ArrowDown");
    await byTestId("lookup-input").press("Enter");
    assert.equal(await byTestId("lookup-word").textContent(), "kitten");
  });

  test("PCA preset: one point per word and the explained variance", async () => {
    await byTestId("pca-clear").click();
    await byTestId("pca-preset-animals").click();
    assert.equal(await byTestId("pca-preset-animals").getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator('[data-testid="pca-map"] [data-testid="pca-point"]').count(), 17);
    const variance = await byTestId("pca-variance").textContent();
    assert.match(variance, /Explained variance:.*PC1\s*\d+\.\d%.*PC2\s*\d+\.\d%.*total\s*\d+\.\d%/);
    // Combining presets colours points by group and shows a legend.
    await byTestId("pca-preset-fruit").click();
    assert.equal(await page.locator('[data-testid="pca-point"]').count(), 17 + 12);
    assert.equal(await byTestId("pca-legend").locator("li").count(), 2);
    // Zoom and reset do not break anything.
    await byTestId("pca-zoom-in").click();
    await byTestId("pca-reset").click();
  });

  test("the TR/EN toggle switches the language", async () => {
    const heading = byTestId("neighbours-title");
    assert.equal(await heading.textContent(), "Nearest neighbours");
    await byTestId("lang-tr").click();
    assert.equal(await heading.textContent(), "En yakın komşular");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "tr");
    assert.equal(await page.locator("h1").textContent(), "Gömme ve Tokenizer Oyun Alanı");
    await byTestId("lang-en").click();
    assert.equal(await heading.textContent(), "Nearest neighbours");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  });

  test("screenshots: desktop and a 375 px phone", async () => {
    mkdirSync(results, { recursive: true });
    // Back to tidy example results for the picture.
    await byTestId("panel-lookup").getByRole("button", { name: "coffee", exact: true }).click();
    await byTestId("panel-neighbours").getByRole("button", { name: "cat", exact: true }).click();
    await byTestId("panel-odd").getByRole("button", { name: "breakfast, cereal, dinner, lunch" }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${results}/page.png`, fullPage: true });

    const phone = await openPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.waitForFunction(() => performance.getEntriesByName("playground:examples-shown").length > 0);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the phone layout is ${overflow}px wider than the screen`);
    await phone.screenshot({ path: `${results}/page-phone.png`, fullPage: true });
    await phone.context().close();
  });

  test("a failed download is explained on the page and rejects ready", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const broken = await context.newPage();
    await broken.route("**/assets/*.bin", (route) => route.fulfill({ status: 404, body: "not found" }));
    const pageErrors = [];
    broken.on("pageerror", (error) => pageErrors.push(error.message));
    await broken.goto(server.url);
    const outcome = await broken.evaluate(() => window.playground.ready.then(() => "resolved", (error) => `${error.name} ${error.code}`));
    assert.equal(outcome, "PlaygroundError FETCH_FAILED");
    const text = await broken.locator('[data-testid="load-error"]').textContent();
    assert.match(text, /The word vectors \(assets\/glove-6b-100d-10k\.bin\) did not load/);
    assert.match(text, /404/);
    assert.match(text, /What to do/);
    assert.deepEqual(pageErrors, [], "no uncaught errors or unhandled rejections");
    await context.close();
  });

  test("no console errors, page errors or dialogs", () => {
    assert.deepEqual(problems, []);
  });
});
