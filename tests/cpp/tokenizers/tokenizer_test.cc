// Tokenizer: splitting on special tokens, spans, decoding; the committed assets against
// published token ids (tiktoken's tests, gpt-tokenizer's tests, Hugging Face's README, the course
// table); the fast encoder against the reference merge; and the pathological inputs of
// openai/tiktoken's test_catastrophically_repetitive.
#include "tokenizers/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;
using testing::committed_tokenizer;
using testing::tiny_bpe_model;

const std::vector<std::string>& kAll = testing::committed_tokenizer_names();  // every committed asset

TEST(Tokenizer, SplitsOnSpecialsOnlyWhenAllowed) {
  const Tokenizer t("tiny", PretokenizerKind::kGpt2, tiny_bpe_model(), kNoRank, 300);
  const std::string text = "ab<|end|>!cd";
  const Ids ordinary = t.encode(text);
  EXPECT_EQ(t.decode(ordinary), text);
  EXPECT_EQ(std::count(ordinary.begin(), ordinary.end(), 301u), 0);
  EncodeOptions all;
  all.allow_special = true;
  EXPECT_EQ(t.encode(text, all), (Ids{256, 301, 257}));
  const std::vector<TokenSpan> spans = t.encode_spans(text, all);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].start, 2u);
  EXPECT_EQ(spans[1].end, 10u);
  all.add_eos = true;
  EXPECT_EQ(t.encode(text, all).back(), 300u);
  all.add_bos = true;
  EXPECT_THROW(t.encode(text, all), Error);  // no BOS
}

TEST(Tokenizer, SpansCoverTheInputBytes) {
  const Tokenizer t("tiny", PretokenizerKind::kO200k, tiny_bpe_model());
  const std::string text = "abcd aaaaa xyz \xF0\x9F\x91\x8D!";
  size_t at = 0;
  for (const TokenSpan& s : t.encode_spans(text)) {
    EXPECT_EQ(s.start, at);
    EXPECT_EQ(t.decode({s.id}), text.substr(s.start, s.end - s.start));
    at = s.end;
  }
  EXPECT_EQ(at, text.size());
}


TEST(Tokenizer, Gpt2GivesPublishedIds) {
  const Tokenizer& t = committed_tokenizer("gpt2");
  EXPECT_EQ(t.encode("hello world"), (Ids{31373, 995}));
  EXPECT_EQ(t.encode("dog"), (Ids{9703}));
  EXPECT_EQ(t.encode("cat"), (Ids{9246}));
  EXPECT_EQ(t.encode("kitten"), (Ids{74, 2621}));
  EXPECT_EQ(t.encode("apple"), (Ids{18040}));
  EXPECT_EQ(t.encode("banana"), (Ids{3820, 2271}));
  EXPECT_EQ(t.decode({9703}), "dog");
  // 👍 is three tokens in cl100k; the first alone is an incomplete character.
  const Tokenizer& cl = committed_tokenizer("cl100k_base");
  EXPECT_EQ(cl.decode_text({9468}), "\xEF\xBF\xBD");
  EXPECT_EQ(cl.decode_text({9468, 239, 235}), "\xF0\x9F\x91\x8D");
  EXPECT_EQ(t.vocab_size(), 50257u);
}

TEST(Tokenizer, Cl100kGivesPublishedIds) {
  const Tokenizer& t = committed_tokenizer("cl100k_base");
  EXPECT_EQ(t.encode("hello world"), (Ids{15339, 1917}));
  EXPECT_EQ(t.encode("'rer"), (Ids{2351, 81}));
  EXPECT_EQ(t.encode("today\n \n"), (Ids{31213, 27907}));
  EXPECT_EQ(t.encode("\xF0\x9F\x91\x8D"), (Ids{9468, 239, 235}));  // 👍
  EXPECT_EQ(t.encode(" \u0085" "0"), (Ids{220, 126, 227, 15}));
  EXPECT_EQ(t.encode("indivisible"), (Ids{485, 344, 23936}));
  EXPECT_EQ(t.vocab_size(), 100277u);
}

TEST(Tokenizer, O200kGivesPublishedIds) {
  const Tokenizer& t = committed_tokenizer("o200k_base");
  EXPECT_EQ(t.encode("hello \xF0\x9F\x91\x8B world \xF0\x9F\x8C\x8D"),
            (Ids{24912, 61138, 233, 2375, 130321, 235}));
  EXPECT_EQ(t.vocab_size(), 200019u);
}

