#include "fuzz_targets.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>
#include <unordered_set>

#include "common/asset_envelope.h"
#include "common/error.h"
#include "common/little_endian.h"
#include "common/utf8.h"
#include "test_fixtures.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/word_tokenizer.h"
#include "vectors/expression.h"
#include "vectors/pca.h"
#include "vectors/queries.h"
#include "vectors/vector_asset.h"
#include "vectors/vector_store.h"

namespace playground::fuzz {
namespace {

void check(bool ok, const std::string& what) {
  if (!ok) throw InvariantBroken(what);
}

// Runs `body`; a playground::Error is a refusal, anything else escapes.
template <typename Body>
Outcome guarded(Body&& body) {
  try {
    body();
    return Outcome::kAccepted;
  } catch (const Error&) {
    return Outcome::kRefused;
  }
}

// Runs `body`, which must not refuse: the input was accepted by a check that implies it.
template <typename Body>
auto must(const char* what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Error& e) {
    throw InvariantBroken(std::string(what) + " refused what was accepted before: " + e.what());
  }
}

// Runs `target` on the bytes and on a copy whose CRC-32 matches its body (when it differs).
template <typename Target>
Outcome as_is_and_resealed(const uint8_t* data, size_t size, Target&& target) {
  const Outcome first = guarded([&] { target(data, size); });
  std::vector<uint8_t> copy(data, data + size);
  testing::reseal(&copy);
  if (std::equal(copy.begin(), copy.end(), data)) return first;
  const Outcome second = guarded([&] { target(copy.data(), copy.size()); });
  return first == Outcome::kAccepted || second == Outcome::kAccepted ? Outcome::kAccepted : Outcome::kRefused;
}

std::string_view as_text(const uint8_t* data, size_t size) {
  return size ? std::string_view(reinterpret_cast<const char*>(data), size) : std::string_view();
}

size_t utf16_length(std::string_view text) {
  size_t units = 0;
  for (char32_t cp : decode_utf8(text)) units += cp > 0xFFFF ? 2 : 1;
  return units;
}

bool finite_scores(const std::vector<ScoredWord>& scored) {
  return std::all_of(scored.begin(), scored.end(), [](const ScoredWord& s) { return std::isfinite(s.score); });
}

// ---- vectors ------------------------------------------------------------------------------

void check_store_queries(const VectorStore& store) {
  const size_t n = store.size();
  for (size_t i = 0; i < std::min<size_t>(n, 4); ++i) {
    double norm = 0;
    for (size_t j = 0; j < store.dim(); ++j) norm += double(store.unit(i)[j]) * store.unit(i)[j];
    check(std::fabs(norm - 1) < 1e-3, "a unit vector is not of length one");
  }
  const std::vector<ScoredWord> near = must("nearest", [&] { return nearest(store, store.word(0), 3); });
  check(near.size() == std::min<size_t>(3, n - 1) && finite_scores(near), "nearest gave a wrong result");
  for (const ScoredWord& s : near) check(s.score >= -1.01f && s.score <= 1.01f, "a cosine outside [-1, 1]");
  const std::vector<float> row(store.raw(0), store.raw(0) + store.dim());
  const std::vector<ScoredWord> own = must("nearest_to_vector", [&] { return nearest_to_vector(store, row, 2); });
  check(!own.empty() && finite_scores(own), "nearest_to_vector gave a wrong result");
  const std::vector<std::string> some(store.words().begin(), store.words().begin() + long(std::min<size_t>(n, 3)));
  guarded([&] {
    const std::vector<ScoredWord> mul = analogy(store, {some[0]}, {some.begin() + 1, some.end()}, 3, AnalogyMethod::kMul);
    for (const ScoredWord& s : mul) check(s.score >= 0 && std::isfinite(s.score), "a 3CosMul score is negative or not finite");
  });
  guarded([&] { check(finite_scores(analogy(store, some, {}, 3, AnalogyMethod::kAdd)), "3CosAdd score not finite"); });
  guarded([&] { check(finite_scores(doesnt_match(store, some).scores), "doesnt_match score not finite"); });
  guarded([&] {
    std::vector<size_t> rows(std::min<size_t>(n, 5));
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    const PcaResult p = pca(store, rows, 1, false);
    for (double c : p.coords) check(std::isfinite(c), "a PCA coordinate is not finite");
  });
  store.suggest(store.word(0) + "x", 3);
}

void vector_asset_once(const uint8_t* data, size_t size) {
  const DecodedVectors d = decode_vector_asset(data, size);
  const AssetHeader h = must("read_asset_header", [&] { return read_asset_header(data, size); });
  check(h.kind == AssetKind::kVectors && h.total_size == size, "the header does not describe the decoded file");
  check(d.words.size() == h.word_count && d.dim == h.dim && d.values.size() == size_t(h.word_count) * h.dim,
        "the decoded vectors do not have the header's shape");
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < d.words.size(); ++i) {
    const std::string& w = d.words[i];
    check(!w.empty() && is_valid_utf8(w) && w.find('\n') == std::string::npos, "a decoded word is malformed");
    check(seen.insert(w).second, "a decoded word appears twice");
    bool nonzero = false;
    for (size_t j = 0; j < d.dim; ++j) {
      const float v = d.values[i * d.dim + j];
      check(std::isfinite(v), "a decoded value is not finite");
      nonzero |= v != 0;
    }
    check(nonzero, "a decoded vector is all zeros");
  }
  const VectorStore store = must("VectorStore::from_asset", [&] { return VectorStore::from_asset(data, size); });
  check_store_queries(store);
}

