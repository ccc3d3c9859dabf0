// tools/serve.mjs, what the start command runs: bad request paths get an answer instead of
// killing the server, and no path reaches outside the served folder (issue 6, defect 10).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveRequest, serve } from "../../tools/serve.mjs";

let parent;
let server;

/** GET `path` exactly as given (no URL normalisation): { status, body }. */
function get(path) {
  return new Promise((done, fail) => {
    const url = new URL(server.url);
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

before(async () => {
  // A served folder "dist" and a sibling whose name starts with it, "dist-secret".
  parent = mkdtempSync(join(tmpdir(), "serve-test-"));
  mkdirSync(join(parent, "dist", "sub"), { recursive: true });
  mkdirSync(join(parent, "dist-secret"));
  writeFileSync(join(parent, "dist", "index.html"), "<!doctype html><title>home</title>");
  writeFileSync(join(parent, "dist", "sub", "a b.txt"), "spaced");
  writeFileSync(join(parent, "dist-secret", "x"), "SECRET");
  writeFileSync(join(parent, "outside.txt"), "OUTSIDE");
  server = await serve(join(parent, "dist"), 0);
});

after(async () => {
  await server?.close();
  rmSync(parent, { recursive: true, force: true });
});

test("a path that cannot be decoded (GET /%) is a 400, and the server keeps answering", async () => {
  for (const path of ["/%", "/%E0%A4%A", "/a%zz", "/%c0%af"]) {
    const { status } = await get(path);
    assert.equal(status, 400, path);
  }
  const { status, body } = await get("/");
  assert.equal(status, 200);
  assert.match(body, /home/);
});

test("no path reaches a sibling folder whose name starts with the served folder's", async () => {
  for (const path of ["/..%2fdist-secret/x", "/..%2Fdist-secret%2Fx", "/%2e%2e/dist-secret/x", "/..%5cdist-secret/x", "/..%2f..%2foutside.txt", "/..%2foutside.txt"]) {
    const { status, body } = await get(path);
    assert.ok(status === 403 || status === 404, `${path}: ${status}`);
    assert.doesNotMatch(body, /SECRET|OUTSIDE/, path);
  }
});

test("files inside are served, encoded names decoded", async () => {
  assert.deepEqual(await get("/sub/a%20b.txt"), { status: 200, body: "spaced" });
  assert.equal((await get("/nope.txt")).status, 404);
  assert.equal((await get("/sub/../index.html")).status, 200);
});

test("resolveRequest compares with a trailing separator", () => {
  const base = "/srv/dist";
  assert.equal(resolveRequest(base, "/a/b.js"), "/srv/dist/a/b.js");
  assert.equal(resolveRequest(base, "/"), "/srv/dist");
  assert.equal(typeof resolveRequest(base, "/..%2fdist-secret/x"), "symbol");
  assert.equal(typeof resolveRequest(base, "/..%2fdistx/y"), "symbol");
  assert.equal(resolveRequest(base, "/..%2fdist/a"), "/srv/dist/a");
  assert.equal(resolveRequest(base, "/%"), null);
  assert.equal(resolveRequest(base, "/a%00b"), null);
});
