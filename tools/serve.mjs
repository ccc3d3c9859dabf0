#!/usr/bin/env node
// A small static file server for dist/ (or the folder given), on 127.0.0.1 only.
//   node tools/serve.mjs [folder] [--port N]     (PORT env also works; default 8080, next free if taken)
// Also imported by the browser tests and benchmarks: serve(folder, port) -> { url, close }.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

export function serve(folder, port = 0) {
  const base = resolve(folder);
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    path = normalize(join(base, path));
    if (!path.startsWith(base)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, "index.html");
      const size = statSync(path).size;
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "content-length": size, "cache-control": "no-cache" });
      if (req.method === "HEAD") res.end();
      else createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
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
