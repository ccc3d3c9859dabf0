#include "tokenizers/pipeline_tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "common/error.h"
#include "test_fixtures.h"
#include "tokenizers/pretokenizer.h"
#include "common/crc32.h"

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;
using ::testing::HasSubstr;

const PipelineTokenizer& family(const std::string& name) {
  static std::map<std::string, std::unique_ptr<PipelineTokenizer>> cache;
  auto& slot = cache[name];
  if (!slot) {
    const std::vector<uint8_t> bytes = testing::read_file(testing::source_path("assets/tokenizers/" + name + ".bin"));
    slot = std::make_unique<PipelineTokenizer>(PipelineTokenizer::from_asset(bytes.data(), bytes.size()));
  }
  return *slot;
}

TEST(PipelineTokenizer, CommittedFamilyAssetsMatchTheirChecksums) {
  const std::vector<uint8_t> sums = testing::read_file(testing::source_path("assets/tokenizers/SHA256SUMS.families"));
  ASSERT_FALSE(sums.empty());
  std::istringstream lines(std::string(sums.begin(), sums.end()));
  std::string sha, file;
  int count = 0;
  while (lines >> sha >> file) {
    const std::vector<uint8_t> bytes = testing::read_file(testing::source_path("assets/tokenizers/" + file));
    EXPECT_EQ(testing::sha256_hex(bytes), sha) << file;
    if (bytes.size() > 8 && bytes[4] == 2) {
      EXPECT_NO_THROW(PipelineTokenizer::from_asset(bytes.data(), bytes.size())) << file;
    } else {
      EXPECT_NO_THROW(Tokenizer::from_asset(bytes.data(), bytes.size())) << file;
    }
    ++count;
  }
  EXPECT_EQ(count, 7);
}

TEST(PipelineTokenizer, BertKnownIdsAndTemplate) {
  const PipelineTokenizer& bert = family("bert_base_uncased");
  FamilyEncodeOptions o;
  o.add_special = true;
  EXPECT_EQ(bert.encode("Hello I'm a [MASK] model.", {true, true}), (Ids{101, 7592, 1045, 1005, 1049, 1037, 103, 2944, 1012, 102}));
  EXPECT_EQ(bert.encode("hello world"), (Ids{7592, 2088}));
  EXPECT_EQ(bert.decode(bert.encode("hello world", o)), "[CLS] hello world [SEP]");
  EXPECT_EQ(bert.vocab_size(), 30522u);
  EXPECT_STREQ(bert.family(), "wordpiece");
}

// Meta's Llama 2 ids (llama-tokenizer-js's tests; "Hello world" as in the model card) and
// Mistral 7B's for the same text: the two 32,000-piece vocabularies differ.
TEST(PipelineTokenizer, Llama2AndMistralKnownIds) {
  const PipelineTokenizer& llama = family("llama2");
  const PipelineTokenizer& mistral = family("mistral");
  FamilyEncodeOptions bos;
  bos.add_special = true;
  EXPECT_EQ(llama.encode("Hello world", bos), (Ids{1, 15043, 3186}));
  EXPECT_EQ(llama.encode("           grabbed", bos), (Ids{1, 9651, 2646, 1327, 287}));
  EXPECT_EQ(llama.encode("\xF0\x9F\xA6\x99"), (Ids{29871, 243, 162, 169, 156}));  // a llama emoji: byte fallback
  EXPECT_EQ(llama.token_text(3), "<0x00>");
  EXPECT_EQ(mistral.encode("Hello world", bos), (Ids{1, 22557, 1526}));
  EXPECT_EQ(mistral.encode("\n"), (Ids{28705, 13}));  // "▁" is 28705 here, 29871 in Llama 2
  EXPECT_EQ(llama.encode("\n"), (Ids{29871, 13}));
  EXPECT_EQ(llama.decode(llama.encode("Hello world", bos)), "<s> Hello world");
  EXPECT_STREQ(llama.family(), "sentencepiece_bpe");
}

