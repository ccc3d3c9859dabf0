// Command-line driver of the training core (src/training/), for the parity tests against
// gensim and PyTorch (tests/parity/), the corpus and Turkish-vector builders (tools/) and the
// training benchmark (bench/training.mjs). CMake target `playground_train`, built on request:
//
//   cmake --build build/native --target playground_train
//
// Commands (numbers and files as below; errors go to stderr with exit status 1):
//   tokenize [--language en|tr] [--lines-only]     raw text on stdin -> one sentence per line
//   lowercase [--language en|tr]                   each stdin line lower-cased, as is otherwise
//   ngrams --minn N --maxn N --buckets N           per stdin word: its n-gram buckets
//   format-floats                                  per stdin line a float32's bits (hex) -> repr
//   vocabulary --corpus FILE [settings]           per line: word count sample_int cum_table
//   word2vec --corpus FILE [--out FILE] [settings] train on a one-sentence-per-line file,
//       print a JSON summary; settings: --model sg|cbow --dim --window --negative --min-count
//       --max-final-vocab --sample --epochs --alpha --min-alpha --seed [--minn --maxn --buckets]
//       [--step WORDS] (train in steps of that many words, as a UI would)
//       [--ngrams-out FILE] (with subwords: the n-gram table as an "EPNG" asset)
//   neighbours --vectors EPWV.bin [--ngrams EPNG.bin] [--k 8]   per stdin word its neighbours
//   course-cbow [--weights FILE] [--order FILE] [--seed N]   the course's CBOW, JSON out;
//       FILE: float32 little-endian embedding, linear weight, bias; order: one line per epoch
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "training/corpus.h"
#include "training/course_cbow.h"
#include "training/lowercase.h"
#include "training/ngram_asset.h"
#include "training/subwords.h"
#include "training/text_tokenizer.h"
#include "training/word2vec.h"
#include "training/word2vec_format.h"
#include "vectors/queries.h"
#include "vectors/vector_store.h"

#if !defined(__EMSCRIPTEN__) && defined(__unix__)
#include <sys/resource.h>
#endif

namespace {

using playground::Error;

// Peak memory of this process: the resident set natively (getrusage), the size of the
// WebAssembly linear memory under Emscripten (it only grows, so it is the peak).
uint64_t peak_memory_bytes() {
#if defined(__EMSCRIPTEN__)
  return uint64_t(__builtin_wasm_memory_size(0)) * 65536;
#elif defined(__unix__)
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return uint64_t(usage.ru_maxrss) * 1024;
#else
  return 0;
#endif
}
using playground::ErrorCode;

struct Args {
  std::map<std::string, std::string> values;
  bool has(const std::string& k) const { return values.count(k) > 0; }
  std::string str(const std::string& k, const std::string& fallback = "") const {
    const auto it = values.find(k);
    return it == values.end() ? fallback : it->second;
  }
  double num(const std::string& k, double fallback) const {
    const auto it = values.find(k);
    return it == values.end() ? fallback : std::strtod(it->second.c_str(), nullptr);
  }
};

Args parse(int argc, char** argv, int first) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string key = argv[i];
    if (key.rfind("--", 0) != 0) throw Error(ErrorCode::kBadArgument, "unexpected argument " + key);
    key = key.substr(2);
    if (i + 1 < argc && std::strncmp(argv[i + 1], "--", 2) != 0) {
      a.values[key] = argv[++i];
    } else {
      a.values[key] = "1";
    }
  }
  return a;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kBadArgument, "cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string read_stdin() {
  std::ostringstream s;
  s << std::cin.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) throw Error(ErrorCode::kBadArgument, "cannot write " + path);
}

