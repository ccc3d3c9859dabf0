// WordPiece as BERT uses it (Wu et al. 2016, "Google's Neural Machine Translation System",
// arXiv:1609.08144; Devlin et al. 2019, BERT), following Hugging Face tokenizers'
// `WordPiece` model (src/models/wordpiece/mod.rs): each word is cut greedily, longest match
// first, into a word-start token and "##" continuations; a word of more than
// `max_input_chars_per_word` characters, or one with a part no token matches, is the unknown
// token. Also BERT's pre-tokenizer and the WordPiece decoder. Immutable; const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/normalizer.h"
#include "tokenizers/token_table.h"

namespace playground {

class WordPieceModel {
 public:
  // `tokens[id]` as in the vocabulary ("##" marks continuations); `unk_id` must be a token.
  // Throws Error(kBadArgument) on a duplicate token or a bad unk id.
  WordPieceModel(const std::vector<std::string>& tokens, uint32_t unk_id, size_t max_input_chars_per_word = 100);

  const TokenTable& vocab() const { return vocab_; }
  uint32_t unk_id() const { return unk_id_; }

  // Appends the tokens of `word` (UTF-8, no spaces) and the bytes of `word` each covers (the
  // unknown token covers the whole word).
  void encode_word(std::string_view word, std::vector<uint32_t>* ids, std::vector<uint32_t>* lengths) const;

 private:
  TokenTable vocab_;
  TokenTable continuations_;  // the "##" tokens without their prefix, mapped to continuation_ids_
  std::vector<uint32_t> continuation_ids_;
  uint32_t unk_id_;
  size_t max_chars_;
};

// BertPreTokenizer (src/pre_tokenizers/bert.rs) over normalized UTF-8 `text`: splits on
// whitespace (removed) and isolates each punctuation character (is_bert_punctuation). Appends
// the words' [begin, end) byte ranges to `words`.
void bert_pre_tokenize(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* words);

// The WordPiece decoder with cleanup (src/decoders/wordpiece.rs): tokens after the first get a
// space unless they start with "##" (which is removed), then per token " ." -> ".", " ?" -> "?",
// " !" -> "!", " ," -> ",", " ' " -> "'", " n't" -> "n't", " 'm" -> "'m", " do not" -> " don't",
// " 's" -> "'s", " 've" -> "'ve", " 're" -> "'re".
std::string wordpiece_decode(const std::vector<std::string_view>& tokens);

}  // namespace playground
