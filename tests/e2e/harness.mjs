// What the browser tests share: where things are, how Chromium is started here (Debian's
// /usr/bin/chromium through playwright-core, which cannot download a browser of its own), and
// the watch that turns console errors, page errors and dialogs into test failures.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const dist = `${root}dist`;
export const results = `${root}test-results`;
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Debian's Chromium, headless. */
export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Records every console error, page error and dialog of `page` in `problems` (dialogs are dismissed). */
export function watchPage(page, problems) {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    await dialog.dismiss();
  });
}

/** Serves dist/ (which must be built) and starts Chromium: { server, browser, close() }. */
export async function startSite() {
  if (!existsSync(`${dist}/index.html`) || !existsSync(`${dist}/lib/playground_core.wasm`)) throw new Error("dist/ is missing: run bash tools/build.sh first");
  const { serve } = await import("../../tools/serve.mjs");
  const server = await serve(dist, 0);
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