// ---- tokenizers ---------------------------------------------------------------------------

// Encoding `text` gives spans that tile it, ids whose bytes are the text, and the same ids on the
// fast path, the span path and the reference merge.
void check_encoding(const Tokenizer& t, std::string_view text) {
  for (bool allow_special : {false, true}) {
    EncodeOptions options;
    options.allow_special = allow_special;
    const std::vector<TokenSpan> spans = t.encode_spans(text, options);
    std::vector<uint32_t> ids;
    size_t at = 0;
    for (const TokenSpan& s : spans) {
      check(s.start == at && s.end > s.start && t.model().token_bytes(s.id) == text.substr(s.start, s.end - s.start),
            "the spans do not tile the text with their tokens' bytes");
      at = s.end;
      ids.push_back(s.id);
    }
    check(at == text.size(), "the spans do not cover the text");
    check(t.encode(text, options) == ids, "encode and encode_spans disagree");
    check(t.decode(ids) == text, "decode(encode(text)) is not the text");
    check(is_valid_utf8(t.decode_text(ids)), "decode_text is not well-formed UTF-8");
    // The reference merge is quadratic: only on short texts, to keep each case's work bounded.
    if (!allow_special && text.size() <= 512) {
      check(t.encode_reference(text) == ids, "the fast merge and the reference disagree");
    }
    // The same spans in UTF-16 offsets: ordered, within the JS string.
    std::vector<uint32_t> starts, ends;
    for (const TokenSpan& s : spans) {
      starts.push_back(s.start);
      ends.push_back(s.end);
    }
    utf8_spans_to_utf16(text, starts.data(), ends.data(), spans.size());
    const size_t units = utf16_length(text);
    for (size_t i = 0; i < spans.size(); ++i) {
      check(starts[i] <= ends[i] && ends[i] <= units && (i == 0 || starts[i] >= starts[i - 1]),
            "UTF-16 spans out of order or beyond the text");
    }
  }
  for (bool bos : {false, true}) {
    EncodeOptions options;
    options.add_bos = bos;
    options.add_eos = !bos;
    const uint32_t expected = bos ? t.bos_id() : t.eos_id();
    const Outcome o = guarded([&] {
      const std::vector<uint32_t> ids = t.encode(text, options);
      check((bos ? ids.front() : ids.back()) == expected, "BOS/EOS missing");
    });
    check((o == Outcome::kAccepted) == (expected != kNoRank), "BOS/EOS accepted without the token, or refused with it");
  }
}

void tokenizer_asset_once(const uint8_t* data, size_t size) {
  const Tokenizer t = Tokenizer::from_asset(data, size);
  const AssetHeader h = must("read_asset_header", [&] { return read_asset_header(data, size); });
  check(h.kind == AssetKind::kTokenizer && h.total_size == size && t.model().rank_count() == h.token_count,
        "the header does not describe the loaded tokenizer");
  check(t.model().specials().size() == h.special_count, "special tokens lost");
  check_encoding(t, "hello <|endoftext|> w\xC3\xB6rld \xF0\x9F\x91\x8D\xFF\xC3 it's 123");
  check_encoding(t, as_text(data + std::min<size_t>(size, 28), std::min<size_t>(size > 28 ? size - 28 : 0, 48)));
}

// Tokenizers for the id and text targets, built once.
struct Tokenizers {
  std::vector<std::unique_ptr<Tokenizer>> tiny;  // the tiny model under each pre-tokenizer
  std::unique_ptr<Tokenizer> gpt2;               // the committed asset, if it can be read
};

