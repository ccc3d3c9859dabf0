#include "training/corpus.h"

#include "common/error.h"

namespace playground {

void CorpusBuilder::add_token(std::string_view token) {
  if (token.empty()) return;
  auto [it, inserted] = ids_.try_emplace(std::string(token), uint32_t(corpus_.types_.size()));
  if (inserted) {
    if (corpus_.types_.size() >= UINT32_MAX) {
      throw Error(ErrorCode::kBadArgument, "The text has more than 4 billion distinct words.");
    }
    corpus_.types_.push_back(it->first);
    corpus_.counts_.push_back(0);
  }
  ++corpus_.counts_[it->second];
  corpus_.tokens_.push_back(it->second);
  if (corpus_.tokens_.size() - corpus_.offsets_.back() == kMaxSentenceTokens) end_sentence();
}

void CorpusBuilder::end_sentence() {
  if (corpus_.tokens_.size() > corpus_.offsets_.back()) corpus_.offsets_.push_back(corpus_.tokens_.size());
}

Corpus CorpusBuilder::finish() {
  end_sentence();
  Corpus out = std::move(corpus_);
  corpus_ = Corpus();
  ids_.clear();
  return out;
}

Corpus corpus_from_sentences(const std::vector<std::vector<std::string>>& sentences) {
  CorpusBuilder builder;
  for (const auto& sentence : sentences) {
    for (const auto& token : sentence) builder.add_token(token);
    builder.end_sentence();
  }
  return builder.finish();
}

Corpus corpus_from_lines(std::string_view text) {
  CorpusBuilder builder;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\n';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      builder.add_token(text.substr(start, i - start));
      start = i + 1;
      if (c == '\n') builder.end_sentence();
    }
  }
  return builder.finish();
}

}  // namespace playground
