// The committed assets against published token ids (tiktoken's tests, gpt-tokenizer's tests,
// Hugging Face's README, the course table), and the pathological inputs of
// openai/tiktoken's test_catastrophically_repetitive.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "tokenizer_test_util.h"
#include "tokenizers/tokenizer.h"

namespace playground {
namespace {

using Ids = std::vector<uint32_t>;
using testing::committed_tokenizer;

const char* const kAll[] = {"gpt2", "p50k_base", "cl100k_base", "o200k_base", "llama3"};

TEST(KnownVectors, Gpt2) {
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

TEST(KnownVectors, Cl100k) {
  const Tokenizer& t = committed_tokenizer("cl100k_base");
  EXPECT_EQ(t.encode("hello world"), (Ids{15339, 1917}));
  EXPECT_EQ(t.encode("'rer"), (Ids{2351, 81}));
  EXPECT_EQ(t.encode("today\n \n"), (Ids{31213, 27907}));
  EXPECT_EQ(t.encode("\xF0\x9F\x91\x8D"), (Ids{9468, 239, 235}));  // 👍
  EXPECT_EQ(t.encode(" \u0085" "0"), (Ids{220, 126, 227, 15}));
  EXPECT_EQ(t.encode("indivisible"), (Ids{485, 344, 23936}));
  EXPECT_EQ(t.vocab_size(), 100277u);
}

TEST(KnownVectors, O200k) {
  const Tokenizer& t = committed_tokenizer("o200k_base");
  EXPECT_EQ(t.encode("hello \xF0\x9F\x91\x8B world \xF0\x9F\x8C\x8D"),
            (Ids{24912, 61138, 233, 2375, 130321, 235}));
  EXPECT_EQ(t.vocab_size(), 200019u);
}

TEST(KnownVectors, Llama3) {
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

TEST(KnownVectors, SpecialTokensAreTextUnlessAllowed) {
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

TEST(KnownVectors, DecodeRejectsUnknownIds) {
  const Tokenizer& t = committed_tokenizer("cl100k_base");
  try {
    t.decode({15339, 100256});  // 100256 is an unused id in cl100k_base
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_THAT(e.what(), ::testing::HasSubstr("100256"));
  }
}

TEST(KnownVectors, RoundTripAndFastMatchesReferenceOnRandomText) {
  std::mt19937 rng(2024);
  for (const char* name : kAll) {
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
      std::uniform_int_distribution<int> ch(0, 25), len(100, 400);
      for (int k = len(rng); k > 0; --k) word += char('a' + ch(rng) % (i % 2 ? 3 : 26));
      ASSERT_EQ(t.encode(word), t.encode_reference(word)) << name << " on " << word;
    }
  }
}

TEST(KnownVectors, RepeatedPiecesEncodeAsTheFirstTime) {
  // encode() caches multi-token pieces within a call; repeats must give the same ids, also
  // after the output vector has grown (the cache points into it by offset).
  std::mt19937 rng(77);
  for (const char* name : kAll) {
    const Tokenizer& t = committed_tokenizer(name);
    std::string text;
    for (int i = 0; i < 2000; ++i) {
      text += i % 7 == 0 ? " unbelievably" : i % 5 == 0 ? " Kediciklerimizden" : " ";
      text += testing::random_text(&rng, 8, /*invalid_bytes=*/false);
    }
    ASSERT_EQ(t.encode(text), t.encode_reference(text)) << name;
  }
}

TEST(KnownVectors, PathologicalInputsComplete) {
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
  for (const char* name : kAll) {
    const Tokenizer& t = committed_tokenizer(name);
    for (const auto& c : cases) {
      const std::string& label = c.first;
      const std::string& text = c.second;
      Ids ids;
      const double s = testing::seconds([&] { ids = t.encode(text); });
      std::printf("  [timing] %-12s %-16s %8zu tokens %9.2f ms\n", name, label.c_str(), ids.size(), s * 1e3);
      ASSERT_EQ(t.decode(ids), text);
    }
  }
}

}  // namespace
}  // namespace playground