const Tokenizers& tokenizers() {
  static const Tokenizers all = [] {
    Tokenizers t;
    for (PretokenizerKind kind : {PretokenizerKind::kGpt2, PretokenizerKind::kCl100k, PretokenizerKind::kO200k}) {
      t.tiny.push_back(std::make_unique<Tokenizer>("tiny", kind, testing::tiny_bpe_model(), 302, 300));
    }
    const std::vector<uint8_t> bytes = testing::read_file(testing::source_path("assets/tokenizers/gpt2.bin"));
    if (!bytes.empty()) t.gpt2 = std::make_unique<Tokenizer>(Tokenizer::from_asset(bytes.data(), bytes.size()));
    return t;
  }();
  return all;
}

Outcome check_decode(const Tokenizer& t, const std::vector<uint32_t>& ids) {
  size_t expected = 0;
  bool valid = true;
  for (uint32_t id : ids) {
    valid &= t.model().is_valid_id(id);
    if (valid) expected += t.model().token_bytes(id).size();
  }
  const Outcome o = guarded([&] {
    check(t.decode(ids).size() == expected, "decode's length is not the sum of its tokens'");
    check(is_valid_utf8(t.decode_text(ids)), "decode_text is not well-formed UTF-8");
  });
  check((o == Outcome::kAccepted) == valid, "decode accepted an unknown id or refused known ones");
  return o;
}

}  // namespace

Outcome asset_header(const uint8_t* data, size_t size) {
  return guarded([&] {
    const AssetHeader h = read_asset_header(data, size);
    const bool known = h.kind == AssetKind::kVectors
                           ? h.version == kVectorAssetVersion && h.header_size == kVectorAssetHeaderSize
                           : (h.version == kTokenizerAssetVersion || h.version == kPipelineAssetVersion) &&
                                 h.header_size == kTokenizerAssetHeaderSize;
    check(known, "an unknown header was accepted");
    check(h.header_size <= size && h.total_size >= h.header_size && h.total_size <= kMaxAssetBytes,
          "the header describes an impossible size");
    const AssetHeader again = must("read_asset_header(kind)", [&] { return read_asset_header(data, size, h.kind); });
    check(again.total_size == h.total_size, "the two header readers disagree");
    const AssetKind other = h.kind == AssetKind::kVectors ? AssetKind::kTokenizer : AssetKind::kVectors;
    check(guarded([&] { read_asset_header(data, size, other); }) == Outcome::kRefused, "one header read as both kinds");
  });
}

Outcome vector_asset(const uint8_t* data, size_t size) { return as_is_and_resealed(data, size, vector_asset_once); }

Outcome tokenizer_asset(const uint8_t* data, size_t size) {
  return as_is_and_resealed(data, size, tokenizer_asset_once);
}

Outcome token_ids(const uint8_t* data, size_t size) {
  // Half the inputs (by their first byte) are folded into each vocabulary's id range, so that
  // valid lists, and not only refusals, are decoded.
  const bool fold = size > 0 && (data[0] & 1);
  std::vector<uint32_t> raw;
  for (size_t i = 1; i + 4 <= size; i += 4) raw.push_back(read_u32_le(data + i));
  const Tokenizers& all = tokenizers();
  Outcome outcome = Outcome::kRefused;
  for (const Tokenizer* t : {all.tiny[0].get(), all.gpt2.get()}) {
    if (t == nullptr) continue;
    std::vector<uint32_t> ids = raw;
    if (fold) {
      for (uint32_t& id : ids) id %= t->vocab_size() + 2;
    }
    if (check_decode(*t, ids) == Outcome::kAccepted) outcome = Outcome::kAccepted;
  }
  return outcome;
}

Outcome expression(const uint8_t* data, size_t size) {
  static const VectorStore store = testing::toy_store();
  const auto is_word = [](std::string_view w) { return store.find(w).has_value(); };
  return guarded([&] {
    const Expression e = parse_expression(as_text(data, size), is_word);
    check(!e.positive.empty() && e.positive.size() + e.negative.size() <= kMaxTerms, "a malformed expression was accepted");
    for (const std::vector<std::string>* side : {&e.positive, &e.negative}) {
      for (const std::string& w : *side) {
        check(!w.empty() && w.find_first_of(" \t\n\r\f\v") == std::string::npos, "a term is empty or holds a space");
        check(is_word(w) || w.find_first_of("+-") == std::string::npos, "an unknown term holds an operator");
      }
    }
    for (AnalogyMethod method : {AnalogyMethod::kAdd, AnalogyMethod::kMul}) {
      guarded([&] {
        const std::vector<ScoredWord> r = analogy(store, e.positive, e.negative, 3, method);
        check(r.size() <= 3 && finite_scores(r), "an analogy result is malformed");
        for (const ScoredWord& s : r) {
          check(std::find(e.positive.begin(), e.positive.end(), s.word) == e.positive.end() &&
                    std::find(e.negative.begin(), e.negative.end(), s.word) == e.negative.end(),
                "an analogy returned one of its own words");
        }
      });
    }
  });
}

