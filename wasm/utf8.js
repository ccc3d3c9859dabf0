// UTF-8 for the wrapper and the page: the one JS place that encodes, decodes and measures.
// Encoding follows TextEncoder (a lone surrogate becomes U+FFFD, 3 bytes, as tiktoken encodes
// it); decoding follows TextDecoder (each ill-formed sequence becomes U+FFFD). Offsets between
// UTF-8 bytes and UTF-16 units are mapped in C++ (wasm/adapters.h Utf16Offsets) while the
// tokens are built, so they are not needed here.

const encoder = new TextEncoder();
// Not fatal, so ill-formed input gives U+FFFD; ignoreBOM keeps a leading U+FEFF, which is text
// here (a token of its own in cl100k), not a byte-order mark to drop.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The UTF-8 bytes of `text` (a lone surrogate is encoded as U+FFFD). */
export function encodeUtf8(text) {
  return encoder.encode(text);
}

/** The text of UTF-8 `bytes` (a Uint8Array); each ill-formed sequence becomes U+FFFD. */
export function decodeUtf8(bytes) {
  return decoder.decode(bytes);
}

/** How many bytes encodeUtf8(text) gives, without encoding: 1-3 per UTF-16 unit, 4 per surrogate pair. */
export function utf8Length(text) {
  let bytes = text.length; // one per unit, plus the extra bytes below
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 2 units, 4 bytes
      i++;
    } else bytes += 2; // the rest of the BMP, and a lone surrogate as U+FFFD
  }
  return bytes;
}

/** Length of the well-formed UTF-8 sequence at bytes[i] (Unicode Table 3-7), or 0 if ill-formed. */
function sequenceLength(bytes, i) {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let length;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0; // no overlongs
    if (b === 0xed) high = 0x9f; // no surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90; // no overlongs
    if (b === 0xf4) high = 0x8f; // nothing above U+10FFFF
  } else return 0;
  if (i + length > bytes.length) return 0;
  if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * Splits UTF-8 `bytes` into runs of whole characters (strings) and runs of bytes that are not
 * whole characters (Uint8Array views into `bytes`), in order: what a token's bytes look like
 * when it holds part of a character. decodeUtf8 of the concatenation gives U+FFFD for the latter.
 */
export function utf8Parts(bytes) {
  const parts = [];
  let textStart = 0;
  let badStart = -1;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      if (badStart >= 0) {
        parts.push(bytes.subarray(badStart, i));
        badStart = -1;
        textStart = i;
      }
      i += length;
      continue;
    }
    if (badStart < 0) {
      if (i > textStart) parts.push(decoder.decode(bytes.subarray(textStart, i)));
      badStart = i;
    }
    i++;
  }
  if (badStart >= 0) parts.push(bytes.subarray(badStart));
  else if (bytes.length > textStart) parts.push(decoder.decode(bytes.subarray(textStart)));
  return parts;
}
