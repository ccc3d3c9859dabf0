// web/words.js: reading typed words and lists, searching the vocabulary, and quoting input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hasNonAscii, normalizeWord, parseWordList, replaceListWord, shortQuote, usefulSuggestions, Vocabulary } from "../../web/words.js";

test("a typed word is trimmed and lower-cased, and says whether that changed it", () => {
  assert.deepEqual(normalizeWord("  Kitten "), { raw: "Kitten", word: "kitten", lowered: true });
  assert.deepEqual(normalizeWord("cat"), { raw: "cat", word: "cat", lowered: false });
  // Not the Turkish locale's lower-casing: "I" stays a word of the vocabulary.
  assert.equal(normalizeWord("IRAN").word, "iran");
});

test("a list splits on spaces, commas, semicolons and new lines, keeping the first of duplicates", () => {
  const { words, lowered, duplicates } = parseWordList("Cat, dog;cat\n\tKitten  dog,,");
  assert.deepEqual(words, ["cat", "dog", "kitten"]);
  assert.deepEqual(lowered, [["Cat", "cat"], ["Kitten", "kitten"]]);
  assert.deepEqual(duplicates, ["cat", "dog"]);
  assert.deepEqual(parseWordList("").words, []);
});

test("replacing a word in a typed list keeps the separators as typed", () => {
  assert.equal(replaceListWord("Cat, dgo;\nbird", "dgo", "dog"), "Cat, dog;\nbird");
  assert.equal(replaceListWord("KITEN kiten", "kiten", "kitten"), "kitten kitten");
});

test("prefix search: an exact match first, then by frequency; partition by vocabulary", () => {
  const vocab = new Vocabulary(["the", "cat", "catalog", "category", "dog", "cats"]);
  assert.deepEqual(vocab.prefixMatches("cat", 3), ["cat", "catalog", "category"]);
  assert.deepEqual(vocab.prefixMatches("cats"), ["cats"]);
  assert.deepEqual(vocab.prefixMatches(""), []);
  assert.deepEqual(vocab.prefixMatches("zebra"), []);
  assert.equal(vocab.rank("the"), 1);
  assert.equal(vocab.rank("dog"), 5);
  assert.equal(vocab.rank("kedi"), undefined);
  assert.deepEqual(vocab.partition(["dog", "kedi", "the"]), { known: ["dog", "the"], unknown: ["kedi"] });
});

test("punctuation-only suggestions are dropped for words with letters or non-ASCII characters", () => {
  assert.deepEqual(usefulSuggestions("🐱", [",", ".", "cat"]), ["cat"]);
  assert.deepEqual(usefulSuggestions("kiten", ["kitten", "-"]), ["kitten"]);
  assert.deepEqual(usefulSuggestions("!?", ["!", "?"]), ["!", "?"]);
  assert.equal(hasNonAscii("köpek"), true);
  assert.equal(hasNonAscii("dog"), false);
});

test("input is quoted as a short prefix, never cutting a surrogate pair", () => {
  assert.equal(shortQuote("cat"), "cat");
  const huge = "a".repeat(2_000_000);
  const quoted = shortQuote(huge);
  assert.ok(quoted.length <= 61, `${quoted.length} characters`);
  assert.ok(quoted.endsWith("…"));
  assert.equal(shortQuote("ab👋cd", 3), "ab…", "the emoji's first half is not kept alone");
  assert.equal(shortQuote("ab👋cd", 4), "ab👋…");
  assert.equal(shortQuote(12345, 3), "123…");
});
