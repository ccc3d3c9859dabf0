// Parity of the public JS API with its oracles: gensim 4.2 KeyedVectors (similarity,
// most_similar, most_similar_cosmul, doesnt_match) and scikit-learn 1.2 PCA, both run by
// gensim_reference.py under Debian's /usr/bin/python3 on the same asset.
//   node --test tests/parity/            (after bash tools/build.sh)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./gensim_reference.py", import.meta.url));
const LIBRARY = new URL("../../dist/lib/playground.js", import.meta.url);
const ASSET = fileURLToPath(new URL("../../dist/assets/glove-6b-100d-10k.bin", import.meta.url));

/** Neighbouring gensim scores this close are a near-tie: their words may come in either order. */
const TIE = 1e-5;
/** Every score (cosine or 3CosMul) against gensim's. */
const SCORE_TOLERANCE = 1e-4;
/** PCA coordinates, relative to the component's largest |coordinate|. */
const PCA_COORD_TOLERANCE = 1e-4;
/** explained_variance_ratio_, absolute. */
const PCA_RATIO_TOLERANCE = 1e-6;

let loaded = null;
/** The gensim/sklearn answers and our loaded vector set, computed once for all tests. */
function load() {
  loaded ??= (async () => {
    if (!existsSync(fileURLToPath(LIBRARY)) || !existsSync(ASSET)) {
      throw new Error("dist/ is not built: run `bash tools/build.sh` first.");
    }
    let stdout;
    try {
      stdout = execFileSync(PYTHON, [SCRIPT, ASSET], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      throw new Error(`${PYTHON} ${SCRIPT} failed (status ${error.status ?? error.code}):\n${error.stderr || error.message}`);
    }
    const reference = JSON.parse(stdout);
    const { init } = await import(LIBRARY.href);
    const vs = await (await init()).loadVectors();
    return { reference, vs };
  })();
  return loaded;
}

const fmt = (x) => (typeof x === "number" ? x.toPrecision(9) : String(x));
const list = (results, n = 12) => results.slice(0, n).map((r) => `${r.word ?? r[0]} ${fmt(r.score ?? r[1])}`).join(", ");

/**
 * Compares our top-k with gensim's longer list (k + extra words, best first). Gensim's list is
 * cut into near-tie clusters: runs whose neighbouring scores differ by at most TIE. Our i-th
 * word must belong to the cluster of gensim's i-th word, so whole clusters above the k-th place
 * hold the same words and only words within one cluster may swap, including the cluster that
 * straddles the k-th place. Returns problems, empty when the lists agree.
 */
function compareTopK(ours, gensim, k) {
  const problems = [];
  if (ours.length !== k) problems.push(`we returned ${ours.length} words, expected ${k}`);
  const cluster = [];
  gensim.forEach(([, score], i) => cluster.push(i === 0 ? 0 : cluster[i - 1] + (gensim[i - 1][1] - score > TIE ? 1 : 0)));
  if (cluster[k - 1] === cluster[gensim.length - 1]) {
    problems.push(`the near-tie at place ${k} runs to the end of gensim's ${gensim.length} words; ask gensim for more`);
  }
  const rank = new Map(gensim.map(([word], i) => [word, i]));
  const seen = new Set();
  ours.forEach(({ word, score }, i) => {
    if (seen.has(word)) problems.push(`#${i + 1} ${word} appears twice`);
    seen.add(word);
    if (i > 0 && score > ours[i - 1].score) problems.push(`#${i + 1} ${word} ${fmt(score)} scores above #${i} ${ours[i - 1].word} ${fmt(ours[i - 1].score)}`);
    const j = rank.get(word);
    if (j === undefined) {
      problems.push(`#${i + 1}: we have ${word} ${fmt(score)}, gensim has ${gensim[i][0]} ${fmt(gensim[i][1])}; ${word} is not in gensim's top ${gensim.length}`);
    } else if (cluster[j] !== cluster[i]) {
      problems.push(`#${i + 1}: we have ${word} ${fmt(score)}, gensim has ${gensim[i][0]} ${fmt(gensim[i][1])} (gensim ranks ${word} #${j + 1} with ${fmt(gensim[j][1])}; not a near-tie)`);
    } else if (!(Math.abs(score - gensim[j][1]) <= SCORE_TOLERANCE)) {
      problems.push(`#${i + 1} ${word}: we score ${fmt(score)}, gensim ${fmt(gensim[j][1])} (diff ${(score - gensim[j][1]).toExponential(2)})`);
    }
  });
  return problems;
}

/** Places where our word differs from gensim's (allowed only within near-ties). */
const swapped = (ours, gensim) => ours.filter((r, i) => r.word !== gensim[i]?.[0]).length;

/** Largest |ours - gensim| over the words both lists hold. */
function maxScoreError(ours, gensim) {
  const byWord = new Map(gensim);
  return Math.max(0, ...ours.filter((r) => byWord.has(r.word)).map((r) => Math.abs(r.score - byWord.get(r.word))));
}

/** Runs `check(item)` (returns problems) over items; fails listing every item with problems. */
function expectAll(items, label, check) {
  const failures = [];
  for (const item of items) {
    let problems;
    try {
      problems = check(item);
    } catch (error) {
      problems = [`threw ${error.name}: ${error.message}`];
    }
    if (problems.length) failures.push(`${label(item)}:\n    ${problems.join("\n    ")}`);
  }
  assert.ok(failures.length === 0, `${failures.length} of ${items.length} disagree with the oracle:\n  ${failures.join("\n  ")}`);
}

test("compareTopK allows swaps only among near-tied gensim scores", () => {
  const gensim = [["a", 0.9], ["b", 0.8], ["c", 0.799995], ["d", 0.79999], ["e", 0.7], ["f", 0.69999], ["g", 0.6]];
  const ours = (...words) => words.map((w) => ({ word: w, score: new Map(gensim).get(w) ?? 0.5 }));
  assert.deepEqual(compareTopK(ours("a", "b", "c", "d"), gensim, 4), []);
  const reordered = [{ word: "a", score: 0.9 }, { word: "d", score: 0.800001 }, { word: "b", score: 0.8 }, { word: "c", score: 0.799995 }];
  assert.deepEqual(compareTopK(reordered, gensim, 4), [], "b, c, d are a chain of near-ties");
  assert.deepEqual(compareTopK(ours("a", "b", "c", "d", "f"), gensim, 5), [], "e and f tie across the k-th place");
  const rejects = (problems, pattern, why) => assert.ok(problems.some((p) => pattern.test(p)), `${why}: ${problems}`);
  rejects(compareTopK(ours("b", "a", "c", "d"), gensim, 4), /#1: we have b .*not a near-tie/, "a and b are 0.1 apart");
  rejects(compareTopK(ours("a", "b", "c", "e"), gensim, 4), /#4: we have e .*not a near-tie/, "e is not tied with d");
  rejects(compareTopK(ours("a", "b", "c", "z"), gensim, 4), /not in gensim's top 7/, "z is not in gensim's list");
  rejects(compareTopK(ours("a", "b", "c"), gensim, 4), /returned 3 words/, "too few words");
  rejects(compareTopK([{ word: "a", score: 0.9002 }], gensim, 1), /we score 0.9002/, "score off by 2e-4");
  rejects(compareTopK(ours("a", "b", "c", "d", "e"), gensim.slice(0, 6), 5), /runs to the end/, "tie reaches the end of the list");
});

test("the asset decodes to the same float32 values as an independent numpy reader", async () => {
  const { reference, vs } = await load();
  assert.equal(vs.size, reference.meta.count);
  assert.equal(vs.dim, reference.meta.dim);
  for (const [word, values] of Object.entries(reference.vectors)) {
    assert.deepEqual(Array.from(vs.vector(word)), values, `vector of ${JSON.stringify(word)}`);
  }
});

test("nearest(word, 10) matches gensim most_similar(word, topn=10)", async (t) => {
  const { reference, vs } = await load();
  const k = reference.meta.topn;
  let worst = 0;
  let swaps = 0;
  expectAll(reference.nearest, (q) => `nearest(${JSON.stringify(q.word)})\n    ours:   ${list(vs.nearest(q.word, k))}\n    gensim: ${list(q.results)}`, (q) => {
    const ours = vs.nearest(q.word, k);
    worst = Math.max(worst, maxScoreError(ours, q.results));
    swaps += swapped(ours, q.results);
    return compareTopK(ours, q.results, k);
  });
  t.diagnostic(`${reference.nearest.length} words, ${swaps} near-tie swaps, largest score difference ${worst.toExponential(2)}`);
});

test("nearest(vector, 10) matches gensim most_similar(positive=[vector])", async (t) => {
  const { reference, vs } = await load();
  const k = reference.meta.topn;
  let worst = 0;
  expectAll(reference.nearestToVector, (q) => `nearest(vector(${JSON.stringify(q.word)}))`, (q) => {
    const ours = vs.nearest(vs.vector(q.word), k);
    worst = Math.max(worst, maxScoreError(ours, q.results));
    return compareTopK(ours, q.results, k);
  });
  t.diagnostic(`${reference.nearestToVector.length} vectors, largest score difference ${worst.toExponential(2)}`);
});

for (const method of ["add", "mul"]) {
  const gensimName = method === "add" ? "most_similar" : "most_similar_cosmul";
  test(`analogy(method "${method}") matches gensim ${gensimName}(positive, negative, topn=10)`, async (t) => {
    const { reference, vs } = await load();
    const k = reference.meta.topn;
    const ask = (q) => vs.analogy({ positive: q.positive, negative: q.negative, k, method });
    let worst = 0;
    let solved = 0;
    let swaps = 0;
    expectAll(
      reference.analogies,
      (q) => `${q.section} ${q.question.join(" ")}: positive ${q.positive}, negative ${q.negative}\n    ours:   ${list(ask(q))}\n    gensim: ${list(q[method])}`,
      (q) => {
        const ours = ask(q);
        worst = Math.max(worst, maxScoreError(ours, q[method]));
        if (ours[0]?.word === q.question[3]) solved += 1;
        swaps += swapped(ours, q[method]);
        return compareTopK(ours, q[method], k);
      },
    );
    t.diagnostic(`${reference.analogies.length} analogies (${solved} answered right at #1), ${swaps} near-tie swaps, largest score difference ${worst.toExponential(2)}`);
  });
}

test("similarity(a, b) matches gensim similarity on WordSim-353 and SimLex-999 pairs", async (t) => {
  const { reference, vs } = await load();
  let worst = 0;
  expectAll(reference.similarity, (p) => `similarity(${p.a}, ${p.b}) from ${p.source}`, (p) => {
    const ours = vs.similarity(p.a, p.b);
    const error = Math.abs(ours - p.score);
    worst = Math.max(worst, error);
    return error <= SCORE_TOLERANCE ? [] : [`ours ${fmt(ours)}, gensim ${fmt(p.score)} (diff ${error.toExponential(2)})`];
  });
  t.diagnostic(`${reference.similarity.length} pairs, largest difference ${worst.toExponential(2)}`);
});

test("doesntMatch(words) matches gensim doesnt_match and rank_by_centrality", async () => {
  const { reference, vs } = await load();
  expectAll(reference.doesntMatch, (g) => `doesntMatch([${g.words}])`, (g) => {
    const ours = vs.doesntMatch(g.words);
    const problems = [];
    if (ours.word !== g.word) {
      problems.push(`ours ${ours.word}, gensim ${g.word}; our scores ${list(ours.scores)}; gensim's ${list(g.ranking)}`);
    }
    const gensimScore = new Map(g.ranking);
    assert.deepEqual(ours.scores.map((s) => s.word), g.words, "scores come in input order");
    for (const { word, score } of ours.scores) {
      const error = Math.abs(score - gensimScore.get(word));
      if (!(error <= SCORE_TOLERANCE)) problems.push(`${word}: ours ${fmt(score)}, gensim ${fmt(gensimScore.get(word))}`);
    }
    return problems;
  });
});

/**
 * Compares PCA results up to each component's sign, which is fixed once per component from
 * the dot product of our column with scikit-learn's. Returns problems and the signs.
 */
function comparePca(ours, sklearn) {
  const problems = [];
  const components = sklearn.explained.length;
  if (ours.coords.length !== sklearn.coords.length) {
    return { problems: [`${ours.coords.length} rows, scikit-learn has ${sklearn.coords.length}`], signs: [] };
  }
  if (ours.coords.some((row) => row.length !== components)) problems.push(`rows must have ${components} coordinates`);
  const signs = [];
  for (let c = 0; c < components; c++) {
    let dot = 0;
    let scale = 0;
    for (let r = 0; r < sklearn.coords.length; r++) {
      dot += ours.coords[r][c] * sklearn.coords[r][c];
      scale = Math.max(scale, Math.abs(sklearn.coords[r][c]));
    }
    const sign = dot < 0 ? -1 : 1;
    signs.push(sign);
    const tolerance = PCA_COORD_TOLERANCE * scale;
    let worst = { error: 0, row: -1 };
    for (let r = 0; r < sklearn.coords.length; r++) {
      const error = Math.abs(sign * ours.coords[r][c] - sklearn.coords[r][c]);
      if (!(error <= worst.error)) worst = { error, row: r };
    }
    if (!(worst.error <= tolerance)) {
      const r = worst.row;
      problems.push(`component ${c + 1} (sign ${sign}): row ${r} ours ${fmt(sign * ours.coords[r][c])}, scikit-learn ${fmt(sklearn.coords[r][c])}; ` +
        `largest difference ${worst.error.toExponential(2)} > ${tolerance.toExponential(2)} (1e-4 of the largest |coordinate| ${fmt(scale)})`);
    }
    const ratioError = Math.abs(ours.explained[c] - sklearn.explained[c]);
    if (!(ratioError <= PCA_RATIO_TOLERANCE)) {
      problems.push(`component ${c + 1}: explained_variance_ratio_ ours ${fmt(ours.explained[c])}, scikit-learn ${fmt(sklearn.explained[c])}`);
    }
    const varianceError = Math.abs(ours.variance[c] - sklearn.variance[c]);
    if (!(varianceError <= PCA_RATIO_TOLERANCE * Math.max(1, sklearn.variance[c]))) {
      problems.push(`component ${c + 1}: explained_variance_ ours ${fmt(ours.variance[c])}, scikit-learn ${fmt(sklearn.variance[c])}`);
    }
  }
  return { problems, signs };
}

test("pca(words, 2 | 3) matches scikit-learn PCA(n_components).fit_transform up to sign", async (t) => {
  const { reference, vs } = await load();
  let flipped = 0;
  expectAll(
    reference.pca,
    (p) => `pca(${p.name}: ${p.words ? `${p.words.length} words` : "whole set"}, ${p.components}, normalize ${p.normalize})`,
    (p) => {
      const ours = vs.pca(p.words, p.components, { normalize: p.normalize });
      const { problems, signs } = comparePca(ours, p);
      flipped += signs.filter((s) => s < 0).length;
      return problems;
    },
  );
  t.diagnostic(`${reference.pca.length} cases; ${flipped} components came with the opposite sign to scikit-learn's`);
});