TEST(PipelineTokenizer, SpansPointIntoTheInputThroughNormalization) {
  const PipelineTokenizer& bert = family("bert_base_uncased");
  const std::string text = "\xC4\xB0stanbul CAF\xC3\x89";  // İstanbul CAFÉ
  for (const TokenSpan& s : bert.encode_spans(text)) {
    EXPECT_LE(s.end, text.size());
    EXPECT_LT(s.start, s.end);
  }
  const auto spans = bert.encode_spans(text);
  EXPECT_EQ(spans.front().start, 0u);
  EXPECT_EQ(spans.back().end, text.size());
}

TEST(PipelineTokenizer, DecodeInvertsEncodeAndFastMatchesReference) {
  Random rng(5);
  for (const char* name : {"llama2", "mistral", "gemma3", "qwen3", "deepseek_v3"}) {
    const PipelineTokenizer& t = family(name);
    for (int i = 0; i < 300; ++i) {
      std::string text = testing::random_text(&rng, 40, false);
      for (size_t p; (p = text.find("\xE2\x96\x81")) != std::string::npos;) text.replace(p, 3, "_");
      const Ids ids = t.encode(text);
      ASSERT_EQ(t.encode_reference(text), ids) << name << " " << text;
      if (std::string(name) != "qwen3") ASSERT_EQ(t.decode(ids), text) << name;
    }
  }
}

// The fast encode() against the simple reference (aligned normalizer, quadratic merges, no
// cache) and against encode_spans(), on random text with invalid bytes and on long mixed text
// whose words repeat (so the piece cache answers).
TEST(PipelineTokenizer, FastEncodeMatchesReferenceAndSpans) {
  Random rng(29);
  std::string mixed;
  for (int i = 0; i < 400; ++i) mixed += testing::random_text(&rng, 12, false) + " ";
  for (const char* name : {"bert_base_uncased", "llama2", "mistral", "gemma3", "qwen3", "deepseek_v3"}) {
    const PipelineTokenizer& t = family(name);
    for (int i = 0; i < 400; ++i) {
      const std::string text = i == 0 ? mixed : testing::random_text(&rng, 40, true);
      const Ids ids = t.encode(text);
      ASSERT_EQ(t.encode_reference(text), ids) << name << " " << ::testing::PrintToString(text);
      Ids from_spans;
      for (const TokenSpan& s : t.encode_spans(text)) from_spans.push_back(s.id);
      ASSERT_EQ(from_spans, ids) << name << " " << ::testing::PrintToString(text);
    }
  }
}

TEST(PipelineTokenizer, UnknownIdIsABadArgument) {
  try {
    family("qwen3").decode({999999});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_THAT(e.what(), HasSubstr("999999"));
  }
}

// A tiny pipeline built in code: byte-level BPE over "ab".
PipelineAssetParts tiny_parts() {
  PipelineAssetParts parts;
  DecodedPipeline& p = parts.pipeline;
  p.name = "tiny";
  p.bpe.byte_level = true;
  for (int b = 0; b < 256; ++b) p.tokens.emplace_back(1, char(b));
  p.tokens.push_back("ab");
  parts.pairs.assign(257, {kNoToken, kNoToken});
  parts.pairs[256] = {'a', 'b'};
  parts.merge_mode = MergeMode::kPairRecords;
  p.added.push_back({300, "<s>", true});
  p.prefix = {300};
  return parts;
}

TEST(PipelineAsset, RoundTripsAndEncodes) {
  for (const TextCoding coding : {TextCoding::kPlain, TextCoding::kHuffman}) {
    PipelineAssetParts parts = tiny_parts();
    parts.text_coding = coding;
    const std::vector<uint8_t> bytes = encode_pipeline_asset(parts);
    const PipelineTokenizer t = PipelineTokenizer::from_asset(bytes.data(), bytes.size());
    EXPECT_EQ(t.encode("abc<s>"), (Ids{256, 'c', '<', 's', '>'}));
    EXPECT_EQ(t.encode("abc<s>", {true, true}), (Ids{300, 256, 'c', 300}));
    EXPECT_EQ(t.vocab_size(), 301u);
    EXPECT_EQ(t.token_text(0xFF), "\xFF");
  }
}

std::string load_error(std::vector<uint8_t> bytes) {
  try {
    PipelineTokenizer::from_asset(bytes.data(), bytes.size());
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadAsset);
    return e.what();
  }
  return "";
}

