// The page's Content-Security-Policy (a <meta http-equiv>, kept by static hosts): scripts only
// from the site, WebAssembly under 'wasm-unsafe-eval', no inline script, no plugins, no <base>.
// The page, its worker and its WebAssembly core must load and work under it with not a single
// violation; a control shows that an inline script is indeed refused (so the listener works).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dist, startSite, watchPage } from "./harness.mjs";

/** Records securitypolicyviolation events of every document of the context in window.__csp. */
async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__csp.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

describe("content security policy", { timeout: 90_000 }, () => {
  let server;
  let browser;
  const problems = [];

  let site;
  before(async () => {
    site = await startSite();
    ({ server, browser } = site);
  });

  after(() => site?.close());

  test("the built page carries the policy in a meta element, before any script", () => {
    const html = readFileSync(`${dist}/index.html`, "utf8");
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    assert.ok(match, "no CSP meta element");
    assert.ok(match.index < html.indexOf("<script"), "the policy must come before the first script");
    const policy = Object.fromEntries(match[1].split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(policy["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(policy["object-src"], ["'none'"]);
    assert.deepEqual(policy["base-uri"], ["'none'"]);
    assert.ok(!match[1].includes("unsafe-inline") && !/'unsafe-eval'/.test(match[1]), match[1]);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "an inline <script> in index.html");
    assert.doesNotMatch(html, /\son[a-z]+="/, "an inline event handler in index.html");
  });

  test("the page, its tokenizer worker and the WebAssembly core run with no violation", async () => {
    const context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
    await recordViolations(context);
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(server.url);
    await page.evaluate(() => window.playground.ready.then(() => undefined));
    await page.waitForFunction(() => performance.getEntriesByName("playground:examples-shown").length > 0);
    await page.locator('[data-testid="tok-done"]').waitFor();
    // The tokens came from the worker, not from the fallback on the page's thread.
    assert.match(await page.locator('[data-testid="tok-status"]').textContent(), /background worker/);
    assert.equal(await page.evaluate(() => window.playground.tokenizers.kind), "worker");
    // Things that create URLs, images and styles at run time: the map's PNG and SVG exports,
    // another tokenizer's download, the words tokenizer (the worker loads the vectors too).
    await page.locator('[data-testid="pca-point"]').first().waitFor();
    for (const id of ["pca-export-png", "pca-export-svg"]) {
      const download = page.waitForEvent("download");
      await page.locator(`[data-testid="${id}"]`).click();
      await (await download).path();
    }
    await page.locator('[data-testid="tok-select"]').selectOption("words");
    await page.waitForFunction(() => /with Words \(GloVe\)/.test(document.querySelector('[data-testid="tok-status"]').textContent));
    await page.locator('[data-testid="tok-select"]').selectOption("cl100k_base");
    await page.waitForFunction(() => /tokens with GPT-3\.5/.test(document.querySelector('[data-testid="tok-status"]').textContent));
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("control: an inline script is refused, and the refusal is seen", async () => {
    const context = await browser.newContext();
    await recordViolations(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => window.playground.ready.then(() => undefined));
    const ran = await page.evaluate(async () => {
      window.__inlineRan = false;
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return window.__inlineRan;
    });
    assert.equal(ran, false);
    const violations = await page.evaluate(() => window.__csp);
    assert.equal(violations.length, 1, violations.join("\n"));
    assert.match(violations[0], /^script-src-elem blocked inline/);
    await context.close();
  });
});
