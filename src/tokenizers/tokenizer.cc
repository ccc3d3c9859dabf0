#include "tokenizers/tokenizer.h"

#include <unordered_map>

#include "common/error.h"
#include "common/utf8.h"
#include "tokenizers/tokenizer_asset.h"

namespace playground {
namespace {

// Ids of the pieces met so far in one encode call that needed the merge loop, as (offset, count)
// into the output. Natural text repeats its words, and a hit skips the merge loop (tiktoken keeps
// such a cache and measured a 95 % hit rate, openai/tiktoken PR #319). One cache per call keeps
// encoding const and thread-safe; a piece that is a whole token is found by one table lookup
// and never enters the cache.
class PieceCache {
 public:
  // Appends the ids of `piece` to `ids`, from the cache or from `model`.
  void encode(const ByteBpeModel& model, std::string_view piece, std::vector<uint32_t>* ids) {
    const uint32_t whole = model.rank_of(piece);
    if (whole != kNoRank) {
      ids->push_back(whole);
      return;
    }
    const auto it = seen_.find(piece);
    if (it != seen_.end()) {
      const auto [offset, count] = it->second;
      for (uint32_t k = 0; k < count; ++k) {
        const uint32_t id = (*ids)[offset + k];
        ids->push_back(id);
      }
      return;
    }
    const size_t before = ids->size();
    model.encode_piece(piece, ids);
    seen_.emplace(piece, std::make_pair(uint32_t(before), uint32_t(ids->size() - before)));
  }

 private:
  std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>> seen_;
};

}  // namespace

Tokenizer Tokenizer::from_asset(const uint8_t* data, size_t size) {
  DecodedTokenizer d = decode_tokenizer_asset(data, size);
  try {
    return Tokenizer(std::move(d.name), pretokenizer_kind_from_name(d.pattern),
                     ByteBpeModel(std::move(d.tokens), std::move(d.specials)), d.bos_id, d.eos_id);
  } catch (const Error& e) {
    throw Error(ErrorCode::kBadAsset, std::string("Invalid tokenizer file: ") + e.what());
  }
}

Tokenizer::Tokenizer(std::string name, PretokenizerKind pretokenizer, ByteBpeModel model,
                     uint32_t bos_id, uint32_t eos_id)
    : name_(std::move(name)),
      pretokenizer_(pretokenizer),
      model_(std::move(model)),
      bos_id_(bos_id),
      eos_id_(eos_id) {
  for (uint32_t id : {bos_id_, eos_id_}) {
    if (id != kNoRank && !model_.is_valid_id(id)) {
      throw Error(ErrorCode::kBadArgument, "BOS/EOS id " + std::to_string(id) + " is not a token");
    }
  }
}

void Tokenizer::encode_ordinary_into(std::string_view text, size_t begin, size_t end,
                                     std::vector<TokenSpan>* spans) const {
  const std::string_view part = text.substr(begin, end - begin);
  std::vector<uint32_t> ids;
  size_t start = 0;
  for (size_t stop : pretokenize(pretokenizer_, part)) {
    ids.clear();
    const std::string_view piece = part.substr(start, stop - start);
    model_.encode_piece(piece, &ids);
    size_t at = begin + start;
    for (uint32_t id : ids) {
      const size_t len = model_.token_bytes(id).size();
      spans->push_back({id, uint32_t(at), uint32_t(at + len)});
      at += len;
    }
    start = stop;
  }
}

std::vector<TokenSpan> Tokenizer::encode_spans(std::string_view text, const EncodeOptions& options) const {
  if (text.size() >= 0xFFFFFFFFu) throw Error(ErrorCode::kBadArgument, "The text is larger than 4 GiB");
  std::vector<TokenSpan> spans;
  spans.reserve(text.size() / 3 + 2);
  if (options.add_bos) {
    if (bos_id_ == kNoRank) throw Error(ErrorCode::kBadArgument, quote(name_) + " has no BOS token");
    spans.push_back({bos_id_, 0, 0});
  }
  if (!options.allow_special || model_.specials().empty()) {
    encode_ordinary_into(text, 0, text.size(), &spans);
  } else {
    // Split on special tokens (longest match at each position), encode the text between.
    size_t plain = 0;
    for (size_t pos = 0; pos < text.size();) {
      const auto [len, id] = model_.match_special(text, pos);
      if (len == 0) {
        ++pos;
        continue;
      }
      encode_ordinary_into(text, plain, pos, &spans);
      spans.push_back({id, uint32_t(pos), uint32_t(pos + len)});
      pos += len;
      plain = pos;
    }
    encode_ordinary_into(text, plain, text.size(), &spans);
  }
  if (options.add_eos) {
    if (eos_id_ == kNoRank) throw Error(ErrorCode::kBadArgument, quote(name_) + " has no EOS token");
    spans.push_back({eos_id_, uint32_t(text.size()), uint32_t(text.size())});
  }
  return spans;
}

std::vector<uint32_t> Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
  if (!options.allow_special && !options.add_bos && !options.add_eos) {
    // The common path, without the spans.
    std::vector<uint32_t> ids;
    ids.reserve(text.size() / 3 + 1);
    PieceCache cache;
    size_t start = 0;
    for (size_t stop : pretokenize(pretokenizer_, text)) {
      cache.encode(model_, text.substr(start, stop - start), &ids);
      start = stop;
    }
    return ids;
  }
  std::vector<uint32_t> ids;
  for (const TokenSpan& s : encode_spans(text, options)) ids.push_back(s.id);
  return ids;
}

std::vector<uint32_t> Tokenizer::encode_reference(std::string_view text) const {
  std::vector<uint32_t> ids;
  size_t start = 0;
  for (size_t stop : pretokenize(pretokenizer_, text)) {
    model_.encode_piece_reference(text.substr(start, stop - start), &ids);
    start = stop;
  }
  return ids;
}

std::string Tokenizer::decode(const std::vector<uint32_t>& ids) const {
  std::string out;
  for (uint32_t id : ids) out += model_.token_bytes(id);
  return out;
}

std::string Tokenizer::decode_text(const std::vector<uint32_t>& ids) const {
  return replace_invalid_utf8(decode(ids));
}

}  // namespace playground