void reseal(std::vector<uint8_t>* a) {
  const uint32_t c = crc32(a->data() + 28, a->size() - 28);
  for (int i = 0; i < 4; ++i) (*a)[20 + i] = uint8_t(c >> (8 * i));
}

TEST(PipelineAsset, RejectsBrokenHuffmanText) {
  PipelineAssetParts parts = tiny_parts();
  parts.text_coding = TextCoding::kHuffman;
  const std::vector<uint8_t> good = encode_pipeline_asset(parts);
  std::vector<uint8_t> cut(good.begin(), good.end() - 30);  // into the bit stream
  for (int i = 0; i < 4; ++i) cut[16 + i] = uint8_t((cut.size() - 28) >> (8 * i));  // body size
  reseal(&cut);
  EXPECT_THAT(load_error(cut), HasSubstr("Huffman"));
  std::vector<uint8_t> coding = good;
  // Header 28, name 5, model, normalizer, pre-tokenizer 1, decoder, flags, 3 ids 12, prefix 5,
  // suffix 1, merge mode, id width: the text coding byte is at 58.
  coding[58] = 2;
  reseal(&coding);
  EXPECT_THAT(load_error(coding), HasSubstr("text coding"));
}

TEST(PipelineAsset, RejectsBrokenFiles) {
  const std::vector<uint8_t> good = encode_pipeline_asset(tiny_parts());
  EXPECT_THAT(load_error(std::vector<uint8_t>(good.begin(), good.end() - 1)), HasSubstr("Invalid tokenizer file"));
  std::vector<uint8_t> corrupt = good;
  corrupt.back() ^= 1;
  EXPECT_THAT(load_error(corrupt), HasSubstr("checksum"));
  std::vector<uint8_t> model = good;
  model[28 + 1 + 4] = 7;  // the model kind after the name "tiny"
  reseal(&model);
  EXPECT_THAT(load_error(model), HasSubstr("model kind"));
  PipelineAssetParts forward = tiny_parts();
  forward.pairs[256] = {256, 'b'};  // a token built from itself
  EXPECT_THAT(load_error(encode_pipeline_asset(forward)), HasSubstr("earlier tokens"));
  PipelineAssetParts clash = tiny_parts();
  clash.pipeline.added[0].id = 'x';
  EXPECT_THAT(load_error(encode_pipeline_asset(clash)), HasSubstr("another token"));
  PipelineAssetParts missing = tiny_parts();
  missing.pipeline.tokens[7] = "\x01";  // byte 7 missing, byte 1 twice
  EXPECT_THAT(load_error(encode_pipeline_asset(missing)), HasSubstr("Invalid tokenizer file"));
}

std::vector<std::string> pieces(PretokenizerKind kind, const std::string& text) {
  return pretokenize_to_strings(kind, text);
}

TEST(FamilyPretokenizers, Qwen3SplitsDigitsOneByOne) {
  EXPECT_EQ(pieces(PretokenizerKind::kQwen3, "a 1234 it's"), (std::vector<std::string>{"a", " ", "1", "2", "3", "4", " it", "'s"}));
}

TEST(FamilyPretokenizers, DeepSeekV3DigitsCjkAndPunctuationWords) {
  EXPECT_EQ(pieces(PretokenizerKind::kDeepSeekV3, "ab 12345 x"), (std::vector<std::string>{"ab", " ", "123", "45", " x"}));
  EXPECT_EQ(pieces(PretokenizerKind::kDeepSeekV3, "\xE6\x97\xA5\xE6\x9C\xAC" "abc"),
            (std::vector<std::string>{"\xE6\x97\xA5\xE6\x9C\xAC", "abc"}));
  EXPECT_EQ(pieces(PretokenizerKind::kDeepSeekV3, ".Hello ..x"), (std::vector<std::string>{".Hello", " ..", "x"}));
  EXPECT_EQ(pieces(PretokenizerKind::kDeepSeekV3, "a  \n\nb"), (std::vector<std::string>{"a", "  \n\n", "b"}));
  EXPECT_EQ(pieces(PretokenizerKind::kDeepSeekV3, "\x01\x02 x"), (std::vector<std::string>{"\x01\x02", " x"}));
}

}  // namespace
}  // namespace playground
