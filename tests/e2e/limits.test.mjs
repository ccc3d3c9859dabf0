// What a hostile or careless visitor can throw at the page (issue 6, defects 7, 11 and 12):
// a 2 MB word is quoted as a short prefix, never put into the page whole; a text of megabytes
// from a file or a paste is never put into the textarea (Chromium's own <textarea> needs
// seconds for it) but shown read-only in a virtualised view, and the text box keeps what it
// held; the address's options are read in any case and what is not understood is said.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSite, watchPage } from "./harness.mjs";
import { PANEL_IDS } from "../../web/embed.js";

describe("limits", { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  const problems = [];
  const byTestId = (id, p = page) => p.locator(`[data-testid="${id}"]`);

  async function openPage(path = "", options = {}) {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 }, ...options });
    const p = await context.newPage();
    watchPage(p, problems);
    await p.goto(`${server.url}${path}`);
    await p.evaluate(() => window.playground.ready.then(() => undefined));
    return p;
  }

  const tokensShown = (p = page) => p.evaluate(() => performance.getEntriesByName("playground:tokens-shown").length);
  const waitTokensShown = (before, p = page) => p.waitForFunction((n) => performance.getEntriesByName("playground:tokens-shown").length > n, before, { timeout: 60_000 });

  let site;
  before(async () => {
    site = await startSite();
    ({ server, browser } = site);
    page = await openPage();
    await byTestId("tok-done").waitFor();
  });

  after(() => site?.close());

  test("a 2 MB unknown word is quoted as a short prefix, and the input keeps it whole", async () => {
    const word = "x".repeat(2_000_000);
    await byTestId("neighbours-input").fill(word);
    await byTestId("neighbours-submit").click();
    const unknown = byTestId("neighbours-result").locator('[data-testid="unknown-word"]');
    await unknown.waitFor();
    const text = await unknown.textContent();
    assert.ok(text.length < 200, `the message is ${text.length} characters long`);
    assert.match(text, /^x+… is not in the vocabulary\.$/);
    assert.equal((await byTestId("neighbours-input").inputValue()).length, 2_000_000);
    // The longest text node anywhere in the page's results stays short.
    const longest = await page.evaluate(() => {
      let max = 0;
      const walker = document.createTreeWalker(document.querySelector("#panels"), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) max = Math.max(max, walker.currentNode.data.length);
      return max;
    });
    assert.ok(longest < 1000, `a text node of ${longest} characters`);
    // Lists too: the skipped word is quoted short.
    await byTestId("odd-input").fill(`cat, dog, ${"y".repeat(500_000)}`);
    await byTestId("odd-submit").click();
    const skipped = await byTestId("odd-result").locator('[data-testid="skipped"]').textContent();
    assert.ok(skipped.length < 300, skipped.slice(0, 300));
    await byTestId("neighbours-input").fill("cat");
    await byTestId("odd-input").fill("breakfast, cereal, dinner, lunch");
  });

  test("a 5 MB text file opens read-only beside the text box, which keeps its text", async () => {
    await byTestId("tok-input").fill("hello world");
    await waitTokensShown(await tokensShown());
    const line = "Merhaba dünya, the quick brown fox jumps over the lazy dog 42! ";
    const text = line.repeat(Math.ceil(5_000_000 / line.length)).slice(0, 5_000_000);
    const before = await tokensShown();
    // A file on disk, as a visitor picks one (Chromium reads it; a buffer would be decoded by script in the page).
    const dir = mkdtempSync(join(tmpdir(), "limits-"));
    writeFileSync(join(dir, "big.txt"), text);
    await byTestId("tok-file").setInputFiles(join(dir, "big.txt"));
    await waitTokensShown(before);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(await byTestId("tok-chars").textContent(), "5,000,000");
    assert.equal(await byTestId("tok-bytes").textContent(), Buffer.byteLength(text).toLocaleString("en-US"));
    // Not in the textarea: it still holds what was typed, and is hidden meanwhile.
    assert.equal(await byTestId("tok-input").inputValue(), "hello world");
    assert.equal(await byTestId("tok-input").isVisible(), false);
    assert.match(await byTestId("tok-large-note").textContent(), /big\.txt: 5,000,000 characters \(5\.\d MB\)/);
    // Virtualised: a few dozen rows in the document, whatever the length.
    const view = byTestId("tok-large-view");
    const rows = await view.locator(".text-view-row").count();
    assert.ok(rows > 5 && rows < 150, `${rows} rows drawn`);
    assert.ok(text.startsWith(await view.locator(".text-view-row").first().textContent()));
    // Scrolling to the end draws the end.
    await view.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction((tail) => {
      const drawn = document.querySelectorAll('[data-testid="tok-large-view"] .text-view-row');
      const last = drawn[drawn.length - 1]?.textContent ?? "";
      return last.length > 0 && tail.endsWith(last);
    }, text.slice(-1000));
    assert.ok((await view.locator(".text-view-row").count()) < 150);
    // Back to the text box: the typed text again, encoded.
    const again = await tokensShown();
    await byTestId("tok-large-back").click();
    await waitTokensShown(again);
    assert.equal(await byTestId("tok-input").isVisible(), true);
    assert.equal(await byTestId("tok-ids").textContent(), "31373, 995");
    assert.equal(await byTestId("tok-large").isVisible(), false);
  });

  test("a pasted megabyte goes to the read-only view, not into the textarea", async () => {
    const pasted = "Pasted text, long enough. ".repeat(50_000);
    const before = await tokensShown();
    const defaultPrevented = await byTestId("tok-input").evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      el.dispatchEvent(event);
      return event.defaultPrevented;
    }, pasted);
    assert.equal(defaultPrevented, true);
    await waitTokensShown(before);
    assert.equal(await byTestId("tok-chars").textContent(), pasted.length.toLocaleString("en-US"));
    assert.equal(await byTestId("tok-input").inputValue(), "hello world");
    assert.match(await byTestId("tok-large-note").textContent(), /The pasted text: 1,300,000 characters/);
    // A short paste is the textarea's as usual.
    const small = await byTestId("tok-input").evaluate((el) => {
      const data = new DataTransfer();
      data.setData("text/plain", "short");
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      el.dispatchEvent(event);
      return event.defaultPrevented;
    });
    assert.equal(small, false);
    await byTestId("tok-large-back").click();
  });

  test("a file too large is refused with a message, and the text stays", async () => {
    const before = await byTestId("tok-input").inputValue();
    await byTestId("tok-file").setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(17_000_000, 97) });
    await page.waitForFunction(() => /huge\.txt is 17\.0 MB: the page opens text files of up to 16\.0 MB/.test(document.querySelector('[data-testid="tok-notes"]').textContent));
    assert.equal(await byTestId("tok-input").inputValue(), before);
  });

  test("panel names in any case; names not understood are reported; embed= (empty) is not embed mode", async () => {
    const p = await openPage("?panels=TOK,Pca,nope&embed=&lang=EN");
    const visible = await p.evaluate((ids) => ids.filter((id) => document.getElementById(`panel-${id}`)?.offsetParent !== null), PANEL_IDS);
    assert.deepEqual(visible, ["tok", "pca"]);
    assert.equal(await p.evaluate(() => document.documentElement.classList.contains("embedded")), false);
    assert.equal(await p.locator(".site-header").isVisible(), true);
    const notice = byTestId("url-notice", p);
    assert.equal(await notice.isVisible(), true);
    assert.match(await notice.textContent(), /panels this page does not have: “nope”\. The panel names are: tok, cmp, lookup/);
    // The notice follows the language, and is there in embed mode too.
    await byTestId("lang-tr", p).click();
    assert.match(await notice.textContent(), /Adres bu sayfada olmayan/);
    await p.context().close();

    const embedded = await openPage("?embed=1&panels=foo&lang=de");
    assert.equal(await embedded.evaluate(() => document.documentElement.classList.contains("embedded")), true);
    const shown = await embedded.evaluate((ids) => ids.filter((id) => document.getElementById(`panel-${id}`)?.offsetParent !== null), PANEL_IDS);
    assert.deepEqual(shown, PANEL_IDS, "nothing understood: every panel is shown");
    const text = await byTestId("url-notice", embedded).textContent();
    assert.match(text, /“foo”/);
    assert.match(text, /lang=“de”, which was not understood/);
    await embedded.context().close();

    const plain = await openPage("?lang=tr");
    assert.equal(await byTestId("url-notice", plain).isVisible(), false);
    await plain.context().close();
  });

  test("no console errors, page errors or dialogs", () => {
    assert.deepEqual(problems, []);
  });
});
