// Pre-tokenizers: hand-written scanners that cut text into the pieces a byte-level BPE encodes
// one at a time, each equivalent to one regex of tiktoken / Hugging Face tokenizers, without a
// regex engine. Each scanner reads every byte a bounded number of times, so it is linear on any
// input (tiktoken's regex needs seconds for 200,000 × "a" and overflowed its stack on
// 1,000,000 × "^", openai/tiktoken #15, #245). The design follows tiktoken PR #552 and
// github/rust-gems `bpe-openai`: a code point -> class table (unicode_class.h) and one
// state machine per pattern.
//
// Regex semantics reproduced (Rust `regex` / `fancy-regex`, and Oniguruma for Llama 3):
// the first alternative that matches wins, not the longest; `\s` is Unicode White_Space;
// `\p{L}`, `\p{N}`, `\p{M}` are general categories; `(?i:'s)` also matches `'ſ` (U+017F
// folds to s). Invalid UTF-8 (not produced by the JS layer, which encodes well-formed text)
// counts as one character per byte that is neither a letter, a number nor a space.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace playground {

enum class PretokenizerKind {
  kGpt2,    // gpt2, r50k_base, p50k_base
  kCl100k,  // cl100k_base, and Llama 3 (its tokenizer.json Split regex is the same string)
  kO200k,   // o200k_base
  // Tokenizer families (issue 11), in the separate section at the end of pretokenizer.cc:
  kQwen3,       // Qwen 3: cl100k's pattern with single digits (\p{N} instead of \p{N}{1,3})
  kDeepSeekV3,  // DeepSeek V3: digits by three, then CJK runs, then its own word pattern
};

// The kind for a pattern name as stored in tokenizer assets ("gpt2", "cl100k", "o200k",
// "qwen3", "deepseek_v3");
// throws Error(kBadArgument) for any other name.
PretokenizerKind pretokenizer_kind_from_name(std::string_view name);

// The asset name of `kind` ("gpt2", "cl100k" or "o200k").
const char* pretokenizer_kind_name(PretokenizerKind kind);

// The regex `kind` reproduces, exactly as tiktoken's `pat_str` spells it.
const char* pretokenizer_pattern(PretokenizerKind kind);

// Byte offset where the piece starting at byte `pos` ends (pos < text.size(); result > pos).
size_t next_piece_end(PretokenizerKind kind, std::string_view text, size_t pos);

// All pieces of `text` as their end offsets (the pieces are contiguous and cover the text).
std::vector<size_t> pretokenize(PretokenizerKind kind, std::string_view text);

// Convenience for tests: the pieces themselves.
std::vector<std::string> pretokenize_to_strings(PretokenizerKind kind, std::string_view text);

}  // namespace playground
