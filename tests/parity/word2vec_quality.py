#!/usr/bin/python3
"""Quality of the project's word2vec against gensim 4.2's Word2Vec with the same settings on
the shipped State of the Union corpus (assets/corpora/sotu.txt.gz): skip-gram and CBOW, dim
100, window 5, negative 5, min_count 5, sample 1e-3, 5 epochs, one worker.

Both sets of vectors are written in word2vec text (ours by the C++ saver through the driver,
gensim's by save_word2vec_format), read back with KeyedVectors.load_word2vec_format and scored
with gensim's evaluate_word_analogies (Google analogies, questions-words.txt) and
evaluate_word_pairs (WordSim353, Spearman) from ../shared/data/eval. Ours must reach gensim's
score minus 0.02 on both, for both models. Also times both trainers (one thread each, in the
same run) and prints everything as JSON.

    /usr/bin/python3 tests/parity/word2vec_quality.py [path/to/playground_train]

Exits 2 if the evaluation data is missing (the test must fail, not skip), 1 on a shortfall.
"""

import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gensim.models import KeyedVectors, Word2Vec

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO.parent / "shared" / "data" / "eval"
DRIVER = sys.argv[1] if len(sys.argv) > 1 else str(REPO / "build" / "native" / "playground_train")
MARGIN = 0.02
SETTINGS = dict(vector_size=100, window=5, negative=5, min_count=5, sample=1e-3, epochs=5)
SEED = 1


def evaluate(path):
    kv = KeyedVectors.load_word2vec_format(path)
    analogy = kv.evaluate_word_analogies(str(EVAL / "questions-words.txt"))[0]
    pairs = kv.evaluate_word_pairs(str(EVAL / "wordsim353.tsv"))
    return {"analogy": analogy, "wordsim353": pairs[1][0], "vocabulary": len(kv)}


def main():
    for name in ("questions-words.txt", "wordsim353.tsv"):
        if not (EVAL / name).exists():
            print(f"missing evaluation data {EVAL / name}", file=sys.stderr)
            sys.exit(2)
    results, ok = {}, True
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "sotu.txt"
        corpus.write_bytes(gzip.decompress((REPO / "assets" / "corpora" / "sotu.txt.gz").read_bytes()))
        sentences = [line.split() for line in corpus.read_text(encoding="utf-8").splitlines()]
        words = sum(len(s) for s in sentences)
        for model, sg in (("skipgram", 1), ("cbow", 0)):
            gensim_model = Word2Vec(sg=sg, workers=1, seed=SEED, **SETTINGS)
            gensim_model.build_vocab(sentences)
            start = time.perf_counter()
            gensim_model.train(sentences, total_examples=gensim_model.corpus_count,
                               total_words=gensim_model.corpus_total_words, epochs=SETTINGS["epochs"])
            gensim_seconds = time.perf_counter() - start
            gensim_path = Path(tmp) / f"gensim-{model}.txt"
            gensim_model.wv.save_word2vec_format(str(gensim_path))

            ours_path = Path(tmp) / f"ours-{model}.txt"
            args = [DRIVER, "word2vec", "--corpus", str(corpus), "--out", str(ours_path),
                    "--model", "sg" if sg else "cbow", "--dim", "100", "--window", "5", "--negative", "5",
                    "--min-count", "5", "--sample", "0.001", "--epochs", "5", "--seed", str(SEED)]
            summary = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)

            ours, theirs = evaluate(ours_path), evaluate(gensim_path)
            passed = (ours["analogy"] >= theirs["analogy"] - MARGIN
                      and ours["wordsim353"] >= theirs["wordsim353"] - MARGIN
                      and ours["vocabulary"] == theirs["vocabulary"])
            ok = ok and passed
            results[model] = {
                "ours": ours, "gensim": theirs, "passed": passed,
                "ours_words_per_second": summary["words_per_second"],
                "gensim_words_per_second": words * SETTINGS["epochs"] / gensim_seconds,
                "ours_epoch_losses": summary["epoch_losses"],
            }
    print(json.dumps(results, indent=1))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