playground::TextLanguage language(const Args& a) {
  return a.str("language", "en") == "tr" ? playground::TextLanguage::kTurkish : playground::TextLanguage::kDefault;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (uint8_t(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

template <typename T>
std::string json_numbers(const std::vector<T>& v) {
  std::string out = "[";
  char buf[40];
  for (size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.17g", double(v[i]));
    out += (i ? "," : "") + std::string(buf);
  }
  return out + "]";
}

int cmd_tokenize(const Args& a) {
  playground::CorpusBuilder builder;
  playground::tokenize_text(read_stdin(), language(a),
                            a.has("lines-only") ? playground::SentenceBreaks::kLinesOnly
                                                : playground::SentenceBreaks::kPunctuationAndLines,
                            &builder);
  const playground::Corpus c = builder.finish();
  std::string out;
  for (size_t s = 0; s < c.sentence_count(); ++s) {
    for (const uint32_t* t = c.sentence_begin(s); t != c.sentence_end(s); ++t) {
      if (t != c.sentence_begin(s)) out += ' ';
      out += c.types()[*t];
    }
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int cmd_lowercase(const Args& a) {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << playground::lowercase(line, language(a)) << '\n';
  return 0;
}

int cmd_ngrams(const Args& a) {
  const playground::SubwordSettings s{uint32_t(a.num("minn", 3)), uint32_t(a.num("maxn", 6)),
                                      uint32_t(a.num("buckets", 2000000))};
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::vector<uint32_t> b = playground::ngram_buckets(line, s);
    for (size_t i = 0; i < b.size(); ++i) std::cout << (i ? " " : "") << b[i];
    std::cout << '\n';
  }
  return 0;
}

int cmd_format_floats(const Args&) {
  std::string line;
  while (std::getline(std::cin, line)) {
    const uint32_t bits = uint32_t(std::strtoul(line.c_str(), nullptr, 16));
    float x;
    std::memcpy(&x, &bits, 4);
    std::cout << playground::format_float32(x) << '\n';
  }
  return 0;
}

playground::Word2VecSettings word2vec_settings(const Args& a) {
  playground::Word2VecSettings s;
  s.model = a.str("model", "sg") == "cbow" ? playground::Word2VecModel::kCbow : playground::Word2VecModel::kSkipGram;
  s.dim = uint32_t(a.num("dim", s.dim));
  s.window = uint32_t(a.num("window", s.window));
  s.negative = uint32_t(a.num("negative", s.negative));
  s.epochs = uint32_t(a.num("epochs", s.epochs));
  s.alpha = a.num("alpha", s.alpha);
  s.min_alpha = a.num("min-alpha", s.min_alpha);
  s.seed = uint64_t(a.num("seed", double(s.seed)));
  s.vocabulary.min_count = uint64_t(a.num("min-count", double(s.vocabulary.min_count)));
  s.vocabulary.max_final_vocab = uint64_t(a.num("max-final-vocab", 0));
  s.vocabulary.sample = a.num("sample", s.vocabulary.sample);
  if (a.has("minn") || a.has("maxn") || a.has("buckets")) {
    s.subwords = playground::SubwordSettings{uint32_t(a.num("minn", 3)), uint32_t(a.num("maxn", 6)),
                                             uint32_t(a.num("buckets", 2000000))};
  }
  return s;
}

// The vocabulary gensim would build: per line word, count, sample_int, cum_table entry.
int cmd_vocabulary(const Args& a) {
  const playground::Corpus corpus = playground::corpus_from_lines(read_file(a.str("corpus")));
  const playground::Vocabulary v(corpus, word2vec_settings(a).vocabulary);
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    out += v.word(i) + " " + std::to_string(v.count(i)) + " " + std::to_string(v.sample_int(i)) + " " +
           std::to_string(v.cum_table()[i]) + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int cmd_word2vec(const Args& a) {
  const auto t0 = std::chrono::steady_clock::now();
  playground::Corpus corpus = playground::corpus_from_lines(read_file(a.str("corpus")));
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  playground::Word2VecTrainer trainer(std::move(corpus), word2vec_settings(a));
  const uint64_t step = uint64_t(a.num("step", 0));
  playground::TrainingProgress p;
  if (step > 0) {
    while (!trainer.done()) p = trainer.step(step);
  } else {
    p = trainer.train();
  }
  if (a.has("out")) {
    write_file(a.str("out"), playground::word2vec_text(trainer.vocabulary().words(), trainer.settings().dim,
                                                       trainer.word_vectors()));
  }
  if (a.has("ngrams-out")) {
    if (!trainer.settings().subwords) throw Error(ErrorCode::kBadArgument, "--ngrams-out needs --minn/--maxn/--buckets");
    playground::NgramTable table{*trainer.settings().subwords, trainer.settings().dim, trainer.ngram_row_buckets(),
                                 trainer.ngram_weights()};
    const std::vector<uint8_t> bytes = playground::encode_ngram_asset(table);
    write_file(a.str("ngrams-out"), std::string(bytes.begin(), bytes.end()));
  }
  std::printf(
      "{\"vocabulary\":%zu,\"corpus_words\":%llu,\"sentences\":%zu,\"trained_words\":%llu,\"examples\":%llu,"
      "\"seconds\":%.6f,\"load_seconds\":%.6f,\"words_per_second\":%.1f,\"epoch_losses\":%s,\"loss\":%.17g,"
      "\"ngram_rows\":%zu,\"peak_memory_bytes\":%llu}\n",
      trainer.vocabulary().size(), (unsigned long long)trainer.corpus().token_count(),
      trainer.corpus().sentence_count(), (unsigned long long)p.trained_words, (unsigned long long)p.examples,
      p.seconds, load_seconds, p.words_per_second, json_numbers(trainer.epoch_losses()).c_str(), p.loss,
      trainer.ngram_rows(), (unsigned long long)peak_memory_bytes());
  return 0;
}

// Nearest neighbours in a shipped vector set (and its n-gram table for unknown words), one
// JSON line per stdin word: {"word", "known", "neighbours": [[word, cosine], ...]}.
int cmd_neighbours(const Args& a) {
  const std::string vectors = read_file(a.str("vectors"));
  const playground::VectorStore store =
      playground::VectorStore::from_asset(reinterpret_cast<const uint8_t*>(vectors.data()), vectors.size());
  std::optional<playground::NgramTable> ngrams;
  if (a.has("ngrams")) {
    const std::string bytes = read_file(a.str("ngrams"));
    ngrams = playground::decode_ngram_asset(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  const size_t k = size_t(a.num("k", 8));
  std::string word;
  while (std::getline(std::cin, word)) {
    std::vector<playground::ScoredWord> near;
    const bool known = store.find(word).has_value();
    if (known) {
      near = playground::nearest(store, word, k);
    } else if (ngrams) {
      if (const auto v = ngrams->vector(word)) near = playground::nearest_to_vector(store, *v, k);
    }
    std::string out = "{\"word\":" + json_string(word) + ",\"known\":" + (known ? "true" : "false") +
                      ",\"neighbours\":[";
    for (size_t i = 0; i < near.size(); ++i) {
      char score[32];
      std::snprintf(score, sizeof score, "%.4f", double(near[i].score));
      out += (i ? ",[" : "[") + json_string(near[i].word) + "," + score + "]";
    }
    std::cout << out << "]}\n";
  }
  return 0;
}

// The course CBOW: --describe prints the vocabulary and pairs only; otherwise trains (with the
// given initial weights and per-epoch order when set) and prints the losses and the final
// embedding.
int cmd_course_cbow(const Args& a) {
  playground::CourseData data = playground::course_data(playground::course_sentences());
  std::string out = "{\"vocabulary\":[";
  for (size_t i = 0; i < data.vocabulary.size(); ++i) out += (i ? "," : "") + json_string(data.vocabulary[i]);
  out += "],\"pairs\":[";
  for (size_t i = 0; i < data.pairs.size(); ++i) {
    const auto& p = data.pairs[i];
    out += (i ? "," : "") + std::string("{\"context\":") +
           json_numbers(std::vector<uint32_t>(p.context.begin(), p.context.end())) +
           ",\"target\":" + std::to_string(p.target) + "}";
  }
  out += "]";
  if (!a.has("describe")) {
    playground::CourseSettings s;
    s.seed = uint64_t(a.num("seed", 0));
    s.epochs = uint32_t(a.num("epochs", s.epochs));
    const uint32_t v = uint32_t(data.vocabulary.size()), dim = s.dim;
    if (a.has("weights")) {
      const std::string bytes = read_file(a.str("weights"));
      const size_t floats = bytes.size() / 4;
      if (floats != size_t(v) * dim * 2 + v) throw Error(ErrorCode::kBadArgument, "weights file has the wrong size");
      std::vector<float> all(floats);
      std::memcpy(all.data(), bytes.data(), floats * 4);
      playground::CourseWeights w{v, dim, {}, {}, {}};
      w.embedding.assign(all.begin(), all.begin() + size_t(v) * dim);
      w.linear.assign(all.begin() + size_t(v) * dim, all.begin() + size_t(v) * dim * 2);
      w.bias.assign(all.begin() + size_t(v) * dim * 2, all.end());
      s.initial_weights = std::move(w);
    }
    if (a.has("order")) {
      std::istringstream in(read_file(a.str("order")));
      std::string line;
      std::vector<std::vector<uint32_t>> order;
      while (std::getline(in, line)) {
        std::istringstream l(line);
        order.emplace_back();
        uint32_t k;
        while (l >> k) order.back().push_back(k);
      }
      s.order = std::move(order);
    }
    playground::CourseCbowTrainer trainer(std::move(data), std::move(s));
    while (!trainer.done()) trainer.step_epoch();
    out += ",\"losses\":" + json_numbers(trainer.losses());
    out += ",\"embedding\":" + json_numbers(trainer.weights().embedding);
  }
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s tokenize|lowercase|ngrams|format-floats|vocabulary|word2vec|course-cbow|neighbours ...\n",
                 argv[0]);
    return 1;
  }
  const std::string command = argv[1];
  try {
    const Args a = parse(argc, argv, 2);
    if (command == "tokenize") return cmd_tokenize(a);
    if (command == "lowercase") return cmd_lowercase(a);
    if (command == "ngrams") return cmd_ngrams(a);
    if (command == "format-floats") return cmd_format_floats(a);
    if (command == "word2vec") return cmd_word2vec(a);
    if (command == "vocabulary") return cmd_vocabulary(a);
    if (command == "course-cbow") return cmd_course_cbow(a);
    if (command == "neighbours") return cmd_neighbours(a);
    std::fprintf(stderr, "unknown command %s\n", command.c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
