// Browser test of the tokenizer panels in dist/ (build it first: bash tools/build.sh, or
// node tools/build-site.mjs when only web/ changed). Drives the UI as a user would in headless
// Chromium and fails on any console error, page error or dialog. Screenshots go to test-results/.
//   node --test tests/e2e/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { serve } from "../../tools/serve.mjs";
import { dist, launchChromium, results, watchPage } from "./harness.mjs";

describe("tokenizer panels", { timeout: 90_000 }, () => {
  let server;
  let browser;
  let page;
  const problems = []; // console errors, page errors and dialogs, from every page opened
  const tokenizerRequests = []; // file names under assets/tokenizers/, in request order
  let vectorRequests = 0;

  const watch = (p) => watchPage(p, problems);

  async function openPage(options) {
    const context = await browser.newContext({ locale: "en-US", ...options });
    context.on("request", (request) => {
      const match = /\/assets\/tokenizers\/([^/?]+)$/.exec(request.url());
      if (match) tokenizerRequests.push(match[1]);
      if (request.url().endsWith("/assets/glove-6b-100d-10k.bin")) vectorRequests++;
    });
    const p = await context.newPage();
    watch(p);
    await p.goto(server.url);
    await p.evaluate(() => window.playground.ready.then(() => undefined));
    return p;
  }

  const byTestId = (id, p = page) => p.locator(`[data-testid="${id}"]`);
  const idsText = () => byTestId("tok-ids").textContent();
  const tokenCount = async () => Number((await byTestId("tok-count").textContent()).replace(/[^\d]/g, ""));

  /** Types `text` as the panel's text and waits until its tokens are shown. */
  async function encode(text) {
    const before = await page.evaluate(() => performance.getEntriesByName("playground:tokens-shown").length);
    await byTestId("tok-input").fill(text);
    await page.waitForFunction((n) => performance.getEntriesByName("playground:tokens-shown").length > n, before);
  }

  async function pick(name) {
    const before = await page.evaluate(() => performance.getEntriesByName("playground:tokens-shown").length);
    await byTestId("tok-select").selectOption(name);
    await page.waitForFunction((n) => performance.getEntriesByName("playground:tokens-shown").length > n, before);
  }

  before(async () => {
    assert.ok(existsSync(`${dist}/index.html`) && existsSync(`${dist}/assets/tokenizers/gpt2.bin`), "dist/ is missing: run bash tools/build.sh first");
    server = await serve(dist, 0);
    browser = await launchChromium();
    page = await openPage({ viewport: { width: 1280, height: 900 } });
    await byTestId("tok-done").waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the tokenizer comes first, with section links in the header", async () => {
    const order = await page.evaluate(() => [...document.querySelectorAll("main section.page-section")].map((s) => s.id));
    assert.deepEqual(order, ["tokens", "vectors"]);
    assert.equal(await byTestId("nav-tokens").getAttribute("href"), "#tokens");
    assert.equal(await byTestId("nav-vectors").getAttribute("href"), "#vectors");
    assert.equal(await page.evaluate(() => typeof window.playground.tokenizers?.encode), "function");
    assert.match(await byTestId("tok-status").textContent(), /tokens with GPT-2.*background worker/);
    // The words → vectors strip uses the page's vectors: they are downloaded once.
    await byTestId("strip-word").first().waitFor();
    assert.equal(vectorRequests, 1);
  });

  test("GPT-2: the course table, word by word, and the same words in one text", async () => {
    const table = { dog: "9703", cat: "9246", kitten: "74, 2621", apple: "18040", banana: "3820, 2271" };
    for (const [word, ids] of Object.entries(table)) {
      await encode(word);
      assert.equal(await idsText(), ids, word);
    }
    // In one text every word after the first carries its leading space: " cat" is 3797, not 9246.
    await encode("dog cat kitten apple banana");
    assert.equal(await idsText(), "9703, 3797, 42143, 17180, 25996");
    assert.equal(await tokenCount(), 5);
    assert.equal(await byTestId("tok-view").locator(".tok").count(), 5);
    assert.equal(await byTestId("tok-chars").textContent(), "27");
    assert.equal(await byTestId("tok-bytes").textContent(), "27");
    // The keyboard steps through the tokens, each described in the tooltip.
    await byTestId("tok-view").focus();
    await page.keyboard.press("ArrowRight");
    assert.match(await byTestId("token-tip").textContent(), /Token 2 of 5id3797text" cat"bytes20 63 61 74/);
    await page.keyboard.press("End");
    assert.match(await byTestId("token-tip").textContent(), /Token 5 of 5id25996/);
    await byTestId("tok-input").focus();
  });

  test("the o200k data is fetched only when o200k is picked", async () => {
    assert.ok(tokenizerRequests.includes("gpt2.bin"), "the default tokenizer was fetched");
    assert.ok(!tokenizerRequests.includes("o200k_base.bin"), `o200k was fetched before it was picked: ${tokenizerRequests}`);
    assert.ok(!tokenizerRequests.includes("llama3.bin"));
    await pick("o200k_base");
    assert.ok(tokenizerRequests.includes("o200k_base.bin"));
    assert.equal(await idsText(), "30146, 9059, 114502, 30366, 60252");
  });

  test("cl100k_base: hello world", async () => {
    await pick("cl100k_base");
    await encode("hello world");
    assert.equal(await idsText(), "15339, 1917");
    assert.equal(await tokenCount(), 2);
  });

  test("an emoji split over two GPT-2 tokens is drawn once, with each piece's bytes", async () => {
    await pick("gpt2");
    await encode("👋");
    assert.equal(await idsText(), "41840, 233");
    const view = byTestId("tok-view");
    const pieces = view.locator(".tok");
    assert.equal(await pieces.count(), 2);
    assert.equal(await view.locator('[data-testid="token-split"]').count(), 1);
    assert.deepEqual(await pieces.allTextContents(), ["F0 9F 91", "8B"]);
    // Layout: both pieces have a size, sit on one line, and nothing overflows the view.
    const boxes = await pieces.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    assert.ok(boxes.every((b) => b.width > 4 && b.height > 4));
    assert.ok(Math.abs(boxes[0].top - boxes[1].top) < 2);
    assert.ok(await view.evaluate((el) => el.scrollWidth <= el.clientWidth));
    // Hovering a piece shows its id, its JSON-escaped text and its bytes in hex.
    await pieces.first().hover();
    const tip = await byTestId("token-tip").textContent();
    assert.match(tip, /id41840/);
    assert.match(tip, /bytesF0 9F 91/);
    assert.match(tip, /text"\\xF0\\x9F\\x91"/);
    assert.match(tip, /Part of “👋”/);
  });

  test("whitespace can be made visible, and typed \\n can be read as a newline", async () => {
    await encode("a b\\nc");
    assert.match(await byTestId("tok-notes").textContent(), /typed as two characters/);
    await byTestId("tok-escapes").check();
    await page.waitForFunction(() => document.querySelector('[data-testid="tok-ids"]').textContent.includes("198"));
    assert.equal(await idsText(), "64, 275, 198, 66");
    assert.match(await byTestId("tok-notes").textContent(), /Read one escape/);
    await byTestId("tok-ws").check();
    assert.equal(await byTestId("tok-view").locator(".ws").allTextContents().then((marks) => marks.join("")), "·↵");
    await byTestId("tok-escapes").uncheck();
    await byTestId("tok-ws").uncheck();
  });

  test("special tokens: text unless asked for, and the page says which", async () => {
    await encode("<|endoftext|>");
    assert.match(await byTestId("tok-special-note").textContent(), /encoded as ordinary text.*special token 50256/);
    assert.ok((await tokenCount()) > 1);
    await byTestId("tok-special").check();
    await page.waitForFunction(() => document.querySelector('[data-testid="tok-ids"]').textContent === "50256");
    assert.match(await byTestId("tok-special-note").textContent(), /recognized as the special token 50256/);
    await byTestId("tok-special").uncheck();
  });

  test("the decode box: ids to text, and a clear message for bad ids", async () => {
    await byTestId("decode-input").fill("9703");
    await byTestId("decode-submit").click();
    await byTestId("decode-text").waitFor();
    assert.equal(await byTestId("decode-text").textContent(), "dog");
    await byTestId("decode-input").fill("[9703, 3797, 42143]");
    await byTestId("decode-submit").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="decode-text"]')?.textContent === "dog cat kitten");
    await byTestId("decode-input").fill("abc");
    await byTestId("decode-submit").click();
    await byTestId("decode-error").waitFor();
    assert.match(await byTestId("decode-error").textContent(), /Entry 1 is “abc”, which is not a token id/);
    await byTestId("decode-input").fill("9703, 99999");
    await byTestId("decode-submit").click();
    await page.waitForFunction(() => /Entry 2 is 99999/.test(document.querySelector('[data-testid="decode-error"]')?.textContent));
    assert.match(await byTestId("decode-error").textContent(), /from 0 to 50,256/);
  });

  test("HTML and lone surrogates are shown as text; empty text gets a hint", async () => {
    await encode('<img src=x onerror="alert(1)"><b>bold</b>');
    assert.equal(await page.locator("#tokens img, #tokens b").count(), 0);
    assert.match(await byTestId("tok-view").textContent(), /<img src=x/);
    // A lone surrogate is encoded as U+FFFD, as tiktoken does.
    const before = await page.evaluate(() => performance.getEntriesByName("playground:tokens-shown").length);
    await byTestId("tok-input").evaluate((el) => {
      el.value = "a\ud800b";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction((n) => performance.getEntriesByName("playground:tokens-shown").length > n, before);
    assert.equal(await idsText(), "64, 4210, 65");
    await byTestId("tok-input").fill("");
    await page.waitForFunction(() => /The text is empty/.test(document.querySelector('[data-testid="tok-notes"]').textContent));
  });

  test("compare: the Turkish sample in every tokenizer, GPT-2 needing far more than o200k", async () => {
    await byTestId("cmp-sample-tr").click();
    const names = ["gpt2", "p50k_base", "cl100k_base", "o200k_base", "llama3"];
    await page.waitForFunction(
      (list) => list.every((n) => /^\d[\d,]*$/.test(document.querySelector(`[data-testid="cmp-row-${n}"] [data-testid="cmp-tokens"]`)?.textContent ?? "")),
      names,
      { timeout: 30_000 },
    );
    const counts = {};
    for (const name of names) counts[name] = Number((await byTestId(`cmp-row-${name}`).locator('[data-testid="cmp-tokens"]').textContent()).replace(/,/g, ""));
    assert.ok(counts.gpt2 > counts.o200k_base * 1.5, JSON.stringify(counts));
    assert.ok(names.every((n) => counts[n] > 0));
    // The panel shows the same text.
    assert.match(await byTestId("tok-input").inputValue(), /^Yapay zekâ/);
    assert.equal(await tokenCount(), counts.gpt2);
  });

  test("words meet vectors: missing words are dashed, a click shows neighbours", async () => {
    await pick("words");
    await encode("The kedi and the kitten");
    const view = byTestId("tok-view");
    const kedi = view.locator(".tok", { hasText: /^kedi$/ });
    assert.match(await kedi.getAttribute("class"), /tok-missing/);
    await kedi.hover();
    assert.match(await byTestId("token-tip").textContent(), /Not in the vector set/);
    await view.locator(".tok", { hasText: /^kitten$/ }).click();
    const neighbours = await byTestId("tok-nb-word").allTextContents();
    assert.ok(neighbours.includes("puppy") || neighbours.includes("kittens"), neighbours.join(", "));
    // The full neighbours panel can take over.
    await byTestId("tok-nb-open").click();
    assert.equal(await byTestId("neighbours-input").inputValue(), "kitten");
    await byTestId("neighbours-list").waitFor();
    // Under another tokenizer the same words appear in the words → vectors strip.
    await pick("gpt2");
    await byTestId("strip-missing").filter({ hasText: /^kedi$/ }).waitFor();
    await byTestId("strip-word").filter({ hasText: /^kitten$/ }).click();
    assert.ok((await byTestId("tok-nb-word").allTextContents()).length > 0);
  });

  test("a megabyte of text: the page stays responsive and the counts cover it all", async () => {
    const big = "Merhaba dünya, the quick brown fox 42! ".repeat(25_700).slice(0, 1_000_000);
    const shown = await page.evaluate(() => performance.getEntriesByName("playground:tokens-shown").length);
    await page.evaluate(() => {
      window.__clickedAt = 0;
      document.querySelector('[data-testid="nav-tokens"]').addEventListener("click", () => (window.__clickedAt = performance.now()), { once: true });
    });
    await byTestId("tok-input").fill(big);
    // While the worker encodes, a click is handled at once.
    await page.waitForFunction(() => /Encoding/.test(document.querySelector('[data-testid="tok-status"]').textContent), null, { polling: 20 });
    const started = Date.now();
    const requestedAt = await page.evaluate(() => performance.now());
    await byTestId("nav-tokens").click();
    const clickedAt = await page.evaluate(() => window.__clickedAt);
    assert.ok(clickedAt > 0 && clickedAt - requestedAt < 1000, `the click was handled after ${clickedAt - requestedAt} ms`);
    assert.ok(Date.now() - started < 1500);
    await page.waitForFunction((n) => performance.getEntriesByName("playground:tokens-shown").length > n, shown, { timeout: 30_000 });
    assert.equal(await byTestId("tok-chars").textContent(), "1,000,000");
    assert.ok((await tokenCount()) > 200_000);
    assert.match(await byTestId("token-hidden-note").textContent(), /Showing the first 5,000 of/);
    assert.equal(await byTestId("tok-view").locator(".tok").count(), 5000);
    await byTestId("token-show-more").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tok-view"] .tok').length === 10_000);
  });

  test("the text and the tokenizer survive a reload (sessionStorage)", async () => {
    await pick("cl100k_base");
    await encode("hello world");
    await page.reload();
    await page.evaluate(() => window.playground.ready.then(() => undefined));
    await byTestId("tok-done").waitFor();
    assert.ok((await byTestId("tok-input").inputValue()) === "hello world", "the text typed last is back");
    assert.equal(await byTestId("tok-select").inputValue(), "cl100k_base");
    assert.equal(await idsText(), "15339, 1917");
  });

  test("without Web Workers the panel still works, on the page's thread", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    await context.addInitScript(() => {
      delete window.Worker;
    });
    const p = await context.newPage();
    watch(p);
    await p.goto(server.url);
    await byTestId("tok-done", p).waitFor();
    assert.match(await byTestId("tok-status", p).textContent(), /on the page's thread/);
    await byTestId("tok-input", p).fill("hello world");
    await p.waitForFunction(() => document.querySelector('[data-testid="tok-ids"]').textContent === "31373, 995");
    await context.close();
  });

  test("a tokenizer whose data cannot be downloaded is explained, and the page goes on", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    await context.route("**/assets/tokenizers/o200k_base.bin", (route) => route.fulfill({ status: 404, body: "not found" }));
    const p = await context.newPage();
    watch(p);
    await p.goto(server.url);
    await byTestId("tok-done", p).waitFor();
    await byTestId("tok-select", p).selectOption("o200k_base");
    await p.waitForFunction(() => /could not be used.*404/.test(document.querySelector('[data-testid="tok-notes"]').textContent));
    assert.match(await byTestId("tok-notes", p).textContent(), /The GPT-4o · o200k_base tokenizer could not be used: Could not (download|read) \S*o200k_base\.bin/);
    // Another tokenizer still works.
    await byTestId("tok-select", p).selectOption("cl100k_base");
    await byTestId("tok-input", p).fill("hello world");
    await p.waitForFunction(() => document.querySelector('[data-testid="tok-ids"]').textContent === "15339, 1917");
    await context.close();
  });

  test("Llama 3: BOS on request, drawn as a token of its own", async () => {
    await pick("llama3");
    await encode("Hello, y'all! How are you 😁 ?");
    assert.equal(await idsText(), "9906, 11, 379, 65948, 0, 2650, 527, 499, 27623, 223, 949");
    await byTestId("tok-bos").check();
    await page.waitForFunction(() => document.querySelector('[data-testid="tok-ids"]').textContent.startsWith("128000, 9906"));
    assert.equal(await byTestId("tok-view").locator(".tok").first().textContent(), "<|begin_of_text|>");
    await byTestId("tok-bos").uncheck();
  });

  test("screenshots: desktop (English) and a 375 px phone (Turkish)", async () => {
    mkdirSync(results, { recursive: true });
    await pick("gpt2");
    await byTestId("cmp-sample-en").click();
    await page.waitForFunction(() => /^\d/.test(document.querySelector('[data-testid="cmp-row-llama3"] [data-testid="cmp-tokens"]').textContent));
    // The comparison follows the panel's text from now on.
    await byTestId("tok-examples").getByRole("button", { name: "Sample text" }).click();
    await byTestId("tok-ws").check();
    await byTestId("strip-word").filter({ hasText: /^kitten$/ }).click();
    await page.waitForFunction(() => /^\d/.test(document.querySelector('[data-testid="cmp-row-llama3"] [data-testid="cmp-tokens"]').textContent));
    await byTestId("tok-view").locator(".tok-piece").first().hover();
    await page.locator("#tokens").screenshot({ path: `${results}/tokenizer.png` });
    await byTestId("tok-ws").uncheck();

    const phone = await openPage({ locale: "tr-TR", viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await byTestId("tok-done", phone).waitFor();
    assert.equal(await byTestId("tok-select", phone).inputValue(), "gpt2");
    assert.match(await byTestId("tok-input", phone).inputValue(), /^Köpek/, "the Turkish sample text");
    assert.match(await byTestId("tok-status", phone).textContent(), /token/);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the phone layout is ${overflow}px wider than the screen`);
    await phone.locator("#tokens").screenshot({ path: `${results}/tokenizer-phone.png` });
    await phone.context().close();
  });

  test("no console errors, page errors or dialogs", () => {
    assert.deepEqual(problems, []);
  });
});