Outcome text(const uint8_t* data, size_t size) {
  const std::string_view t = as_text(data, size);
  const Tokenizers& all = tokenizers();
  for (const auto& tiny : all.tiny) check_encoding(*tiny, t);
  if (all.gpt2) check_encoding(*all.gpt2, t);
  size_t at = 0;
  for (const WordToken& w : word_tokenize(t)) {
    check(w.start >= at && w.end > w.start && w.end <= t.size() && !w.text.empty(), "word tokens overlap or are empty");
    check(is_valid_utf8(w.text), "a word token is not well-formed UTF-8");
    at = w.end;
  }
  return Outcome::kAccepted;
}

const std::vector<TargetInfo>& all_targets() {
  static const std::vector<TargetInfo> targets = {
      {"asset_header", asset_header, true},   {"vector_asset", vector_asset, true},
      {"tokenizer_asset", tokenizer_asset, true}, {"token_ids", token_ids, false},
      {"expression", expression, false},      {"text", text, false},
  };
  return targets;
}

std::vector<std::vector<uint8_t>> seeds(const std::string& name) {
  const auto bytes = [](std::string_view s) { return std::vector<uint8_t>(s.begin(), s.end()); };
  std::vector<std::vector<uint8_t>> out;
  const std::vector<uint8_t> toy_vectors = encode_vector_asset(testing::toy_words(), 3, testing::toy_values());
  const std::vector<uint8_t> small_vectors = encode_vector_asset({"a", "\xC3\xA7ok", "e-mail"}, 1, {1.0f, -2.0f, 1e-30f});
  DecodedTokenizer other = testing::tiny_tokenizer_content();
  other.pattern = "o200k";
  other.bos_id = other.eos_id = kNoRank;
  other.specials.pop_back();
  const std::vector<uint8_t> tiny_tokenizer = encode_tokenizer_asset(testing::tiny_tokenizer_content());
  if (name == "asset_header") {
    out = {toy_vectors, tiny_tokenizer, {}, bytes("EPWV"), bytes("EPTK\x01")};
    std::vector<std::string> paths = {testing::committed_vectors_path()};
    for (const std::string& t : testing::committed_tokenizer_names()) paths.push_back("assets/tokenizers/" + t + ".bin");
    for (const std::string& path : paths) out.push_back(testing::read_file_head(testing::source_path(path), kAssetHeaderMaxSize));
  } else if (name == "vector_asset") {
    out = {toy_vectors, small_vectors};
  } else if (name == "tokenizer_asset") {
    out = {tiny_tokenizer, encode_tokenizer_asset(other)};
  } else if (name == "token_ids") {
    std::vector<uint8_t> ids = {1};
    for (uint32_t id : {104u, 256u, 300u, 301u, 9703u, 50256u, 31373u}) append_u32_le(&ids, id);
    out = {ids, {0, 0xFF, 0xFF, 0xFF, 0xFF}, {1, 0x2C, 0x01, 0, 0}};
  } else if (name == "expression") {
    for (const char* e : {"king - man + woman", "e-mail+c++ -cat", "king \xE2\x88\x92 man \xE2\x80\x93 woman",
                          "-man + king", "king man", "+", "", "kitten - cat + dog - apple + banana"}) {
      out.push_back(bytes(e));
    }
  } else if (name == "text") {
    for (const char* t : {"hello <|end|>! abcd aaaaa xyz", "It's 3.14, don't -- U.S. e-mail",
                          "Merhaba d\xC3\xBCnya \xF0\x9F\x91\x8D\xE2\x80\x8D \xFF\xC3 \r\n\n  x", "<|e<|end|>!<|"}) {
      out.push_back(bytes(t));
    }
    Random rng(1);
    for (int i = 0; i < 4; ++i) out.push_back(bytes(testing::random_text(&rng, 40, true)));
  }
  return out;
}

}  // namespace playground::fuzz