TEST(Tokenizer, Llama3GivesPublishedIdsAndBos) {
  const Tokenizer& t = committed_tokenizer("llama3");
  const std::string text = "Hello, y'all! How are you \xF0\x9F\x98\x81 ?";
  const Ids expected = {9906, 11, 379, 65948, 0, 2650, 527, 499, 27623, 223, 949};
  EXPECT_EQ(t.encode(text), expected);
  EncodeOptions bos;
  bos.add_bos = true;
  Ids with_bos = {128000};
  with_bos.insert(with_bos.end(), expected.begin(), expected.end());
  EXPECT_EQ(t.encode(text, bos), with_bos);
  EXPECT_EQ(t.bos_id(), 128000u);
  EXPECT_EQ(t.eos_id(), 128001u);
  EXPECT_EQ(t.vocab_size(), 128256u);
}

TEST(Tokenizer, SpecialTokensAreTextUnlessAllowed) {
  const Tokenizer& t = committed_tokenizer("cl100k_base");
  const std::string text = "a<|endoftext|>b";
  const Ids ordinary = t.encode(text);
  EXPECT_EQ(std::count(ordinary.begin(), ordinary.end(), 100257u), 0);
  EncodeOptions all;
  all.allow_special = true;
  const Ids special = t.encode(text, all);
  EXPECT_EQ(special, (Ids{64, 100257, 65}));
  EXPECT_EQ(t.decode(special), text);
  EXPECT_EQ(committed_tokenizer("gpt2").encode("<|endoftext|>", all), (Ids{50256}));
  EXPECT_EQ(committed_tokenizer("p50k_base").encode("<|endoftext|>", all), (Ids{50256}));
}

TEST(Tokenizer, DecodeRejectsUnknownIds) {
  const Tokenizer& t = committed_tokenizer("cl100k_base");
  try {
    t.decode({15339, 100256});  // 100256 is an unused id in cl100k_base
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_THAT(e.what(), ::testing::HasSubstr("100256"));
  }
}

TEST(Tokenizer, RoundTripAndFastMatchesReferenceOnRandomText) {
  Random rng(2024);
  for (const std::string& name : kAll) {
    const Tokenizer& t = committed_tokenizer(name);
    for (int i = 0; i < 300; ++i) {
      const std::string text = testing::random_text(&rng, 60, /*invalid_bytes=*/i % 3 == 0);
      const Ids ids = t.encode(text);
      ASSERT_EQ(t.decode(ids), text) << name;
      ASSERT_EQ(ids, t.encode_reference(text)) << name << " on " << text;
    }
    // Long pieces exercise the heap merge against the reference.
    for (int i = 0; i < 20; ++i) {
      std::string word;
      for (uint64_t k = 100 + rng.below(301); k > 0; --k) word += char('a' + rng.below(26) % (i % 2 ? 3 : 26));
      ASSERT_EQ(t.encode(word), t.encode_reference(word)) << name << " on " << word;
    }
  }
}

TEST(Tokenizer, RepeatedPiecesEncodeAsTheFirstTime) {
  // encode() caches multi-token pieces within a call; repeats must give the same ids, also
  // after the output vector has grown (the cache points into it by offset).
  Random rng(77);
  for (const std::string& name : kAll) {
    const Tokenizer& t = committed_tokenizer(name);
    std::string text;
    for (int i = 0; i < 2000; ++i) {
      text += i % 7 == 0 ? " unbelievably" : i % 5 == 0 ? " Kediciklerimizden" : " ";
      text += testing::random_text(&rng, 8, /*invalid_bytes=*/false);
    }
    ASSERT_EQ(t.encode(text), t.encode_reference(text)) << name;
  }
}

TEST(Tokenizer, PathologicalInputsComplete) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"100,000 x a", std::string(100000, 'a')},
      {"100,000 x space", std::string(100000, ' ')},
      {"100,000 x \\n", std::string(100000, '\n')},
      {"100,000 x 0", std::string(100000, '0')},
      {"1,000,000 x ^", std::string(1000000, '^')},
      {"50,000 x 's", [] {
         std::string s;
         for (int i = 0; i < 50000; ++i) s += "'s";
         return s;
       }()},
  };
  for (const std::string& name : kAll) {
    const Tokenizer& t = committed_tokenizer(name);
    for (const auto& c : cases) {
      const std::string& label = c.first;
      const std::string& text = c.second;
      Ids ids;
      const double s = testing::seconds([&] { ids = t.encode(text); });
      std::printf("  [timing] %-12s %-16s %8zu tokens %9.2f ms\n", name.c_str(), label.c_str(), ids.size(), s * 1e3);
      ASSERT_EQ(t.decode(ids), text);
    }
  }
}

}  // namespace
}  // namespace playground
