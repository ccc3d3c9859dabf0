// Embedding: index.html?embed=1&panels=…&lang=… shows only the chosen panels, without the page's
// header and footer, in the chosen language, inside an <iframe> of another page. (How the
// options are read: tests/web/embed.test.mjs.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { serve } from "../../tools/serve.mjs";
import { PANEL_IDS } from "../../web/embed.js";
import { dist, launchChromium, results, root, watchPage } from "./harness.mjs";
let server;
let browser;
const problems = [];

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), "dist/ is missing: run bash tools/build.sh first");
  // A course page that embeds the analogy panel in Turkish.
  writeFileSync(`${dist}/embed-example.html`, '<!doctype html><title>Course</title><link rel="icon" href="data:,"><h1>Week 3</h1><iframe title="Analogy" src="index.html?embed=1&amp;panels=analogy&amp;lang=tr" width="700" height="900"></iframe>');
  server = await serve(dist, 0);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(`${dist}/embed-example.html`, { force: true });  // dist/ is what gets deployed
  assert.deepEqual(problems, []);
});

test("the site works under a sub-path, as on GitHub Pages (https://user.github.io/repo/)", async () => {
  // Serve the folder above dist/, so the page lives at /dist/ instead of the root.
  const parent = await serve(root, 0);
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  watchPage(page, problems);
  try {
    await page.goto(`${parent.url}dist/index.html`);
    await page.evaluate(() => window.playground.ready);
    assert.equal(await page.evaluate(() => window.playground.vectors.nearest("cat", 1)[0].word), "dog");
    assert.deepEqual(failed, []);
  } finally {
    await context.close();
    await parent.close();
  }
});

test("an iframe shows only the analogy panel, in Turkish, and it answers", async () => {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  watchPage(page, problems);
  await page.goto(`${server.url}embed-example.html`);
  const frame = page.frameLocator("iframe");
  const inner = await (await page.waitForSelector("iframe")).contentFrame();
  await inner.waitForFunction(() => window.playground?.ready);
  await inner.evaluate(() => window.playground.ready);
  assert.equal(await inner.evaluate(() => document.documentElement.lang), "tr");
  const visible = await inner.evaluate((ids) => ids.filter((id) => { const el = document.getElementById(`panel-${id}`); return el && el.offsetParent !== null; }), PANEL_IDS);
  assert.deepEqual(visible, ["analogy"]);
  assert.equal(await frame.locator(".site-header").isVisible(), false);
  assert.equal(await frame.locator(".site-footer").isVisible(), false);
  // The panel shows its example (man : king :: woman : ?) with queen first.
  await frame.locator('[data-testid="panel-analogy"]').getByText("queen").first().waitFor();
  await page.screenshot({ path: `${results}/embed.png` });
  await context.close();
});
