// The UTF-8 helpers the wrapper and the page share, against the platform's TextEncoder /
// TextDecoder on random strings and random bytes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeUtf8, encodeUtf8, init, utf8Length, utf8Parts } from "embedding-playground";
import { random } from "./random.mjs";

const UNITS = [0x41, 0x7f, 0x80, 0xe7, 0x7ff, 0x800, 0xfeff, 0xfffd, 0xffff, 0xd83d, 0xde00, 0xdbff, 0xdc00];
const randomString = (next) => String.fromCharCode(...Array.from({ length: Math.floor(next() * 10) }, () => UNITS[Math.floor(next() * UNITS.length)]));
const BYTES = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff];
const randomBytes = (next) => Uint8Array.from({ length: Math.floor(next() * 10) }, () => BYTES[Math.floor(next() * BYTES.length)]);

test("encodeUtf8 and utf8Length agree with TextEncoder, lone surrogates included", () => {
  const next = random(1);
  for (let n = 0; n < 20000; n++) {
    const s = randomString(next);
    const want = new TextEncoder().encode(s);
    assert.deepEqual(encodeUtf8(s), want);
    assert.equal(utf8Length(s), want.length, JSON.stringify(s));
  }
});

test("decodeUtf8 is TextDecoder's replacement decoding and keeps a leading U+FEFF", () => {
  const next = random(2);
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  for (let n = 0; n < 20000; n++) {
    const bytes = randomBytes(next);
    assert.equal(decodeUtf8(bytes), lenient.decode(bytes));
  }
  assert.equal(decodeUtf8(encodeUtf8("\ufeffhi")), "\ufeffhi");
});

test("a tokenizer's decode keeps a leading U+FEFF (it is text, a token in cl100k)", async () => {
  const tok = await (await init()).loadTokenizer("cl100k_base");
  assert.equal(tok.decode(tok.encode("\ufeffhi")), "\ufeffhi");
  assert.equal(tok.tokens("\ufeff")[0].text, "\ufeff");
});

test("utf8Parts: whole characters as strings, the rest as bytes, nothing lost", () => {
  const next = random(3);
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for (let n = 0; n < 20000; n++) {
    const bytes = randomBytes(next);
    const parts = utf8Parts(bytes);
    const joined = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (typeof part === "string") {
        assert.ok(part.length > 0);
        joined.push(...encodeUtf8(part));
      } else {
        assert.throws(() => strict.decode(part), TypeError, `bytes ${part} decode as text`);
        joined.push(...part);
      }
      if (i > 0) assert.notEqual(typeof part, typeof parts[i - 1], "adjacent parts of one kind");
    }
    assert.deepEqual(joined, Array.from(bytes));
  }
  // A token holding the first 2 of 👋's 4 bytes after a space, then the rest.
  assert.deepEqual(utf8Parts(Uint8Array.of(0x20, 0xf0, 0x9f)), [" ", Uint8Array.of(0xf0, 0x9f)]);
  assert.deepEqual(utf8Parts(Uint8Array.of(0x91, 0x8b, 0x41)), [Uint8Array.of(0x91, 0x8b), "A"]);
});
