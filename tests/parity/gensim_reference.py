#!/usr/bin/python3
"""Oracle answers from gensim and scikit-learn for tests/parity/parity.test.mjs.

Run with Debian's interpreter, which has gensim 4.2 and scikit-learn 1.2 installed:

    /usr/bin/python3 tests/parity/gensim_reference.py [asset.bin] > reference.json

The asset (default: dist/assets/glove-6b-100d-10k.bin, else assets/...) is decoded here
with numpy, independently of the project's C++ reader, and loaded into
gensim.models.KeyedVectors. The queries are fixed lists, so the output is deterministic.
The evaluation sets come from <repo>/../shared/data/eval; if that folder is missing this
script exits with status 2 and says so (the parity test must fail, not skip).
"""

import json
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO.parent / "shared" / "data" / "eval"

# Neighbour lists hold TOPN_EXTRA more words than the JS side asks for, so a near-tie at
# the k-th place can be recognised when the JS side picks the other word of the tie.
TOPN = 10
TOPN_EXTRA = 10

NEAREST_WORDS = [
    # The page's lookup examples and other words a student tries first.
    "cat", "dog", "frog", "king", "computer", "coffee", "turkey", "kitten",
    # Fixed once with random.Random(7).sample over alphabetic words ranked 50..3000.
    "settlement", "project", "owner", "estimates", "months", "region", "honor", "start",
    "securities", "everybody", "run", "loan", "governor", "good", "water", "girls",
    "follows", "department", "risk", "january", "tech", "understand", "wales", "ocean",
]

ANALOGIES_PER_SECTION = 3
SIMILARITY_PAIRS_PER_FILE = 100

# The page's odd-one-out examples, then groups written for this test.
DOESNT_MATCH_GROUPS = [
    ["breakfast", "cereal", "dinner", "lunch"],
    ["cat", "dog", "kitten", "banana"],
    ["apple", "banana", "pear", "computer"],
    ["paris", "berlin", "rome", "tiger"],
    ["red", "green", "blue", "january"],
    ["monday", "tuesday", "friday", "october"],
    ["piano", "guitar", "drums", "football"],
    ["one", "two", "three", "house"],
    ["king", "queen", "prince", "car"],
    ["coffee", "tea", "water", "steel"],
    ["doctor", "nurse", "hospital", "river"],
    ["france", "germany", "italy", "london"],
    ["eat", "drink", "sleep", "window"],
    ["happy", "sad", "angry", "table"],
    ["north", "south", "east", "summer"],
    ["father", "mother", "son", "daughter", "airport"],
    ["iron", "copper", "gold", "silver", "bread"],
    ["football", "baseball", "basketball", "hockey", "election"],
    ["winter", "summer", "spring", "autumn"],
    ["rain", "snow", "wind", "computer", "storm"],
    ["he", "she", "they", "and"],
]

# web/examples.js PCA_PRESETS, copied.
PCA_PRESETS = {
    "animals": ["cat", "dog", "kitten", "puppy", "horse", "cow", "lion", "tiger", "wolf", "fox",
                "bird", "fish", "sheep", "goat", "mouse", "rabbit", "frog"],
    "fruit": ["apple", "banana", "orange", "grape", "mango", "pear", "cherry", "lemon",
              "strawberry", "peach", "watermelon", "pineapple"],
    "royalty": ["king", "queen", "prince", "princess", "man", "woman", "boy", "girl", "father",
                "mother", "son", "daughter", "brother", "sister", "husband", "wife", "uncle",
                "aunt"],
    "capitals": ["turkey", "ankara", "france", "paris", "germany", "berlin", "italy", "rome",
                 "japan", "tokyo", "spain", "madrid", "russia", "moscow", "egypt", "cairo",
                 "greece", "athens", "china", "beijing"],
}

