#!/usr/bin/python3
"""Reference maps from scikit-learn 1.2 and umap-learn 0.5, and the same measures of ours, for
tests/parity/maps.test.mjs (a fixed subset, in CI) and bench/maps.mjs (all words).

Run with Debian's interpreter (python3-sklearn, umap-learn):

    /usr/bin/python3 tests/parity/maps_reference.py --words 2000 \\
        [--asset assets/glove-6b-100d-10k.bin] [--methods tsne,umap,pca] \\
        [--ours-tsne tsne.json] [--ours-umap umap.json] [--ours-pca pca.json]

The asset is decoded with numpy (gensim_reference.read_asset), independently of the project's
C++ reader; the first N words (or "all") are mapped with

    TSNE(n_components=2, perplexity=30, metric="cosine", init="pca", learning_rate="auto",
         random_state=0, method="barnes_hut", angle=0.5)          (n_iter 1000)
    umap.UMAP(n_neighbors=15, min_dist=0.1, metric="cosine", random_state=0)
    PCA(n_components=3, svd_solver="full")

and every map, theirs and ours (the JSON files written by tools/map-cli.cc: "coords", "dims",
"kl", "trustworthiness"), is scored with sklearn.manifold.trustworthiness(X, Y,
n_neighbors=10, metric="cosine"). Prints one JSON object with the numbers and the seconds each
library took; it asserts nothing (the Node test does).
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gensim_reference import REPO, read_asset  # noqa: E402

TRUST_K = 10


def load_ours(path, n):
    with open(path, encoding="utf-8") as f:
        ours = json.load(f)
    if ours["n"] != n:
        raise SystemExit(f"{path}: map of {ours['n']} words, expected {n}")
    coords = np.asarray(ours["coords"], dtype=np.float64).reshape(n, int(ours["dims"]))
    return ours, coords


def trust(X, Y):
    from sklearn.manifold import trustworthiness
    return float(trustworthiness(X, Y, n_neighbors=TRUST_K, metric="cosine"))


def tsne(X, ours_path):
    from sklearn.manifold import TSNE
    start = time.perf_counter()
    model = TSNE(n_components=2, perplexity=30, metric="cosine", init="pca", learning_rate="auto",
                 random_state=0, method="barnes_hut", angle=0.5)
    Y = model.fit_transform(X)
    out = {"sklearn": {"seconds": time.perf_counter() - start, "kl": float(model.kl_divergence_),
                       "iterations": int(model.n_iter_) + 1, "trustworthiness": trust(X, Y)}}
    if ours_path:
        ours, coords = load_ours(ours_path, len(X))
        out["ours"] = {"kl": ours.get("kl"), "iterations": ours.get("iterations"),
                       "seconds": ours.get("seconds"), "trustworthiness": trust(X, coords),
                       "trustworthiness_reported": ours.get("trustworthiness")}
    return out


def umap_maps(X, ours_path):
    import umap
    start = time.perf_counter()
    Y = umap.UMAP(n_neighbors=15, min_dist=0.1, metric="cosine", random_state=0).fit_transform(X)
    out = {"umap_learn": {"seconds": time.perf_counter() - start, "trustworthiness": trust(X, Y)}}
    if ours_path:
        ours, coords = load_ours(ours_path, len(X))
        out["ours"] = {"seconds": ours.get("seconds"), "trustworthiness": trust(X, coords),
                       "trustworthiness_reported": ours.get("trustworthiness")}
    return out


def pca(X, ours_path):
    from sklearn.decomposition import PCA
    start = time.perf_counter()
    model = PCA(n_components=3, svd_solver="full")
    Y = model.fit_transform(X)
    out = {"sklearn": {"seconds": time.perf_counter() - start,
                       "explained_variance_ratio": model.explained_variance_ratio_.tolist()}}
    if ours_path:
        ours, coords = load_ours(ours_path, len(X))
        # Up to sign: flip each of our components to agree with scikit-learn's, then the
        # largest difference relative to the component's largest |coordinate|.
        worst = 0.0
        for c in range(3):
            sign = 1.0 if np.dot(coords[:, c], Y[:, c]) >= 0 else -1.0
            worst = max(worst, float(np.max(np.abs(sign * coords[:, c] - Y[:, c])) / np.max(np.abs(Y[:, c]))))
        same_sign = [bool(np.dot(coords[:, c], Y[:, c]) >= 0) for c in range(3)]
        out["ours"] = {"max_relative_difference": worst, "same_sign": same_sign,
                       "explained_variance_ratio": ours.get("explained_variance_ratio")}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--asset", default=str(REPO / "assets" / "glove-6b-100d-10k.bin"))
    parser.add_argument("--words", default="2000", help='how many of the first words, or "all"')
    parser.add_argument("--methods", default="tsne,umap,pca")
    parser.add_argument("--ours-tsne")
    parser.add_argument("--ours-umap")
    parser.add_argument("--ours-pca")
    args = parser.parse_args()

    words, X, _ = read_asset(Path(args.asset))
    n = len(words) if args.words == "all" else min(len(words), int(args.words))
    X = X[:n]
    result = {"n": n, "trustworthiness_k": TRUST_K}
    methods = args.methods.split(",")
    if "tsne" in methods:
        result["tsne"] = tsne(X, args.ours_tsne)
    if "umap" in methods:
        result["umap"] = umap_maps(X, args.ours_umap)
    if "pca" in methods:
        result["pca"] = pca(X, args.ours_pca)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
