#include "training/subwords.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

// Expected values from gensim 4.2's own functions (/usr/bin/python3):
//   from gensim.models.fasttext_inner import compute_ngrams_bytes, ft_hash_bytes
//   from gensim.models.fasttext import ft_ngram_hashes
//   [n.decode() for n in compute_ngrams_bytes(w, minn, maxn)], [ft_hash_bytes(n) for n in ...],
//   ft_ngram_hashes(w, minn, maxn, 2000000)
using Strings = std::vector<std::string>;
using Ints = std::vector<uint32_t>;

std::vector<uint32_t> hashes(const Strings& ngrams) {
  Ints out;
  for (const auto& n : ngrams) out.push_back(fasttext_hash(n));
  return out;
}

TEST(Subwords, NgramsAndHashesOfATurkishWordAsGensim) {
  const Strings ngrams = char_ngrams("kedi", 3, 6);
  EXPECT_EQ(ngrams, (Strings{"<ke", "<ked", "<kedi", "<kedi>", "ked", "kedi", "kedi>", "edi", "edi>", "di>"}));
  EXPECT_EQ(hashes(ngrams), (Ints{1401189199, 2759937201, 3482056712, 4015504642, 2098588027, 4219332438,
                                  1328761016, 1668600511, 300376339, 493028208}));
  EXPECT_EQ(ngram_buckets("kedi", {3, 6, 2000000}),
            (Ints{1189199, 1937201, 56712, 1504642, 588027, 1332438, 761016, 600511, 376339, 1028208}));
}

TEST(Subwords, MultiByteLettersAreOneCharacterAndHashSignExtended) {
  const Strings ngrams = char_ngrams("ağaç", 3, 4);
  EXPECT_EQ(ngrams, (Strings{"<ağ", "<ağa", "ağa", "ağaç", "ğaç", "ğaç>", "aç>"}));
  EXPECT_EQ(hashes(ngrams), (Ints{3454845587, 498524918, 3297341900, 2643350862, 3768757833, 387491157, 522658032}));
  EXPECT_EQ(fasttext_hash("\xFF"), 4193493326u);
  EXPECT_EQ(fasttext_hash("ç"), 922378063u);
  EXPECT_EQ(fasttext_hash(""), 2166136261u);
}

TEST(Subwords, SingleCharactersLeaveOutTheBracketsAlone) {
  EXPECT_EQ(char_ngrams("şu", 1, 2), (Strings{"<ş", "ş", "şu", "u", "u>"}));
  EXPECT_EQ(hashes(char_ngrams("şu", 1, 2)), (Ints{973048031, 1929917773, 1307297576, 4027333648, 289586282}));
  EXPECT_EQ(ngram_buckets("İı", {1, 3, 2000000}), (Ints{789031, 1164216, 106393, 365410, 761684, 1328774, 1625640}));
}

TEST(Subwords, EmojiIsOneCharacter) {
  const Strings ngrams = char_ngrams("a😀b", 2, 3);
  EXPECT_EQ(ngrams, (Strings{"<a", "<a😀", "a😀", "a😀b", "😀b", "😀b>", "b>"}));
  EXPECT_EQ(hashes(ngrams), (Ints{1761008750, 1140623103, 235589937, 1845986729, 389981406, 2006813856, 2469146561}));
}

TEST(Subwords, NoBucketsNoNgrams) {
  EXPECT_TRUE(ngram_buckets("kedi", {3, 6, 0}).empty());
  EXPECT_TRUE(ngram_buckets("kedi", {4, 3, 100}).empty());
  EXPECT_TRUE(char_ngrams("a", 4, 6).empty());
}

}  // namespace
}  // namespace playground