# web/examples.js ANALOGY_EXAMPLES as a : b :: c : d.
PAGE_ANALOGIES = [
    ["man", "king", "woman", "queen"],
    ["france", "paris", "italy", "rome"],
    ["turkey", "ankara", "germany", "berlin"],
    ["walk", "walking", "swim", "swimming"],
    ["big", "bigger", "small", "smaller"],
    ["good", "better", "bad", "worse"],
]


def fail(message):
    print(f"gensim_reference.py: {message}", file=sys.stderr)
    sys.exit(2)


def read_asset(path):
    """Decodes an EPWV v1 file: (words, float32 matrix). Checks what the format promises."""
    data = path.read_bytes()
    magic, version, count, dim, words_bytes, crc = struct.unpack_from("<4s5I", data, 0)
    if magic != b"EPWV" or version != 1:
        fail(f"{path} is not an EPWV v1 file")
    if zlib.crc32(data[24:]) != crc:
        fail(f"{path}: crc32 mismatch")
    padded = (words_bytes + 3) // 4 * 4
    if len(data) != 24 + padded + 4 * count + 2 * count * dim:
        fail(f"{path}: size does not match the header")
    words = data[24:24 + words_bytes].decode("utf-8").split("\n")
    if words[-1] != "" or len(words) - 1 != count:
        fail(f"{path}: word list does not hold {count} newline-terminated words")
    words = words[:-1]
    scales = np.frombuffer(data, dtype="<f4", count=count, offset=24 + padded)
    q = np.frombuffer(data, dtype="<i2", count=count * dim, offset=24 + padded + 4 * count)
    vectors = q.reshape(count, dim).astype(np.float32) * scales.astype(np.float32)[:, None]
    assert vectors.dtype == np.float32
    return words, vectors, crc


