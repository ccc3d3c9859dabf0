// The training core (src/training/) against its oracles, through the native driver
// build/native/playground_train (tools/train-cli.cc; tools/test.sh builds it):
//   - the course's CBOW against PyTorch 1.13 (course_cbow_torch.py);
//   - n-grams, vocabulary, float printing and lower-casing exactly as gensim / numpy / Python
//     (training_gensim_exact.py);
//   - word2vec quality against gensim's Word2Vec on the State of the Union corpus
//     (word2vec_quality.py, the slow one: ~2 minutes on an idle 2-core machine);
//   - the shipped corpora and Turkish vectors against their recorded checksums.
//   node --test tests/parity/training.test.mjs
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const PYTHON = "/usr/bin/python3";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DRIVER = `${ROOT}build/native/playground_train`;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function python(script, timeout) {
  assert.ok(existsSync(DRIVER), `${DRIVER} is missing: cmake --build build/native --target playground_train`);
  try {
    return execFileSync(PYTHON, [fileURLToPath(new URL(script, import.meta.url)), DRIVER],
      { encoding: "utf8", timeout, maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Error(`${script} failed (status ${error.status ?? error.code}):\n${error.stdout ?? ""}\n${error.stderr || error.message}`);
  }
}

test("the course CBOW gives PyTorch's per-epoch losses (1e-4 relative) from the same weights and order", () => {
  const lines = python("./course_cbow_torch.py", 300_000).trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  for (const r of lines) assert.ok(r.worst_relative_loss_difference <= 1e-4, JSON.stringify(r));
});

test("n-grams, vocabulary, float repr and lower-casing are exactly gensim's, numpy's and Python's", () => {
  const summary = JSON.parse(python("./training_gensim_exact.py", 600_000));
  for (const [name, r] of Object.entries(summary)) assert.equal(r.differences, 0, name);
});

test("word2vec on the State of the Union scores within 0.02 of gensim (analogies, WordSim353)", () => {
  const results = JSON.parse(python("./word2vec_quality.py", 1_200_000));
  for (const [model, r] of Object.entries(results)) assert.ok(r.passed, `${model}: ${JSON.stringify(r)}`);
});

test("the shipped corpora decompress to the text their manifest records", () => {
  const manifest = JSON.parse(readFileSync(`${ROOT}assets/corpora/corpora.json`, "utf8"));
  assert.deepEqual(manifest.corpora.map((c) => c.name), ["sotu", "turkish-news"]);
  for (const c of manifest.corpora) {
    const gz = readFileSync(`${ROOT}assets/corpora/${c.file}`);
    const text = gunzipSync(gz);
    // The text's checksum, not the gzip bytes' (those depend on the zlib version).
    assert.equal(sha256(text), c.text_sha256, c.file);
    assert.equal(text.length, c.text_bytes, c.file);
    const lines = text.toString("utf8").split("\n");
    assert.equal(lines.pop(), "", `${c.file} ends with a newline`);
    assert.equal(lines.length, c.sentences, c.file);
    assert.equal(lines.reduce((n, l) => n + l.split(" ").length, 0), c.words, c.file);
    assert.ok(lines.every((l) => l.length > 0 && !l.includes("  ") && l === l.trim()), `${c.file}: one space between words`);
  }
});

test("the Turkish vector set matches its checksums and answers kedi and words outside its vocabulary", () => {
  const name = "turkish-news-fasttext-50d";
  const sums = readFileSync(`${ROOT}assets/${name}.sha256`, "utf8").trim().split("\n").map((l) => l.split(/\s+/));
  for (const [sum, file] of sums) assert.equal(sha256(readFileSync(`${ROOT}assets/${file}`)), sum, file);
  const out = execFileSync(DRIVER, ["neighbours", "--vectors", `${ROOT}assets/${name}.bin`,
    "--ngrams", `${ROOT}assets/${name}.ngrams.bin`, "--k", "5"], { input: "kedi\nekonomimiz\nfutbolcularımız\n", encoding: "utf8" });
  const [kedi, ekonomimiz, futbolcular] = out.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(kedi.known, true);
  assert.equal(kedi.neighbours.length, 5);
  assert.equal(ekonomimiz.known, false);
  assert.ok(ekonomimiz.neighbours.some(([w]) => w.startsWith("ekonomi")), JSON.stringify(ekonomimiz));
  assert.ok(futbolcular.neighbours.some(([w]) => w.startsWith("futbolcu")), JSON.stringify(futbolcular));
});
