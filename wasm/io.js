// Reading the bytes of an asset from what a caller gives: bytes as they are, a URL or path read
// with fs in Node (file: URLs) and with fetch elsewhere. One function for vectors, tokenizers
// and the WebAssembly module, so every source behaves the same and every failure to read is a
// PlaygroundError with code FETCH_FAILED.
import { badArgument, clip, describe, PlaygroundError } from "./errors.js";

export const IS_NODE = typeof process === "object" && typeof process.versions?.node === "string" && typeof window === "undefined";

/** `source` (string or URL) as a URL, relative to the page in a browser and to the working directory in Node. */
export function toUrl(source) {
  if (source instanceof URL) return source;
  const base = typeof document === "object" && document.baseURI ? document.baseURI : IS_NODE ? `file://${process.cwd()}/` : import.meta.url;
  try {
    return new URL(source, base);
  } catch {
    throw badArgument(`${describe(source)} is not a valid URL or path.`);
  }
}

const fetchFailed = (url, why) =>
  new PlaygroundError(`Could not ${url.protocol === "file:" ? "read" : "download"} ${clip(url.href)}: ${why}`, { code: "FETCH_FAILED" });

/** Reads a URL into bytes: fs for file: URLs in Node, fetch otherwise, with progress. */
async function readUrl(url, onProgress) {
  if (IS_NODE && url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    let bytes;
    try {
      bytes = new Uint8Array(await readFile(url));
    } catch (error) {
      throw fetchFailed(url, `${clip(error.message, 160)}. Check the path.`);
    }
    onProgress?.(bytes.length, bytes.length);
    return bytes;
  }
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw fetchFailed(url, `${clip(error.message, 160)}. Check the address and your connection.`);
  }
  if (!response.ok) throw fetchFailed(url, `the server answered ${response.status} ${response.statusText}.`);
  const total = Number(response.headers.get("content-length")) || 0;
  const brokeOff = (error) => {
    throw fetchFailed(url, `the download broke off (${clip(error.message, 160)}). Try again.`);
  };
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer().catch(brokeOff));
  const chunks = [];
  let received = 0;
  for (const reader = response.body.getReader(); ; ) {
    const { done, value } = await reader.read().catch(brokeOff);
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * The bytes of `source`: a Uint8Array as it is, an ArrayBuffer viewed as one, a string or URL
 * read (see readUrl). `what` names the argument in the message for anything else.
 */
export async function readSource(source, { onProgress, what }) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source === "string" || source instanceof URL) return readUrl(toUrl(source), onProgress);
  throw badArgument(`${what} takes a URL, a path, a Uint8Array or an ArrayBuffer, got ${describe(source)}.`);
}