def read_questions(vocab):
    """ANALOGIES_PER_SECTION evenly spaced questions per section, all four words known."""
    sections = {}
    name = None
    for line in (EVAL_DIR / "questions-words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(":"):
            name = line[1:].strip()
            sections[name] = []
        elif line.strip():
            words = line.lower().split()
            if len(words) == 4 and len(set(words)) == 4 and all(w in vocab for w in words):
                sections[name].append(words)
    picked = []
    for name, questions in sections.items():
        n = len(questions)
        for i in range(min(ANALOGIES_PER_SECTION, n)):
            picked.append((name, questions[i * n // ANALOGIES_PER_SECTION]))
    return picked


def read_pairs(file_name, vocab):
    """The first SIMILARITY_PAIRS_PER_FILE distinct pairs (a, b) with both words known."""
    pairs, seen = [], set()
    for line in (EVAL_DIR / file_name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        a, b = fields[0].strip().lower(), fields[1].strip().lower()
        if a in vocab and b in vocab and (a, b) not in seen:
            seen.add((a, b))
            pairs.append([a, b])
        if len(pairs) == SIMILARITY_PAIRS_PER_FILE:
            break
    return pairs


def scored(pairs):
    return [[word, float(score)] for word, score in pairs]


def main():
    if not EVAL_DIR.is_dir():
        fail(f"the evaluation sets are missing: expected the folder {EVAL_DIR} "
             "(questions-words.txt, wordsim353.tsv, simlex999.txt) beside the repository")
    for name in ("questions-words.txt", "wordsim353.tsv", "simlex999.txt"):
        if not (EVAL_DIR / name).is_file():
            fail(f"the evaluation file {EVAL_DIR / name} is missing")
    try:
        import gensim
        import sklearn
        from gensim.models import KeyedVectors
        from sklearn.decomposition import PCA
    except ImportError as error:
        fail(f"{error}; run this script with Debian's /usr/bin/python3 "
             "(apt-get install python3-gensim python3-sklearn)")

    if len(sys.argv) > 1:
        asset = Path(sys.argv[1])
    else:
        asset = REPO / "dist" / "assets" / "glove-6b-100d-10k.bin"
        if not asset.is_file():
            asset = REPO / "assets" / "glove-6b-100d-10k.bin"
    words, vectors, crc = read_asset(asset)
    kv = KeyedVectors(vectors.shape[1])
    kv.add_vectors(words, vectors)
    vocab = kv.key_to_index

    for group in [NEAREST_WORDS, *DOESNT_MATCH_GROUPS, *PCA_PRESETS.values(), *PAGE_ANALOGIES]:
        missing = [w for w in group if w not in vocab]
        if missing:
            fail(f"query words not in the vector set: {missing}")

    topn = TOPN + TOPN_EXTRA
    nearest = [{"word": w, "results": scored(kv.most_similar(w, topn=topn))} for w in NEAREST_WORDS]
    # most_similar(positive=[vector]) excludes nothing, so the word itself comes first.
    nearest_to_vector = [{"word": w, "results": scored(kv.most_similar(positive=[kv[w]], topn=topn))}
                         for w in NEAREST_WORDS[:8]]
    # The decoded values of a few words, for an exact check of the project's reader.
    decoded = {w: vectors[vocab[w]].tolist() for w in ("the", ",", "cat", "kitten", words[-1])}

    analogies = []
    questions = read_questions(vocab) + [("page-examples", q) for q in PAGE_ANALOGIES]
    for section, (a, b, c, d) in questions:
        positive, negative = [b, c], [a]
        analogies.append({
            "section": section,
            "question": [a, b, c, d],
            "positive": positive,
            "negative": negative,
            "add": scored(kv.most_similar(positive=positive, negative=negative, topn=topn)),
            "mul": scored(kv.most_similar_cosmul(positive=positive, negative=negative, topn=topn)),
        })

    similarity = []
    for source in ("wordsim353.tsv", "simlex999.txt"):
        for a, b in read_pairs(source, vocab):
            similarity.append({"source": source, "a": a, "b": b, "score": float(kv.similarity(a, b))})

    doesnt_match = [{
        "words": group,
        "word": kv.doesnt_match(group),
        # gensim's own scores behind doesnt_match: cosine with the mean, best first.
        "ranking": [[w, float(s)] for s, w in kv.rank_by_centrality(group)],
    } for group in DOESNT_MATCH_GROUPS]

    # svd_solver="full": the exact PCA. scikit-learn's default ("auto") is already "full" for
    # the presets and the 500-word list (<= 500 rows); for the whole vocabulary it would pick
    # the randomized solver, whose coordinates are off the exact ones by ~5e-4.
    five_hundred = words[1000:6000:10]
    normed = kv.get_normed_vectors()
    pca_cases = [(name, ws, c, False) for name, ws in PCA_PRESETS.items() for c in (2, 3)]
    pca_cases += [("500 words", five_hundred, 2, False), ("500 words", five_hundred, 3, False),
                  ("all", None, 2, False),
                  ("animals", PCA_PRESETS["animals"], 2, True),
                  ("500 words", five_hundred, 3, True)]
    pca = []
    for name, ws, components, normalize in pca_cases:
        source = normed if normalize else vectors
        rows = source if ws is None else source[[vocab[w] for w in ws]]
        model = PCA(n_components=components, svd_solver="full")
        coords = model.fit_transform(rows.astype(np.float64))
        pca.append({
            "name": name,
            "words": ws,
            "components": components,
            "normalize": normalize,
            "coords": coords.tolist(),
            "explained": model.explained_variance_ratio_.tolist(),
            "variance": model.explained_variance_.tolist(),
        })

    json.dump({
        "meta": {
            "gensim": gensim.__version__,
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "asset": str(asset),
            "crc32": crc,
            "count": len(words),
            "dim": int(vectors.shape[1]),
            "topn": TOPN,
        },
        "vectors": decoded,
        "nearest": nearest,
        "nearestToVector": nearest_to_vector,
        "analogies": analogies,
        "similarity": similarity,
        "doesntMatch": doesnt_match,
        "pca": pca,
    }, sys.stdout)


if __name__ == "__main__":
    main()
