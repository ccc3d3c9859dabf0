// Every UI string of the page, in Turkish and English, plus number formatting.
// A string is either text with {name} placeholders or a function of the parameters (for plurals).
// Elements carrying data-i18n (text), data-i18n-placeholder, data-i18n-aria-label or
// data-i18n-title are re-translated by applyTranslations() when the language changes.

const STRINGS = {
  en: {
    "app.title": "Embedding & Tokenizer Playground",
    "app.tagline": "See how real tokenizers cut text into tokens, then explore word vectors — neighbours, similarity, analogies and maps — computed right in your browser.",
    "app.badge": "Runs locally · WebAssembly",
    "lang.label": "Language",
    "notice.vocab":
      "The vectors are English GloVe words: 10,015 frequent words, all lower-case. Turkish words such as “kedi” are not in the vocabulary — try “cat”.",
    "notice.dismiss": "Got it",
    "skip.toContent": "Skip to the content",

    "load.core": "Loading the WebAssembly core…",
    "load.progress": "Loading word vectors… {received} of {total}",
    "load.progressNoTotal": "Loading word vectors… {received}",
    "load.ready": "Ready: {words} words × {dim} numbers, loaded in {ms} ms.",
    "load.failedTitle": "The playground could not start",
    "load.failedCore": "The WebAssembly core (lib/playground_core.wasm) did not load.",
    "load.failedLibrary": "The library (lib/playground.js) did not load.",
    "load.failedVectors": "The word vectors (assets/glove-6b-100d-10k.bin) did not load.",
    "load.details": "Details: {message}",
    "load.todo":
      "What to do: reload the page. If you host it yourself, build it with “bash tools/build.sh” and serve the dist/ folder over HTTP (“node tools/serve.mjs dist”).",
    "load.todoFile": "This page was opened from disk (file://), where browsers block loading the vectors. Serve the folder over HTTP instead: “node tools/serve.mjs dist”.",
    "load.retry": "Try again",
    "load.pending": "The vectors are still loading; this runs as soon as they are ready.",
    "load.unavailable": "This needs the word vectors, which could not be loaded: see the message at the top of the page.",

    "common.examples": "Examples",
    "common.word": "Word",
    "common.lowercased": "Lower-cased: {pairs}",
    "common.emptyWord": "Type a word first — for example {example}.",
    "common.emptyList": "Type some words first — for example {example}.",
    "common.oneWord": "Type a single word, without spaces: “{text}”.",
    "common.unknown": "{word} is not in the vocabulary.",
    "common.unknownIn": "{word} ({field}) is not in the vocabulary.",
    "common.unknownNonAscii": "The vocabulary has English words only; letters such as ç ğ ı ö ş ü and emoji never occur in it.",
    "common.didYouMean": "Did you mean",
    "common.noSuggestion": "No close word found: check the spelling, or try an English word.",
    "common.duplicates": (p) => `Removed ${p.n === 1 ? "a duplicate" : `${p.n} duplicates`}: ${p.words}.`,
    "common.skipped": (p) => `Skipped ${p.n === 1 ? "a word that is" : `${p.n} words that are`} not in the vocabulary: ${p.words}.`,
    "common.andMore": "… and {n} more",
    "common.errorGeneric": "Something went wrong: {message}",
    "common.errorArgument": "That input was not accepted: {message}",
    "common.needTwo": "Give at least two words that are in the vocabulary.",
    "common.replaceHint": "Use “{word}” instead",

    "ac.suggestions": "Suggestions",
    "ac.fuzzy": "No word starts with “{prefix}”. Close words:",
    "ac.rank": "#{rank}",

    "lookup.title": "Word lookup",
    "lookup.intro": "Start typing to get suggestions from the vocabulary, most frequent first. Pick one to see its neighbours and its 100 numbers.",
    "lookup.label": "Word",
    "lookup.submit": "Look up",
    "lookup.rank": "Frequency rank",
    "lookup.rankValue": "#{rank} of {n}",
    "lookup.norm": "Vector length",
    "lookup.extra": "outside the top 10,000 (added as an example word)",
    "lookup.neighbours": "Closest words",
    "lookup.vector": "Its {dim} numbers",

    "neighbours.title": "Nearest neighbours",
    "neighbours.intro": "The words whose vectors point in the most similar direction (cosine similarity). Click a result to explore it.",
    "neighbours.label": "Word",
    "neighbours.k": "How many",
    "neighbours.submit": "Find",
    "neighbours.heading": "{k} nearest to {word}",
    "neighbours.kClamped": "Showing {k}: choose a number from 5 to 50.",
    "neighbours.explore": "Explore {word}",

    "similarity.title": "Similarity of two words",
    "similarity.intro": "Cosine similarity: 1 means the same direction, 0 unrelated, −1 opposite.",
    "similarity.a": "First word",
    "similarity.b": "Second word",
    "similarity.submit": "Compare",
    "similarity.heading": "cosine({a}, {b})",
    "similarity.angle": "Angle between the vectors: {deg}°",
    "similarity.scale": "Scale from −1 to 1",

    "analogy.title": "Analogy",
    "analogy.intro": "a is to b as c is to ? — answered with the words nearest to b − a + c.",
    "analogy.a": "a",
    "analogy.b": "b",
    "analogy.c": "c",
    "analogy.aFull": "word a",
    "analogy.bFull": "word b",
    "analogy.cFull": "word c",
    "analogy.method": "Method",
    "analogy.add": "Add (3CosAdd)",
    "analogy.mul": "Multiply (3CosMul)",
    "analogy.submit": "Solve",
    "analogy.heading": "{a} : {b} :: {c} : ?",
    "analogy.expected": "Expected answer: {word}",
    "analogy.needAll": "Fill in all three words a, b and c — for example man, king, woman.",
    "analogy.exprTitle": "Free expression",
    "analogy.exprLabel": "Expression (words joined by + and −)",
    "analogy.exprSubmit": "Calculate",
    "analogy.parsed": "Read as",
    "analogy.exprEmpty": "Type an expression first — for example {example}.",
    "analogy.exprError": "The expression could not be read: {message}",
    "expr.empty": "it is empty.",
    "expr.twoOps": "two operators in a row after “{word}”; put a word between them.",
    "expr.twoOpsStart": "two operators in a row; put a word between them.",
    "expr.missingOp": "a + or − is missing between “{a}” and “{b}”.",
    "expr.noWords": "it has operators but no words.",
    "expr.trailingOp": "it ends with an operator after “{word}”; add a word after it.",
    "expr.noPositive": "it needs at least one word with a + sign (or no sign), such as king - man + woman.",

    "odd.title": "Odd one out",
    "odd.intro": "Finds the word least similar to the group's average direction.",
    "odd.label": "Words (separated by commas or spaces)",
    "odd.submit": "Find the odd one",
    "odd.answer": "Odd one out: {word}",
    "odd.scoreCaption": "Similarity of each word to the group's mean",
    "odd.capped": "Showing the {shown} lowest of {n} scores.",
    "odd.tooMany": "Used the first {max} of {n} words (the limit).",

    "strip.title": "A word's 100 numbers as colours",
    "strip.intro": "Each cell is one of the vector's numbers: blue is negative, red positive. Enter several words to compare them one above the other.",
    "strip.label": "Words (one or more)",
    "strip.submit": "Show",
    "strip.help": "Hover a strip, or focus it and press ← → to read the values of one dimension.",
    "strip.readout": "Index {i}",
    "strip.aria": "{word}: {dim} numbers as colours. Use the left and right arrow keys to read them.",
    "strip.legend": "Colour scale",
    "strip.capped": "Showing the first {max} of {n} words.",

    "pca.title": "2D map (PCA)",
    "pca.intro":
      "Projects the words' 100-d vectors onto their two main directions of variation. Pick one or more presets, or type your own words.",
    "pca.label": "Words (commas, spaces or new lines)",
    "pca.presets": "Presets",
    "pca.submit": "Draw map",
    "pca.clear": "Clear",
    "pca.normalize": "Use unit-length vectors",
    "pca.variance": "Explained variance",
    "pca.total": "total",
    "pca.zoomIn": "Zoom in",
    "pca.zoomOut": "Zoom out",
    "pca.reset": "Reset view",
    "pca.exportCsv": "CSV",
    "pca.exportSvg": "SVG",
    "pca.exportPng": "PNG",
    "pca.exportLabel": "Download",
    "pca.help": "Drag or use the arrow keys to pan; + and − (or the wheel, once the map is clicked) to zoom; 0 resets.",
    "pca.wheelHint": "Click the map (or hold Ctrl) to zoom with the wheel",
    "pca.mapAria": "Scatter plot of {n} words on the first two principal components.",
    "pca.labels": "Labels shown for {shown} of {n} words (crowded); zoom in to see more.",
    "pca.capped": "Drew the first {max} of {n} words (the limit).",
    "pca.other": "Other",
    "pca.table": "Coordinates ({n} words)",
    "pca.empty": "Choose a preset or type at least two words.",
    "pca.points": (p) => `${p.n} words`,

    "nav.label": "Sections",
    "nav.tokens": "Tokenizer",
    "nav.vectors": "Word vectors",
    "section.tokens": "Text → tokens → ids",
    "section.tokensIntro": "Before a model sees any text, a tokenizer cuts it into tokens and turns each token into a number, its id. Models then look each id up as a vector.",
    "section.vectors": "Word vectors",
    "section.vectorsIntro": "Each word of the vocabulary is a vector of 100 numbers; words used in similar contexts point in similar directions.",

    "tok.title": "Tokenizer",
    "tok.intro": "Type or paste any text and see how a real tokenizer cuts it — the same ids as OpenAI's tiktoken and Meta's Llama 3 tokenizer. Hover or tap a token for its id and bytes.",
    "tok.picker": "Tokenizer",
    "tok.textLabel": "Text",
    "tok.placeholder": "Type or paste text here…",
    "tok.showWs": "Show whitespace",
    "tok.escapes": "Read \\n and \\t as newline and tab",
    "tok.special": "Recognize special tokens",
    "tok.bos": "Add BOS, as the model does",
    "tok.sampleDefault": "Sample text",
    "tok.sample.code": "Python code",
    "tok.sample.numbers": "Numbers",
    "tok.empty": "The text is empty: type something, paste a page, or pick an example.",
    "tok.loading": "Downloading the {name} tokenizer… {received} of {total}",
    "tok.loadingNoTotal": "Downloading the {name} tokenizer… {received}",
    "tok.encoding": "Encoding…",
    "tok.rendering": "Drawing tokens… {drawn} of {total}",
    "tok.done": "{n} tokens with {name}, in {ms} ms ({where}).",
    "tok.inWorker": "in a background worker",
    "tok.onMainThread": "on the page's thread",
    "tok.failed": "The {name} tokenizer could not be used: {message}",
    "tok.statTokens": "Tokens",
    "tok.statWords": "Word tokens",
    "tok.statChars": "Characters",
    "tok.statCharsHint": "Unicode code points",
    "tok.statUnits": "UTF-16 units",
    "tok.statUnitsHint": "JavaScript length",
    "tok.statBytes": "Bytes",
    "tok.statBytesHint": "UTF-8",
    "tok.statSpaceWords": "Words",
    "tok.statSpaceWordsHint": "separated by spaces",
    "tok.statRatio": "Characters per token",
    "tok.statRatioHint": "higher is cheaper",
    "tok.escapesRead": (p) => `Read ${p.n === "1" ? "one escape" : `${p.n} escapes`} (\\n, \\t, \\r or \\\\) as the character it stands for; the tokens below show the text that was encoded.`,
    "tok.escapesHint": "Your text has “\\n” typed as two characters (a backslash and a letter), and it was encoded just like that. Tick “Read \\n and \\t as newline and tab” to encode a real newline.",
    "tok.specialOff": "“{text}” was encoded as ordinary text, in several tokens (as tiktoken's encode_ordinary does). Tick “Recognize special tokens” to encode it as the single special token {id}.",
    "tok.specialOn": (p) => `“${p.text}” was recognized as the special token ${p.id}${p.n === "1" ? "" : ` (${p.n} times)`}. Untick “Recognize special tokens” to encode it as ordinary text.`,
    "tok.bosAdded": "The BOS token {id} (<|begin_of_text|>) was added at the start, as Llama 3 itself does.",
    "tok.wordsNote": (p) => `Words as the GloVe vocabulary was built (lower case, punctuation split off). Each id is the word's row in the vector set; ${p.missing === "0" ? "every word has a vector" : `${p.missing} of ${p.n} have no vector (dashed)`}. Click a word to see its nearest neighbours.`,
    "tok.viewAria": "Tokens. Use the arrow keys to step through them.",
    "tok.hidden": "Showing the first {shown} of {n} tokens ({hidden} not drawn). The counts and ids cover the whole text.",
    "tok.showMore": "Show {n} more",
    "tok.idsTitle": "Token ids",
    "tok.idsAria": "Token ids",
    "tok.idsCapped": "Showing the first {shown} of {n} ids; “Copy ids” copies them all.",
    "tok.copy": "Copy ids",
    "tok.copied": "Copied",
    "tok.copySelect": "Selected — press Ctrl+C",
    "tok.tipToken": "Token {n} of {total}",
    "tok.tipWord": "Word {n} of {total}",
    "tok.tipId": "id",
    "tok.tipText": "text",
    "tok.tipBytes": "bytes",
    "tok.tipLookup": "looked up as",
    "tok.tipVector": "vector",
    "tok.tipClick": "Click (or press Enter) for its nearest neighbours.",
    "tok.tipMissing": "Not in the vector set: this word has no vector.",
    "tok.tipPiece": "Part of “{char}”: this character's UTF-8 bytes are split over several tokens.",
    "tok.tipSpecial": "A special token.",
    "tok.tipBos": "Beginning-of-text token, added by the tokenizer; it covers no text.",
    "tok.stripTitle": "Words → vectors",
    "tok.stripIntro": "The same text cut into GloVe words: click a word to see its neighbours; dashed words have no vector.",
    "tok.stripPick": "{word}: vector #{id} — show its neighbours",
    "tok.stripMore": "(first {n} words)",
    "tok.nbHeading": "Nearest to {word}",
    "tok.nbOpen": "Open in Nearest neighbours",
    "tok.nbClose": "Close",

    "dec.title": "Decode ids → text",
    "dec.intro": "Paste token ids (separated by commas or spaces; brackets are fine) to get their text with the selected tokenizer.",
    "dec.label": "Token ids",
    "dec.submit": "Decode",
    "dec.result": (p) => `${p.n === "1" ? "1 id" : `${p.n} ids`} with ${p.name}:`,
    "dec.empty": "Type some token ids first — for example 9703, 3797.",
    "dec.notNumber": "Entry {pos} is “{value}”, which is not a token id: ids are whole numbers from 0 up.",
    "dec.outOfRange": "Entry {pos} is {value}, but {name} has ids from 0 to {max} only.",
    "dec.partial": "The text has “�”: the ids end (or start) in the middle of a character's bytes.",
    "dec.failed": "These ids could not be decoded: {message}",

    "cmp.title": "Compare tokenizers",
    "cmp.intro": "The same text in every tokenizer at once: the fewer tokens, the cheaper and the more text fits in a model's context.",
    "cmp.run": "Compare this text",
    "cmp.samples": "Samples",
    "cmp.sample.tr": "Turkish paragraph",
    "cmp.sample.en": "English paragraph",
    "cmp.downloadNote": "Comparing downloads every tokenizer's data once (4 MB in all); after that it follows the text as you type.",
    "cmp.idle": "Press “Compare this text” or pick a sample.",
    "cmp.summary": "{chars} characters, {bytes} bytes (UTF-8).",
    "cmp.caption": "Token counts of the text per tokenizer",
    "cmp.colTokenizer": "Tokenizer",
    "cmp.colTokens": "Tokens",
    "cmp.colRatio": "Chars / token",
    "cmp.colBar": "Relative to the fewest",
    "cmp.loading": "Downloading… {received} of {total}",
    "cmp.loadingNoTotal": "Downloading…",
    "cmp.queued": "Waiting…",
    "cmp.encoding": "Encoding…",
    "cmp.error": "Failed: {message}",

    "footer.data": "Data: GloVe 6B 100-d (Pennington, Socher, Manning 2014), PDDL; 10,015 most frequent words (GloVe's top 10,000 plus this page's example words).",
    "footer.local": "Everything runs locally in your browser (C++ compiled to WebAssembly): there is no server, and nothing you type leaves this page.",
    "footer.tokenizers": "Tokenizers: OpenAI's GPT-2, p50k, cl100k and o200k encodings (from tiktoken, MIT) and Meta's Llama 3 tokenizer (Meta Llama 3 Community License; Built with Meta Llama 3), re-implemented in C++ with the same ids.",
    "footer.glove": "GloVe project page",
    "footer.api": "JavaScript API (types)",
  },

  tr: {
    "app.title": "Gömme ve Tokenizer Oyun Alanı",
    "app.tagline": "Gerçek tokenizer'ların metni nasıl token'lara böldüğünü görün, sonra kelime vektörlerini keşfedin: komşular, benzerlik, analojiler ve haritalar — hepsi tarayıcınızda hesaplanır.",
    "app.badge": "Yerel çalışır · WebAssembly",
    "lang.label": "Dil",
    "notice.vocab":
      "Vektörler İngilizce GloVe kelimeleridir: sık kullanılan 10.015 kelime, hepsi küçük harfle. “kedi” gibi Türkçe kelimeler sözlükte yok — “cat” deneyin.",
    "notice.dismiss": "Anladım",
    "skip.toContent": "İçeriğe geç",

    "load.core": "WebAssembly çekirdeği yükleniyor…",
    "load.progress": "Kelime vektörleri yükleniyor… {received} / {total}",
    "load.progressNoTotal": "Kelime vektörleri yükleniyor… {received}",
    "load.ready": "Hazır: {words} kelime × {dim} sayı, {ms} ms'de yüklendi.",
    "load.failedTitle": "Oyun alanı başlatılamadı",
    "load.failedCore": "WebAssembly çekirdeği (lib/playground_core.wasm) yüklenemedi.",
    "load.failedLibrary": "Kütüphane (lib/playground.js) yüklenemedi.",
    "load.failedVectors": "Kelime vektörleri (assets/glove-6b-100d-10k.bin) yüklenemedi.",
    "load.details": "Ayrıntı: {message}",
    "load.todo":
      "Ne yapmalı: sayfayı yeniden yükleyin. Sayfayı kendiniz barındırıyorsanız “bash tools/build.sh” ile derleyin ve dist/ klasörünü HTTP üzerinden sunun (“node tools/serve.mjs dist”).",
    "load.todoFile": "Sayfa diskten (file://) açılmış; tarayıcılar orada vektörlerin yüklenmesini engeller. Klasörü HTTP üzerinden sunun: “node tools/serve.mjs dist”.",
    "load.retry": "Yeniden dene",
    "load.pending": "Vektörler hâlâ yükleniyor; hazır olur olmaz bu sorgu çalışacak.",
    "load.unavailable": "Bunun için kelime vektörleri gerekiyor ama yüklenemediler: sayfanın üstündeki mesaja bakın.",

    "common.examples": "Örnekler",
    "common.word": "Kelime",
    "common.lowercased": "Küçük harfe çevrildi: {pairs}",
    "common.emptyWord": "Önce bir kelime yazın — örneğin {example}.",
    "common.emptyList": "Önce birkaç kelime yazın — örneğin {example}.",
    "common.oneWord": "Boşluksuz tek bir kelime yazın: “{text}”.",
    "common.unknown": "{word} sözlükte yok.",
    "common.unknownIn": "{word} ({field}) sözlükte yok.",
    "common.unknownNonAscii": "Sözlükte yalnızca İngilizce kelimeler var; ç ğ ı ö ş ü gibi harfler ve emojiler hiç geçmez.",
    "common.didYouMean": "Bunu mu demek istediniz",
    "common.noSuggestion": "Yakın bir kelime bulunamadı: yazımı kontrol edin ya da İngilizce bir kelime deneyin.",
    "common.duplicates": (p) => `Tekrarlanan ${p.n} kelime çıkarıldı: ${p.words}.`,
    "common.skipped": (p) => `Sözlükte olmayan ${p.n} kelime atlandı: ${p.words}.`,
    "common.andMore": "… ve {n} tane daha",
    "common.errorGeneric": "Bir şeyler ters gitti: {message}",
    "common.errorArgument": "Bu girdi kabul edilmedi: {message}",
    "common.needTwo": "Sözlükte bulunan en az iki kelime girin.",
    "common.replaceHint": "Yerine “{word}” kullan",

    "ac.suggestions": "Öneriler",
    "ac.fuzzy": "“{prefix}” ile başlayan kelime yok. Yakın kelimeler:",
    "ac.rank": "#{rank}",

    "lookup.title": "Kelime arama",
    "lookup.intro": "Yazmaya başlayın; sözlükten öneriler gelir, en sık kullanılanlar önce. Birini seçince komşularını ve 100 sayısını görürsünüz.",
    "lookup.label": "Kelime",
    "lookup.submit": "Ara",
    "lookup.rank": "Sıklık sırası",
    "lookup.rankValue": "#{rank} / {n}",
    "lookup.norm": "Vektör uzunluğu",
    "lookup.extra": "ilk 10.000'in dışında (örnek kelime olarak eklendi)",
    "lookup.neighbours": "En yakın kelimeler",
    "lookup.vector": "{dim} sayısı",

    "neighbours.title": "En yakın komşular",
    "neighbours.intro": "Vektörü en benzer yönü gösteren kelimeler (kosinüs benzerliği). Bir sonuca tıklayınca sorgu o kelime olur.",
    "neighbours.label": "Kelime",
    "neighbours.k": "Kaç tane",
    "neighbours.submit": "Bul",
    "neighbours.heading": "{word} için en yakın {k} kelime",
    "neighbours.kClamped": "{k} sonuç gösteriliyor: 5 ile 50 arasında bir sayı seçin.",
    "neighbours.explore": "{word} kelimesini incele",

    "similarity.title": "İki kelimenin benzerliği",
    "similarity.intro": "Kosinüs benzerliği: 1 aynı yön, 0 ilgisiz, −1 zıt yön demektir.",
    "similarity.a": "Birinci kelime",
    "similarity.b": "İkinci kelime",
    "similarity.submit": "Karşılaştır",
    "similarity.heading": "kosinüs({a}, {b})",
    "similarity.angle": "Vektörler arasındaki açı: {deg}°",
    "similarity.scale": "−1'den 1'e ölçek",

    "analogy.title": "Analoji",
    "analogy.intro": "a'ya göre b neyse, c'ye göre ? odur — b − a + c'ye en yakın kelimelerle yanıtlanır.",
    "analogy.a": "a",
    "analogy.b": "b",
    "analogy.c": "c",
    "analogy.aFull": "a kelimesi",
    "analogy.bFull": "b kelimesi",
    "analogy.cFull": "c kelimesi",
    "analogy.method": "Yöntem",
    "analogy.add": "Toplama (3CosAdd)",
    "analogy.mul": "Çarpma (3CosMul)",
    "analogy.submit": "Çöz",
    "analogy.heading": "{a} : {b} :: {c} : ?",
    "analogy.expected": "Beklenen yanıt: {word}",
    "analogy.needAll": "a, b ve c kelimelerinin üçünü de doldurun — örneğin man, king, woman.",
    "analogy.exprTitle": "Serbest ifade",
    "analogy.exprLabel": "İfade (+ ve − ile bağlanmış kelimeler)",
    "analogy.exprSubmit": "Hesapla",
    "analogy.parsed": "Şöyle okundu",
    "analogy.exprEmpty": "Önce bir ifade yazın — örneğin {example}.",
    "analogy.exprError": "İfade okunamadı: {message}",
    "expr.empty": "ifade boş.",
    "expr.twoOps": "“{word}” kelimesinden sonra art arda iki işlem işareti var; aralarına bir kelime yazın.",
    "expr.twoOpsStart": "art arda iki işlem işareti var; aralarına bir kelime yazın.",
    "expr.missingOp": "“{a}” ile “{b}” arasında + ya da − eksik.",
    "expr.noWords": "işlem işaretleri var ama kelime yok.",
    "expr.trailingOp": "ifade “{word}” kelimesinden sonra bir işlem işaretiyle bitiyor; ardından bir kelime ekleyin.",
    "expr.noPositive": "en az bir kelime + işaretli (ya da işaretsiz) olmalı, örneğin king - man + woman.",

    "odd.title": "Aykırı olanı bul",
    "odd.intro": "Grubun ortalama yönüne en az benzeyen kelimeyi bulur.",
    "odd.label": "Kelimeler (virgül ya da boşlukla ayrılmış)",
    "odd.submit": "Aykırıyı bul",
    "odd.answer": "Aykırı olan: {word}",
    "odd.scoreCaption": "Her kelimenin grup ortalamasına benzerliği",
    "odd.capped": "{n} skorun en düşük {shown} tanesi gösteriliyor.",
    "odd.tooMany": "{n} kelimenin ilk {max} tanesi kullanıldı (üst sınır).",

    "strip.title": "Bir kelimenin 100 sayısı, renklerle",
    "strip.intro": "Her hücre vektörün bir sayısıdır: mavi negatif, kırmızı pozitif. Karşılaştırmak için birden çok kelime girin; şeritler alt alta dizilir.",
    "strip.label": "Kelimeler (bir ya da daha fazla)",
    "strip.submit": "Göster",
    "strip.help": "Bir boyutun değerlerini okumak için şeridin üzerine gelin ya da şeride odaklanıp ← → tuşlarına basın.",
    "strip.readout": "İndis {i}",
    "strip.aria": "{word}: renklerle {dim} sayı. Okumak için sol ve sağ ok tuşlarını kullanın.",
    "strip.legend": "Renk ölçeği",
    "strip.capped": "{n} kelimenin ilk {max} tanesi gösteriliyor.",

    "pca.title": "2B harita (PCA)",
    "pca.intro":
      "Kelimelerin 100 boyutlu vektörlerini, en çok farklılaştıkları iki ana yönün (temel bileşenlerin) üzerine yansıtır. Bir ya da daha fazla hazır grup seçin ya da kendi kelimelerinizi yazın.",
    "pca.label": "Kelimeler (virgül, boşluk ya da yeni satır)",
    "pca.presets": "Hazır gruplar",
    "pca.submit": "Haritayı çiz",
    "pca.clear": "Temizle",
    "pca.normalize": "Birim uzunlukta vektörler kullan",
    "pca.variance": "Açıklanan varyans",
    "pca.total": "toplam",
    "pca.zoomIn": "Yakınlaştır",
    "pca.zoomOut": "Uzaklaştır",
    "pca.reset": "Görünümü sıfırla",
    "pca.exportCsv": "CSV",
    "pca.exportSvg": "SVG",
    "pca.exportPng": "PNG",
    "pca.exportLabel": "İndir",
    "pca.help": "Kaydırmak için sürükleyin ya da ok tuşlarını kullanın; yakınlaştırmak için + ve − (ya da haritaya tıkladıktan sonra tekerlek); 0 sıfırlar.",
    "pca.wheelHint": "Tekerlekle yakınlaştırmak için haritaya tıklayın (ya da Ctrl'ye basılı tutun)",
    "pca.mapAria": "{n} kelimenin ilk iki temel bileşen üzerindeki saçılım grafiği.",
    "pca.labels": "{n} kelimenin {shown} tanesinin etiketi gösteriliyor (kalabalık); daha fazlası için yakınlaştırın.",
    "pca.capped": "{n} kelimenin ilk {max} tanesi çizildi (üst sınır).",
    "pca.other": "Diğer",
    "pca.table": "Koordinatlar ({n} kelime)",
    "pca.empty": "Bir hazır grup seçin ya da en az iki kelime yazın.",
    "pca.points": (p) => `${p.n} kelime`,

    "nav.label": "Bölümler",
    "nav.tokens": "Tokenizer",
    "nav.vectors": "Kelime vektörleri",
    "section.tokens": "Metin → token'lar → id'ler",
    "section.tokensIntro": "Bir model metni görmeden önce tokenizer onu token'lara böler ve her token'ı bir sayıya, id'sine dönüştürür. Model sonra her id'yi bir vektör olarak arar.",
    "section.vectors": "Kelime vektörleri",
    "section.vectorsIntro": "Sözlükteki her kelime 100 sayılık bir vektördür; benzer bağlamlarda kullanılan kelimeler benzer yönleri gösterir.",

    "tok.title": "Tokenizer",
    "tok.intro": "Herhangi bir metni yazın ya da yapıştırın ve gerçek bir tokenizer'ın onu nasıl böldüğünü görün — OpenAI'nin tiktoken'ı ve Meta'nın Llama 3 tokenizer'ı ile aynı id'ler. Bir token'ın id'sini ve baytlarını görmek için üzerine gelin ya da dokunun.",
    "tok.picker": "Tokenizer",
    "tok.textLabel": "Metin",
    "tok.placeholder": "Metni buraya yazın ya da yapıştırın…",
    "tok.showWs": "Boşlukları göster",
    "tok.escapes": "\\n ve \\t'yi satır sonu ve sekme olarak oku",
    "tok.special": "Özel token'ları tanı",
    "tok.bos": "Modelin yaptığı gibi BOS ekle",
    "tok.sampleDefault": "Örnek metin",
    "tok.sample.code": "Python kodu",
    "tok.sample.numbers": "Sayılar",
    "tok.empty": "Metin boş: bir şey yazın, bir sayfa yapıştırın ya da bir örnek seçin.",
    "tok.loading": "{name} tokenizer'ı indiriliyor… {received} / {total}",
    "tok.loadingNoTotal": "{name} tokenizer'ı indiriliyor… {received}",
    "tok.encoding": "Kodlanıyor…",
    "tok.rendering": "Token'lar çiziliyor… {drawn} / {total}",
    "tok.done": "{name} ile {n} token, {ms} ms'de ({where}).",
    "tok.inWorker": "arka planda, bir worker'da",
    "tok.onMainThread": "sayfanın kendi iş parçacığında",
    "tok.failed": "{name} tokenizer'ı kullanılamadı: {message}",
    "tok.statTokens": "Token",
    "tok.statWords": "Kelime token'ı",
    "tok.statChars": "Karakter",
    "tok.statCharsHint": "Unicode kod noktası",
    "tok.statUnits": "UTF-16 birimi",
    "tok.statUnitsHint": "JavaScript'teki length",
    "tok.statBytes": "Bayt",
    "tok.statBytesHint": "UTF-8",
    "tok.statSpaceWords": "Kelime",
    "tok.statSpaceWordsHint": "boşlukla ayrılmış",
    "tok.statRatio": "Token başına karakter",
    "tok.statRatioHint": "yüksek olan daha ucuz",
    "tok.escapesRead": (p) => `${p.n} kaçış dizisi (\\n, \\t, \\r ya da \\\\) karşılık geldiği karakter olarak okundu; aşağıdaki token'lar kodlanan metni gösterir.`,
    "tok.escapesHint": "Metninizde “\\n” iki karakter olarak (ters eğik çizgi ve harf) yazılmış ve öyle kodlandı. Gerçek bir satır sonu için “\\n ve \\t'yi satır sonu ve sekme olarak oku” kutusunu işaretleyin.",
    "tok.specialOff": "“{text}” sıradan metin olarak, birkaç token hâlinde kodlandı (tiktoken'ın encode_ordinary'si gibi). Tek bir özel token ({id}) olarak kodlamak için “Özel token'ları tanı” kutusunu işaretleyin.",
    "tok.specialOn": (p) => `“${p.text}” özel token ${p.id} olarak tanındı${p.n === "1" ? "" : ` (${p.n} kez)`}. Sıradan metin olarak kodlamak için “Özel token'ları tanı” işaretini kaldırın.`,
    "tok.bosAdded": "Llama 3'ün kendisinin yaptığı gibi başa BOS token'ı {id} (<|begin_of_text|>) eklendi.",
    "tok.wordsNote": (p) => `GloVe sözlüğünün kurulduğu gibi kelimeler (küçük harf, noktalama ayrı). Her id, kelimenin vektör kümesindeki satırıdır; ${p.missing === "0" ? "her kelimenin vektörü var" : `${p.n} kelimenin ${p.missing} tanesinin vektörü yok (kesikli çerçeve)`}. En yakın komşularını görmek için bir kelimeye tıklayın.`,
    "tok.viewAria": "Token'lar. Aralarında gezinmek için ok tuşlarını kullanın.",
    "tok.hidden": "{n} token'ın ilk {shown} tanesi gösteriliyor ({hidden} tanesi çizilmedi). Sayımlar ve id'ler metnin tamamını kapsar.",
    "tok.showMore": "{n} tane daha göster",
    "tok.idsTitle": "Token id'leri",
    "tok.idsAria": "Token id'leri",
    "tok.idsCapped": "{n} id'nin ilk {shown} tanesi gösteriliyor; “id'leri kopyala” hepsini kopyalar.",
    "tok.copy": "id'leri kopyala",
    "tok.copied": "Kopyalandı",
    "tok.copySelect": "Seçildi — Ctrl+C'ye basın",
    "tok.tipToken": "Token {n} / {total}",
    "tok.tipWord": "Kelime {n} / {total}",
    "tok.tipId": "id",
    "tok.tipText": "metin",
    "tok.tipBytes": "baytlar",
    "tok.tipLookup": "aranan",
    "tok.tipVector": "vektör",
    "tok.tipClick": "En yakın komşuları için tıklayın (ya da Enter'a basın).",
    "tok.tipMissing": "Vektör kümesinde yok: bu kelimenin vektörü yok.",
    "tok.tipPiece": "“{char}” karakterinin parçası: bu karakterin UTF-8 baytları birkaç token'a bölünmüş.",
    "tok.tipSpecial": "Özel bir token.",
    "tok.tipBos": "Metin başı token'ı; tokenizer ekler, metinde karşılığı yoktur.",
    "tok.stripTitle": "Kelimeler → vektörler",
    "tok.stripIntro": "Aynı metin GloVe kelimelerine bölündü: komşularını görmek için bir kelimeye tıklayın; kesikli çerçeveli kelimelerin vektörü yok.",
    "tok.stripPick": "{word}: vektör #{id} — komşularını göster",
    "tok.stripMore": "(ilk {n} kelime)",
    "tok.nbHeading": "{word} kelimesine en yakınlar",
    "tok.nbOpen": "En yakın komşular panelinde aç",
    "tok.nbClose": "Kapat",

    "dec.title": "id'leri çöz → metin",
    "dec.intro": "Token id'lerini yapıştırın (virgül ya da boşlukla ayrılmış; köşeli parantez olabilir), seçili tokenizer ile metnini görün.",
    "dec.label": "Token id'leri",
    "dec.submit": "Çöz",
    "dec.result": "{name} ile {n} id:",
    "dec.empty": "Önce birkaç token id'si yazın — örneğin 9703, 3797.",
    "dec.notNumber": "{pos}. öğe “{value}”; bu bir token id'si değil: id'ler 0'dan başlayan tam sayılardır.",
    "dec.outOfRange": "{pos}. öğe {value}, ama {name} tokenizer'ında id'ler yalnızca 0 ile {max} arasındadır.",
    "dec.partial": "Metinde “�” var: id'ler bir karakterin baytlarının ortasında bitiyor (ya da başlıyor).",
    "dec.failed": "Bu id'ler çözülemedi: {message}",

    "cmp.title": "Tokenizer'ları karşılaştır",
    "cmp.intro": "Aynı metin tüm tokenizer'larda: token ne kadar azsa o kadar ucuzdur ve modelin bağlamına o kadar çok metin sığar.",
    "cmp.run": "Bu metni karşılaştır",
    "cmp.samples": "Örnekler",
    "cmp.sample.tr": "Türkçe paragraf",
    "cmp.sample.en": "İngilizce paragraf",
    "cmp.downloadNote": "Karşılaştırma her tokenizer'ın verisini bir kez indirir (toplam 4 MB); sonra siz yazdıkça metni izler.",
    "cmp.idle": "“Bu metni karşılaştır”a basın ya da bir örnek seçin.",
    "cmp.summary": "{chars} karakter, {bytes} bayt (UTF-8).",
    "cmp.caption": "Tokenizer başına metnin token sayısı",
    "cmp.colTokenizer": "Tokenizer",
    "cmp.colTokens": "Token",
    "cmp.colRatio": "Karakter / token",
    "cmp.colBar": "En azına göre",
    "cmp.loading": "İndiriliyor… {received} / {total}",
    "cmp.loadingNoTotal": "İndiriliyor…",
    "cmp.queued": "Sırada…",
    "cmp.encoding": "Kodlanıyor…",
    "cmp.error": "Başarısız: {message}",

    "footer.data": "Veri: GloVe 6B 100-d (Pennington, Socher, Manning 2014), PDDL; en sık 10.015 kelime (GloVe'un ilk 10.000 kelimesi ve bu sayfadaki örnek kelimeler).",
    "footer.local": "Her şey tarayıcınızda yerel olarak çalışır (WebAssembly'ye derlenmiş C++): sunucu yok ve yazdığınız hiçbir şey bu sayfadan dışarı çıkmaz.",
    "footer.tokenizers": "Tokenizer'lar: OpenAI'nin GPT-2, p50k, cl100k ve o200k kodlamaları (tiktoken'dan, MIT) ve Meta'nın Llama 3 tokenizer'ı (Meta Llama 3 Community License; Built with Meta Llama 3), aynı id'lerle C++'ta yeniden yazıldı.",
    "footer.glove": "GloVe proje sayfası",
    "footer.api": "JavaScript API'si (tipler)",
  },
};

