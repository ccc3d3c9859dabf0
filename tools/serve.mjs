#!/usr/bin/env node
// A small static file server for dist/ (or the folder given), on 127.0.0.1 only. It behaves like
// the static hosts the page is meant for (GitHub Pages and the like): text, JS, CSS and WASM are
// gzip-compressed when the browser accepts it, and every response has an ETag, so a second
// request for the same file (the tokenizer worker loading the library again) is a 304.
//   node tools/serve.mjs [folder] [--port N]     (PORT env also works; default 8080, next free if taken)
// Also imported by the browser tests and benchmarks: serve(folder, port) -> { url, close }.
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".bin": "application/octet-stream",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

// Compressed like GitHub Pages does; the binary assets (.bin) are sent as they are.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt", ".ts"]);

const FORBIDDEN = Symbol("forbidden");

/**
 * The file a request URL names inside `base` (an absolute folder): the decoded path resolved
 * against it. null for a URL that cannot be decoded (answer 400); FORBIDDEN for one that
 * resolves outside `base` — compared with a trailing separator, so that "/../dist-secret/x"
 * cannot reach a sibling folder whose name starts with the served folder's.
 */
export function resolveRequest(base, url) {
  let decoded;
  try {
    decoded = decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const path = resolve(base, `.${decoded}`);
  return path === base || path.startsWith(base.endsWith(sep) ? base : base + sep) ? path : FORBIDDEN;
}

export function serve(folder, port = 0) {
  const base = resolve(folder);
  const gzipped = new Map();  // path -> { etag, body }
  const gzipOf = (path, etag) => {
    const hit = gzipped.get(path);
    if (hit?.etag === etag) return hit.body;
    const body = gzipSync(readFileSync(path), { level: 6 });
    gzipped.set(path, { etag, body });
    return body;
  };
  const server = createServer((req, res) => {
    const path = resolveRequest(base, req.url);
    if (path === null) {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad request");
      return;
    }
    if (path === FORBIDDEN) {
      res.writeHead(403, { "content-type": "text/plain" }).end("forbidden");
      return;
    }
    serveFile(path, req, res);
  });
  function serveFile(requested, req, res) {
    let path = requested;
    try {
      if (statSync(path).isDirectory()) path = join(path, "index.html");
      const stat = statSync(path);
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      const headers = { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-cache", etag, vary: "accept-encoding" };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      if (COMPRESSIBLE.has(extname(path)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        const body = gzipOf(path, etag);
        res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      res.writeHead(200, { ...headers, "content-length": stat.size });
      if (req.method === "HEAD") res.end();
      else createReadStream(path).on("error", () => res.destroy()).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  }
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      done({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf("--port");
  let port = Number(portFlag >= 0 ? args[portFlag + 1] : process.env.PORT || 8080);
  const folder = args.find((a, i) => !a.startsWith("--") && i !== portFlag + 1) ?? "dist";
  for (let attempt = 0; ; attempt++) {
    try {
      const { url } = await serve(folder, port);
      console.log(`Serving ${folder}/ at ${url}  (Ctrl+C to stop)`);
      break;
    } catch (error) {
      if (error.code !== "EADDRINUSE" || attempt > 20) throw error;
      port += 1;
    }
  }
}
