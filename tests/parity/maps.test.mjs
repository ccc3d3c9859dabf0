// Quality of the map core against its references on the first 2,000 words of the default
// vectors: t-SNE against scikit-learn 1.2's TSNE (same perplexity 30, cosine metric, PCA
// initialisation, learning rate "auto", Barnes-Hut with angle 0.5, 1,000 iterations), UMAP
// against umap-learn 0.5 (n_neighbors 15, min_dist 0.1, cosine), 3-D PCA against scikit-learn
// PCA. Every map is scored by scikit-learn's own trustworthiness(n_neighbors=10,
// metric="cosine"), computed by maps_reference.py under Debian's /usr/bin/python3.
//
// Our maps come from the native driver build/native/playground_map_cli (tools/map-cli.cc;
// `bash tools/test.sh` builds it). When the JS API gains maps, ourMap() is the one place to
// switch to it: it must return the same fields (coords, dims, n, kl, trustworthiness).
//   node --test tests/parity/maps.test.mjs
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(ROOT, "tests/parity/maps_reference.py");
const CLI = path.join(ROOT, "build/native/playground_map_cli");
const ASSET = path.join(ROOT, "assets/glove-6b-100d-10k.bin");

/** Words in the comparison: ~1.5 minutes for both references on the 2-core build machine. */
const WORDS = 2000;
/** The bars: t-SNE trustworthiness@10 at least scikit-learn's minus this. */
const TSNE_TRUST_MARGIN = 0.005;
/** Final KL divergence within this share of scikit-learn's. */
const TSNE_KL_SHARE = 0.03;
/** UMAP trustworthiness@10 at least umap-learn's minus this. */
const UMAP_TRUST_MARGIN = 0.01;
/** 3-D PCA coordinates, relative to each component's largest |coordinate|, after the sign. */
const PCA_TOLERANCE = 1e-4;
/** Our trustworthiness against scikit-learn's on the same map (ties may be ordered otherwise). */
const TRUST_AGREEMENT = 1e-4;

const work = mkdtempSync(path.join(tmpdir(), "maps-parity-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** Runs one of our maps on the first `words` words (or "all"); returns the driver's JSON. */
function ourMap(method, extra = [], words = WORDS) {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run \`cmake --build build/native --target playground_map_cli\` (tools/test.sh does).`);
  }
  const out = path.join(work, `${method}-${words}.json`);
  execFileSync(CLI, ["--asset", ASSET, "--method", method, "--words", String(words), "--out", out, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  return { file: out, json: JSON.parse(readFileSync(out, "utf8")) };
}

/** maps_reference.py's JSON for the given arguments. */
function reference(args) {
  try {
    return JSON.parse(execFileSync(PYTHON, [SCRIPT, "--asset", ASSET, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] }));
  } catch (error) {
    throw new Error(`${PYTHON} ${SCRIPT} failed (status ${error.status ?? error.code}):\n${error.stderr || error.message}`);
  }
}

let loaded = null;
function load() {
  loaded ??= (async () => {
    const tsne = ourMap("tsne", ["--quality", "10"]);
    const umap = ourMap("umap", ["--quality", "10"]);
    const pca = ourMap("pca", ["--dims", "3"]);
    const result = reference(["--words", String(WORDS), "--ours-tsne", tsne.file, "--ours-umap", umap.file, "--ours-pca", pca.file]);
    return { reference: result, tsne: tsne.json, umap: umap.json };
  })();
  return loaded;
}

const f = (x) => (typeof x === "number" ? x.toFixed(5) : String(x));

test(`t-SNE of ${WORDS} words: trustworthiness and KL as scikit-learn's TSNE`, async (t) => {
  const { reference } = await load();
  const { sklearn, ours } = reference.tsne;
  t.diagnostic(`trustworthiness@10 ours ${f(ours.trustworthiness)}, scikit-learn ${f(sklearn.trustworthiness)}; ` +
    `KL ours ${f(ours.kl)}, scikit-learn ${f(sklearn.kl)}; seconds ours ${ours.seconds.toFixed(1)}, scikit-learn ${sklearn.seconds.toFixed(1)}`);
  assert.equal(ours.iterations, 1000);
  assert.ok(ours.trustworthiness >= sklearn.trustworthiness - TSNE_TRUST_MARGIN,
    `trustworthiness ${f(ours.trustworthiness)} is below scikit-learn's ${f(sklearn.trustworthiness)} - ${TSNE_TRUST_MARGIN}`);
  assert.ok(Math.abs(ours.kl - sklearn.kl) <= TSNE_KL_SHARE * sklearn.kl,
    `KL ${f(ours.kl)} is not within ${TSNE_KL_SHARE * 100} % of scikit-learn's ${f(sklearn.kl)}`);
});

test(`UMAP of ${WORDS} words: trustworthiness as umap-learn's`, async (t) => {
  const { reference } = await load();
  const { umap_learn: theirs, ours } = reference.umap;
  t.diagnostic(`trustworthiness@10 ours ${f(ours.trustworthiness)}, umap-learn ${f(theirs.trustworthiness)}; ` +
    `seconds ours ${ours.seconds.toFixed(1)}, umap-learn ${theirs.seconds.toFixed(1)} (numba compilation included)`);
  assert.ok(ours.trustworthiness >= theirs.trustworthiness - UMAP_TRUST_MARGIN,
    `trustworthiness ${f(ours.trustworthiness)} is below umap-learn's ${f(theirs.trustworthiness)} - ${UMAP_TRUST_MARGIN}`);
});

test(`3-D PCA of ${WORDS} words equals scikit-learn's up to sign, with its signs`, async (t) => {
  const { reference } = await load();
  const { sklearn, ours } = reference.pca;
  t.diagnostic(`largest relative difference ${ours.max_relative_difference.toExponential(2)}`);
  assert.ok(ours.max_relative_difference <= PCA_TOLERANCE, `PCA differs by ${ours.max_relative_difference}`);
  assert.deepEqual(ours.same_sign, [true, true, true], "scikit-learn's sign convention (svd_flip)");
  ours.explained_variance_ratio.forEach((r, c) => assert.ok(Math.abs(r - sklearn.explained_variance_ratio[c]) < 1e-6, `explained variance ratio ${c}`));
});

test("3-D PCA of all words equals scikit-learn's up to sign, with its signs", (t) => {
  const pca = ourMap("pca", ["--dims", "3"], "all");
  const { n, pca: { sklearn, ours } } = reference(["--words", "all", "--methods", "pca", "--ours-pca", pca.file]);
  t.diagnostic(`${n} words, largest relative difference ${ours.max_relative_difference.toExponential(2)}`);
  assert.equal(n, pca.json.n);
  assert.ok(ours.max_relative_difference <= PCA_TOLERANCE, `PCA differs by ${ours.max_relative_difference}`);
  assert.deepEqual(ours.same_sign, [true, true, true], "scikit-learn's sign convention (svd_flip)");
  ours.explained_variance_ratio.forEach((r, c) => assert.ok(Math.abs(r - sklearn.explained_variance_ratio[c]) < 1e-6, `explained variance ratio ${c}`));
});

test("our trustworthiness equals scikit-learn's trustworthiness on the same maps", async (t) => {
  const { reference } = await load();
  for (const method of ["tsne", "umap"]) {
    const { trustworthiness, trustworthiness_reported: reported } = reference[method].ours;
    t.diagnostic(`${method}: ours ${reported}, scikit-learn ${trustworthiness}`);
    assert.ok(Math.abs(reported - trustworthiness) <= TRUST_AGREEMENT, `${method}: ours ${reported}, scikit-learn ${trustworthiness}`);
  }
});
