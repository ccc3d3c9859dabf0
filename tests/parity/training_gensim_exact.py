#!/usr/bin/python3
"""What the training core must compute exactly as gensim 4.2 / numpy 1.24 / Python 3.11 do,
checked through the C++ driver (tools/train-cli.cc) on many inputs:

  - fastText n-gram buckets (gensim.models.fasttext.ft_ngram_hashes) of Turkish, emoji, CJK
    and random Unicode words, for several minn/maxn/bucket settings;
  - the vocabulary (order with numpy's tie order, counts, sample_int, cum_table) that gensim's
    Word2Vec.build_vocab makes of both shipped corpora with several settings;
  - float32 numbers as numpy's repr prints them (what save_word2vec_format writes);
  - default lower-casing as Python's str.lower() for every code point Python 3.11 knows
    (Unicode 14; code points new in Debian's Unicode 15 tables are left out) and Greek
    words with final sigma.

    /usr/bin/python3 tests/parity/training_gensim_exact.py [path/to/playground_train]

Prints a JSON summary; exits 1 on any difference (the first few are printed).
"""

import gzip
import json
import random
import struct
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
from gensim.models import Word2Vec
from gensim.models.fasttext import ft_ngram_hashes

REPO = Path(__file__).resolve().parents[2]
DRIVER = sys.argv[1] if len(sys.argv) > 1 else str(REPO / "build" / "native" / "playground_train")
problems = []
summary = {}


def driver(*args, stdin=""):
    return subprocess.run([DRIVER, *args], input=stdin, check=True, capture_output=True, text=True).stdout


def report(name, got, expected, label):
    bad = [(l, g, e) for l, g, e in zip(label, got, expected) if g != e]
    if len(got) != len(expected):
        bad.insert(0, ("length", len(got), len(expected)))
    summary[name] = {"checked": len(expected), "differences": len(bad)}
    problems.extend((name,) + b for b in bad[:5])


def check_ngrams():
    rng = random.Random(1)
    words = ["kedi", "kediler", "ağaç", "İstanbul'da", "ışık", "şu", "öğretmen", "a", "ab", "😀", "a😀b",
             "東京", "naïve", "e\u0301", "çöğüşı", "x" * 40]
    alphabet = "abcçdefgğhıijklmnoöprsştuüvyzâîû'0123456789éñ" + "😀🎉東京ДЖ"
    words += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for minn, maxn, buckets in [(3, 6, 2000000), (1, 3, 1000), (2, 5, 7), (4, 4, 2000000)]:
        out = driver("ngrams", "--minn", str(minn), "--maxn", str(maxn), "--buckets", str(buckets),
                     stdin="\n".join(words) + "\n").split("\n")[:-1]
        got = [[int(x) for x in line.split()] for line in out]
        expected = [ft_ngram_hashes(w, minn, maxn, buckets) for w in words]
        report(f"ngrams {minn}-{maxn}/{buckets}", got, expected, words)


def check_vocabulary():
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("sotu", "turkish-news"):
            path = Path(tmp) / f"{name}.txt"
            path.write_bytes(gzip.decompress((REPO / "assets" / "corpora" / f"{name}.txt.gz").read_bytes()))
            sentences = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
            for min_count, sample, max_final in [(5, 1e-3, None), (1, 1e-5, None), (3, 0, 5000)]:
                model = Word2Vec(vector_size=4, min_count=min_count, sample=sample, max_final_vocab=max_final,
                                 workers=1)
                model.build_vocab(sentences)
                wv = model.wv
                expected = [f"{w} {wv.get_vecattr(w, 'count')} {wv.get_vecattr(w, 'sample_int')} {model.cum_table[i]}"
                            for i, w in enumerate(wv.index_to_key)]
                args = ["vocabulary", "--corpus", str(path), "--min-count", str(min_count), "--sample", repr(sample)]
                if max_final:
                    args += ["--max-final-vocab", str(max_final)]
                got = driver(*args).split("\n")[:-1]
                report(f"vocabulary {name} min_count={min_count} sample={sample} max_final={max_final}", got,
                       expected, range(len(expected)))


def check_floats():
    rng = random.Random(2)
    bits = [rng.getrandbits(32) for _ in range(20000)]
    bits += [struct.unpack("<I", struct.pack("<f", v))[0] for v in
             (0.0, -0.0, 1e-4, 1e16, 9.9999e15, 1e-45, 3.4e38, 0.1, 2.0**-20, 2.0**30, 1.0)]
    values = [np.frombuffer(struct.pack("<I", b), dtype=np.float32)[0] for b in bits]
    keep = [(b, v) for b, v in zip(bits, values) if np.isfinite(v)]
    got = driver("format-floats", stdin="\n".join(f"{b:08x}" for b, _ in keep) + "\n").split("\n")[:-1]
    report("float32 repr", got, [repr(v) for _, v in keep], [f"{b:08x}" for b, _ in keep])


def check_lowercase():
    # One code point per line, each a word of its own; skip controls, surrogates and code points
    # Python's Unicode 14 does not know (their lower-case mapping may be new in 15.0).
    cps = [cp for cp in range(0x20, 0x110000)
           if not 0xD800 <= cp <= 0xDFFF and unicodedata.category(chr(cp)) not in ("Cn", "Cc", "Zl", "Zp")]
    words = [chr(cp) for cp in cps]
    words += ["ΟΔΟΣ", "ΟΔΟΣ'", "ΑΣ'Α", "Σ", "ΑΣΑ", "ΑΣ̈", "ΜΆΣ", "ΌΣΟΣ", "İSTANBUL", "IĞDIR", "ΣΑΣ"]
    got = driver("lowercase", "--language", "en", stdin="\n".join(words) + "\n").split("\n")[:-1]
    report("lowercase (default)", got, [w.lower() for w in words], words)
    turkish = ["İSTANBUL", "IĞDIR", "KEDİ", "ISPARTA'DA", "I\u0307", "ÇÖĞÜŞ", "İıIi"]
    expected = ["istanbul", "ığdır", "kedi", "ısparta'da", "i", "çöğüş", "iııi"]
    got = driver("lowercase", "--language", "tr", stdin="\n".join(turkish) + "\n").split("\n")[:-1]
    report("lowercase (Turkish)", got, expected, turkish)


def main():
    check_ngrams()
    check_vocabulary()
    check_floats()
    check_lowercase()
    print(json.dumps(summary, indent=1))
    for p in problems[:30]:
        print("DIFFERENCE", p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
