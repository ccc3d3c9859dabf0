// The tokenizers the page offers, in the picker's order, and the sample texts.

/** name: the API's tokenizer name; label: shown in the picker and the compare table. */
export const TOKENIZER_CHOICES = [
  { name: "gpt2", label: "GPT-2 · r50k_base", short: "GPT-2", size: 0.37 },
  { name: "p50k_base", label: "p50k_base (Codex, text-davinci-003)", short: "p50k_base", size: 0.37 },
  { name: "cl100k_base", label: "GPT-3.5 / GPT-4 · cl100k_base", short: "cl100k_base", size: 0.74 },
  { name: "o200k_base", label: "GPT-4o · o200k_base", short: "o200k_base", size: 1.6 },
  { name: "llama3", label: "Llama 3", short: "Llama 3", size: 0.97 },
  { name: "words", label: { en: "Words (GloVe)", tr: "Kelimeler (GloVe)" }, short: { en: "Words (GloVe)", tr: "Kelimeler (GloVe)" }, size: 0 },
];

/** The byte-level BPE tokenizers, compared side by side. */
export const COMPARED = TOKENIZER_CHOICES.filter((c) => c.name !== "words");

export const DEFAULT_TOKENIZER = "gpt2";

/** The text the panel starts with, in the UI language. */
export const DEFAULT_TEXT = {
  en: "The dog chased the kitten across the garden, and the cat watched from the window. A tokenizer turns this sentence into numbers before any model sees it 👋",
  tr: "Köpek, bahçede yavru kediyi kovaladı; kedi ise pencereden izledi. Bir tokenizer bu cümleyi, herhangi bir model görmeden önce sayılara dönüştürür 👋",
};

/** Paragraphs for the compare view: the same meaning in Turkish and in English. */
export const COMPARE_SAMPLES = {
  tr: "Yapay zekâ modelleri metni doğrudan okumaz: önce metin küçük parçalara, yani token'lara bölünür ve her token bir sayıya dönüşür. Türkçe eklemeli bir dil olduğu için tek bir kelime birçok ek alabilir; örneğin “evlerimizden” kelimesi, İngilizce metinlerle eğitilmiş bir tokenizer'da pek çok parçaya ayrılır. Bu yüzden aynı anlamı taşıyan bir cümle Türkçede daha çok token tutar ve modele daha pahalıya gelir.",
  en: "AI models do not read text directly: first the text is cut into small pieces, called tokens, and each token becomes a number. Turkish is an agglutinative language, so a single word can carry many suffixes; for example, the word “evlerimizden” (from our houses) splits into many pieces in a tokenizer trained mostly on English text. That is why a sentence with the same meaning holds more tokens in Turkish and costs the model more.",
};

/** Example chips of the tokenizer panel: { id, text } (label from i18n "tok.sample.<id>" unless given). */
export const TOKEN_EXAMPLES = [
  { id: "words", label: "dog cat kitten apple banana", text: "dog cat kitten apple banana" },
  { id: "emoji", label: "👋 🌍 👨‍👩‍👧", text: "hello 👋 world 🌍 family 👨‍👩‍👧" },
  { id: "special", label: "<|endoftext|>", text: "First document.<|endoftext|>Second document." },
  { id: "code", text: "def add(a, b):\n    return a + b\n\nprint(add(2, 40))  # 42\n" },
  { id: "numbers", text: "1 12 123 1234 12345 123456 3.14159 2026-11-25" },
];