const STORAGE_KEY = "playground.lang";
const listeners = new Set();
let lang = initialLanguage();

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "tr" || saved === "en") return saved;
  } catch {
    // Storage can be blocked (sandboxed iframe, privacy settings): fall back to the browser's language.
  }
  const browser = (navigator.languages?.[0] || navigator.language || "en").toLowerCase();
  return browser.startsWith("tr") ? "tr" : "en";
}

/** The current UI language: "tr" or "en". */
export function getLang() {
  return lang;
}

/** Switches the language, remembers it, re-translates the page and tells every listener. */
export function setLang(next) {
  if (next !== "tr" && next !== "en") return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered when storage is blocked; the switch still works for this visit.
  }
  applyTranslations(document);
  for (const listener of listeners) listener(lang);
}

/** Calls `listener(lang)` after every language switch. */
export function onLangChange(listener) {
  listeners.add(listener);
}

/** The translated string for `key` with {placeholders} filled from `params`. */
export function t(key, params = {}) {
  const entry = STRINGS[lang][key] ?? STRINGS.en[key];
  if (entry === undefined) return key;
  if (typeof entry === "function") return entry(params);
  return entry.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/**
 * Like t(), but returns an array of strings and DOM nodes, so that a parameter can be an element
 * (a highlighted word, a button). Text is never parsed as HTML.
 */
export function tNodes(key, params = {}) {
  const entry = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  const template = typeof entry === "function" ? entry(params) : entry;
  const out = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    out.push(template.slice(last, match.index));
    const value = params[match[1]];
    out.push(value === undefined ? match[0] : value instanceof Node ? value : String(value));
    last = match.index + match[0].length;
  }
  out.push(template.slice(last));
  return out.filter((part) => part !== "");
}

/** Re-translates every element under `root` that carries a data-i18n* attribute. */
export function applyTranslations(root) {
  document.documentElement.lang = lang;
  document.title = t("app.title");
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const [attr, key] of [
    ["placeholder", "i18nPlaceholder"],
    ["aria-label", "i18nAriaLabel"],
    ["title", "i18nTitle"],
  ]) {
    const selector = `[data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const el of root.querySelectorAll(selector)) el.setAttribute(attr, t(el.dataset[key]));
  }
}

const formatters = new Map();
function formatter(digits) {
  const key = `${lang}:${digits}`;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return formatters.get(key);
}

/** A number with exactly `digits` decimals in the UI language (0.8798 / 0,8798). */
export function formatNumber(value, digits = 4) {
  return formatter(digits).format(value);
}

/** A whole number with the language's grouping (10,015 / 10.015). */
export function formatInteger(value) {
  return formatter(0).format(value);
}

/** A ratio as a percentage with one decimal (12.3% / %12,3). */
export function formatPercent(ratio) {
  return new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** A byte count as MB with one decimal. */
export function formatMegabytes(bytes) {
  return `${formatNumber(bytes / 1e6, 1)} MB`;
}
