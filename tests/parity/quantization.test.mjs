// The shipped asset stores GloVe as int16 with a float32 scale per word. The requirement is
// that every cosine stays within 5e-4 of the float32 GloVe source; the reference file holds
// cosines computed from that source before quantization (tools/build-vectors.mjs writes it).
//   node --test tests/parity/quantization.test.mjs      (after bash tools/build.sh)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const MAX_COSINE_ERROR = 5e-4;
const REFERENCE = new URL("../../assets/glove-6b-100d-10k.reference.json", import.meta.url);
const LIBRARY = new URL("../../dist/lib/playground.js", import.meta.url);

test("every cosine of the quantized default set is within 5e-4 of float32 GloVe", async (t) => {
  const reference = JSON.parse(readFileSync(REFERENCE, "utf8"));
  assert.ok(reference.pairs.length > 0, "the reference file holds no pairs");
  const { init } = await import(LIBRARY.href);
  const vs = await (await init()).loadVectors();

  const failures = [];
  let worst = { error: -1 };
  let sum = 0;
  for (const [a, b, expected] of reference.pairs) {
    const ours = vs.similarity(a, b);
    const error = Math.abs(ours - expected);
    sum += error;
    if (error > worst.error) worst = { a, b, ours, expected, error };
    if (!(error <= MAX_COSINE_ERROR)) failures.push(`similarity(${a}, ${b}) = ${ours}, float32 GloVe ${expected} (error ${error.toExponential(2)})`);
  }
  const summary =
    `${reference.pairs.length} pairs: max error ${worst.error.toExponential(3)} (${worst.a}, ${worst.b}: ours ${worst.ours.toFixed(7)}, ` +
    `GloVe ${worst.expected}), mean error ${(sum / reference.pairs.length).toExponential(3)}; ` +
    `the reference file states ${reference.maxQuantizationError}`;
  t.diagnostic(summary);
  console.log(`quantization: ${summary}`);
  assert.equal(failures.length, 0, `${failures.length} cosines off by more than ${MAX_COSINE_ERROR}:\n  ${failures.join("\n  ")}`);
});
