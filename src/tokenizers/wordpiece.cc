#include "tokenizers/wordpiece.h"

#include <array>

#include "common/error.h"
#include "common/utf8.h"
#include "tokenizers/unicode_class.h"

namespace playground {
namespace {

constexpr std::string_view kPrefix = "##";

std::vector<std::string> continuation_strings(const std::vector<std::string>& tokens,
                                              std::vector<uint32_t>* ids) {
  std::vector<std::string> out;
  for (uint32_t id = 0; id < tokens.size(); ++id) {
    const std::string& t = tokens[id];
    if (t.size() > kPrefix.size() && t.compare(0, kPrefix.size(), kPrefix) == 0) {
      out.push_back(t.substr(kPrefix.size()));
      ids->push_back(id);
    }
  }
  return out;
}

void replace_all(std::string* s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s->find(from, pos)) != std::string::npos; pos += to.size()) {
    s->replace(pos, from.size(), to);
  }
}

}  // namespace

WordPieceModel::WordPieceModel(const std::vector<std::string>& tokens, uint32_t unk_id, size_t max_input_chars_per_word)
    : vocab_(tokens), unk_id_(unk_id), max_chars_(max_input_chars_per_word) {
  continuations_ = TokenTable(continuation_strings(tokens, &continuation_ids_));
  if (unk_id_ >= tokens.size() || tokens[unk_id_].empty()) {
    throw Error(ErrorCode::kBadArgument, "The WordPiece unknown token id " + std::to_string(unk_id_) + " is not a token");
  }
}

void WordPieceModel::encode_word(std::string_view word, std::vector<uint32_t>* ids, std::vector<uint32_t>* lengths) const {
  if (word.empty()) return;
  size_t chars = 0;
  for (size_t pos = 0; pos < word.size(); pos += decode_utf8_at(word, pos).len) ++chars;
  const size_t before = ids->size();
  auto unknown = [&] {
    ids->resize(before);
    ids->push_back(unk_id_);
    if (lengths) {
      lengths->resize(before);
      lengths->push_back(uint32_t(word.size()));
    }
  };
  if (chars > max_chars_) return unknown();
  if (lengths) lengths->resize(before);
  for (size_t start = 0; start < word.size();) {
    const TokenTable& table = start == 0 ? vocab_ : continuations_;
    // Longest match first; no token is longer than max_length() bytes, so start there.
    size_t end = std::min(word.size(), start + table.max_length());
    while (end > start && end < word.size() && (uint8_t(word[end]) & 0xC0) == 0x80) --end;  // char boundary
    uint32_t id = kNoToken;
    while (end > start) {
      const uint32_t found = table.find(word.substr(start, end - start));
      if (found != kNoToken) {
        id = start == 0 ? found : continuation_ids_[found];
        break;
      }
      do {
        --end;
      } while (end > start && (uint8_t(word[end]) & 0xC0) == 0x80);
    }
    if (id == kNoToken) return unknown();
    ids->push_back(id);
    if (lengths) lengths->push_back(uint32_t(end - start));
    start = end;
  }
}

void bert_pre_tokenize(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* words) {
  // ASCII by a table (0 word character, 1 whitespace, 2 punctuation), built from the same tests.
  static const auto ascii = [] {
    std::array<uint8_t, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = (unicode_class(c) & kClassWhiteSpace) ? 1 : is_bert_punctuation(c) ? 2 : 0;
    return t;
  }();
  uint32_t start = 0;
  for (size_t pos = 0; pos < text.size();) {
    uint8_t kind;
    uint32_t len = 1;
    if (uint8_t(text[pos]) < 0x80) {
      kind = ascii[uint8_t(text[pos])];
    } else {
      const Utf8Char u = decode_utf8_at(text, pos);
      len = u.len;
      kind = !u.valid ? 0 : (unicode_class(u.cp) & kClassWhiteSpace) ? 1 : is_bert_punctuation(u.cp) ? 2 : 0;
    }
    if (kind) {
      if (start < pos) words->emplace_back(start, uint32_t(pos));
      if (kind == 2) words->emplace_back(uint32_t(pos), uint32_t(pos + len));
      start = uint32_t(pos + len);
    }
    pos += len;
  }
  if (start < text.size()) words->emplace_back(start, uint32_t(text.size()));
}

std::string wordpiece_decode(const std::vector<std::string_view>& tokens) {
  std::string out;
  std::string t;
  for (size_t i = 0; i < tokens.size(); ++i) {
    t.assign(tokens[i]);
    if (i != 0) {
      if (t.compare(0, kPrefix.size(), kPrefix) == 0) {
        t.erase(0, kPrefix.size());
      } else {
        t.insert(0, " ");
      }
    }
    replace_all(&t, " .", ".");
    replace_all(&t, " ?", "?");
    replace_all(&t, " !", "!");
    replace_all(&t, " ,", ",");
    replace_all(&t, " ' ", "'");
    replace_all(&t, " n't", "n't");
    replace_all(&t, " 'm", "'m");
    replace_all(&t, " do not", " don't");
    replace_all(&t, " 's", "'s");
    replace_all(&t, " 've", "'ve");
    replace_all(&t, " 're", "'re");
    out += t;
  }
  return out;
}

}  // namespace playground
