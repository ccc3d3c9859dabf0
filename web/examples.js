// Every word the page offers as an example. tools/build-vectors.mjs ships all of these in
// the default vector set even when they fall outside GloVe's 10,000 most frequent words,
// and tests/js/examples.test.mjs checks that each one is there.

/** Preset groups for the PCA map, from the course material. */
export const PCA_PRESETS = [
  {
    id: "animals",
    label: { tr: "Hayvanlar", en: "Animals" },
    words: ["cat", "dog", "kitten", "puppy", "horse", "cow", "lion", "tiger", "wolf", "fox", "bird", "fish", "sheep", "goat", "mouse", "rabbit", "frog"],
  },
  {
    id: "fruit",
    label: { tr: "Meyveler", en: "Fruit" },
    words: ["apple", "banana", "orange", "grape", "mango", "pear", "cherry", "lemon", "strawberry", "peach", "watermelon", "pineapple"],
  },
  {
    id: "royalty",
    label: { tr: "Kraliyet ve aile", en: "Royalty and family" },
    words: ["king", "queen", "prince", "princess", "man", "woman", "boy", "girl", "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "uncle", "aunt"],
  },
  {
    id: "capitals",
    label: { tr: "Ülkeler ve başkentler", en: "Countries and capitals" },
    words: ["turkey", "ankara", "france", "paris", "germany", "berlin", "italy", "rome", "japan", "tokyo", "spain", "madrid", "russia", "moscow", "egypt", "cairo", "greece", "athens", "china", "beijing"],
  },
];

/** Analogy examples: a is to b as c is to ? (expected answer for the reader). */
export const ANALOGY_EXAMPLES = [
  { a: "man", b: "king", c: "woman", expect: "queen" },
  { a: "france", b: "paris", c: "italy", expect: "rome" },
  { a: "turkey", b: "ankara", c: "germany", expect: "berlin" },
  { a: "walk", b: "walking", c: "swim", expect: "swimming" },
  { a: "big", b: "bigger", c: "small", expect: "smaller" },
  { a: "good", b: "better", c: "bad", expect: "worse" },
];

/** Free expressions. */
export const EXPRESSION_EXAMPLES = ["king - man + woman", "paris - france + turkey", "kitten - cat + dog", "berlin - germany + japan"];

/** Odd-one-out groups. */
export const ODD_ONE_OUT_EXAMPLES = [
  ["breakfast", "cereal", "dinner", "lunch"],
  ["cat", "dog", "kitten", "banana"],
  ["apple", "banana", "pear", "computer"],
  ["paris", "berlin", "rome", "tiger"],
];

/** Similarity pairs. */
export const SIMILARITY_EXAMPLES = [
  ["dog", "cat"],
  ["kitten", "puppy"],
  ["coffee", "tea"],
  ["king", "queen"],
  ["frog", "toad"],
  ["computer", "banana"],
];

/** Words to start the lookup and neighbour panels with. */
export const LOOKUP_EXAMPLES = ["cat", "frog", "turkey", "kitten", "computer", "coffee"];

/** Every example word, deduplicated, in first-seen order. */
export function allExampleWords() {
  const words = [
    ...PCA_PRESETS.flatMap((p) => p.words),
    ...ANALOGY_EXAMPLES.flatMap((e) => [e.a, e.b, e.c, e.expect]),
    ...EXPRESSION_EXAMPLES.flatMap((e) => e.split(/\s+/).filter((w) => w !== "+" && w !== "-")),
    ...ODD_ONE_OUT_EXAMPLES.flat(),
    ...SIMILARITY_EXAMPLES.flat(),
    ...LOOKUP_EXAMPLES,
  ];
  return [...new Set(words)];
}
