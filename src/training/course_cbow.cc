#include "training/course_cbow.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/error.h"

namespace playground {
namespace {

constexpr uint32_t kContext = 4;
const char kPad[] = "<PAD>";

std::vector<std::string> split_lower(const std::string& sentence) {
  std::vector<std::string> words;
  std::string word;
  for (char c : sentence + " ") {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
    }
  }
  return words;
}

}  // namespace

const std::vector<std::string>& course_sentences() {
  static const std::vector<std::string> sentences = {
      "we are what we repeatedly do",
      "excellence then is not an act but a habit",
      "the unexamined life is not worth living",
      "to be yourself in a world that is constantly trying to make you something else is the greatest "
      "accomplishment",
  };
  return sentences;
}

CourseData course_data(const std::vector<std::string>& sentences) {
  CourseData data;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> tokenized;
  for (const std::string& sentence : sentences) {
    tokenized.emplace_back();
    for (const std::string& w : split_lower(sentence)) {
      auto [it, inserted] = ids.try_emplace(w, uint32_t(data.vocabulary.size()));
      if (inserted) data.vocabulary.push_back(w);
      tokenized.back().push_back(it->second);
    }
  }
  if (data.vocabulary.empty()) throw Error(ErrorCode::kBadArgument, "The course CBOW needs at least one word.");
  const uint32_t pad = uint32_t(data.vocabulary.size());
  data.vocabulary.push_back(kPad);
  for (const auto& s : tokenized) {
    const int64_t n = int64_t(s.size());
    for (int64_t i = 0; i < n; ++i) {
      CoursePair p{{pad, pad, pad, pad}, s[i]};
      uint32_t k = 0;
      for (int64_t j : {i - 2, i - 1, i + 1, i + 2}) {
        if (j >= 0 && j < n) p.context[k++] = s[j];
      }
      data.pairs.push_back(p);
    }
  }
  return data;
}

CourseWeights course_initial_weights(uint32_t vocabulary, uint32_t dim, uint64_t seed) {
  Random random(seed);
  CourseWeights w{vocabulary, dim, {}, {}, {}};
  w.embedding.resize(size_t(vocabulary) * dim);
  for (float& x : w.embedding) x = float(random.normal());
  const double bound = 1.0 / std::sqrt(double(dim));  // kaiming_uniform(a=√5) and the bias bound
  w.linear.resize(size_t(vocabulary) * dim);
  for (float& x : w.linear) x = float((random.uniform() * 2 - 1) * bound);
  w.bias.resize(vocabulary);
  for (float& x : w.bias) x = float((random.uniform() * 2 - 1) * bound);
  return w;
}

double course_batch_loss(const CourseWeights& w, const CoursePair* pairs, size_t count, CourseWeights* grads) {
  const uint32_t v = w.vocabulary, dim = w.dim;
  if (grads) {
    grads->vocabulary = v;
    grads->dim = dim;
    grads->embedding.assign(w.embedding.size(), 0.0f);
    grads->linear.assign(w.linear.size(), 0.0f);
    grads->bias.assign(w.bias.size(), 0.0f);
  }
  std::vector<float> hidden(dim), logits(v), dlogits(v), dhidden(dim);
  double nll_sum = 0;  // PyTorch sums the batch's −log p in float; summed in double here
  const float inv_batch = 1.0f / float(count);
  for (size_t b = 0; b < count; ++b) {
    const CoursePair& p = pairs[b];
    // Mean of the four context rows (embedding(...).mean(dim=1)).
    std::fill(hidden.begin(), hidden.end(), 0.0f);
    for (uint32_t k = 0; k < kContext; ++k) {
      const float* row = w.embedding.data() + size_t(p.context[k]) * dim;
      for (uint32_t i = 0; i < dim; ++i) hidden[i] += row[i];
    }
    for (float& x : hidden) x /= float(kContext);
    // Linear layer and log-softmax (max-shifted, as PyTorch's log_softmax).
    float max_logit = -INFINITY;
    for (uint32_t o = 0; o < v; ++o) {
      const float* row = w.linear.data() + size_t(o) * dim;
      float z = 0;
      for (uint32_t i = 0; i < dim; ++i) z += hidden[i] * row[i];
      logits[o] = z + w.bias[o];
      max_logit = std::max(max_logit, logits[o]);
    }
    float sum = 0;
    for (uint32_t o = 0; o < v; ++o) sum += std::exp(logits[o] - max_logit);
    const float log_sum = std::log(sum);
    nll_sum -= double(logits[p.target] - max_logit - log_sum);
    if (!grads) continue;
    // d(mean loss)/dlogits = (softmax − onehot) / batch.
    for (uint32_t o = 0; o < v; ++o) {
      const float softmax = std::exp(logits[o] - max_logit - log_sum);
      dlogits[o] = (softmax - (o == p.target ? 1.0f : 0.0f)) * inv_batch;
    }
    std::fill(dhidden.begin(), dhidden.end(), 0.0f);
    for (uint32_t o = 0; o < v; ++o) {
      float* grow = grads->linear.data() + size_t(o) * dim;
      const float* row = w.linear.data() + size_t(o) * dim;
      const float d = dlogits[o];
      for (uint32_t i = 0; i < dim; ++i) {
        grow[i] += d * hidden[i];
        dhidden[i] += d * row[i];
      }
      grads->bias[o] += d;
    }
    for (uint32_t k = 0; k < kContext; ++k) {
      float* grow = grads->embedding.data() + size_t(p.context[k]) * dim;
      for (uint32_t i = 0; i < dim; ++i) grow[i] += dhidden[i] / float(kContext);
    }
  }
  return nll_sum / double(count);
}

CourseCbowTrainer::CourseCbowTrainer(CourseData data, CourseSettings settings)
    : data_(std::move(data)),
      settings_(std::move(settings)),
      weights_(settings_.initial_weights
                   ? *settings_.initial_weights
                   : course_initial_weights(uint32_t(data_.vocabulary.size()), settings_.dim, settings_.seed)),
      adam_embedding_(weights_.embedding.size(), settings_.adam),
      adam_linear_(weights_.linear.size(), settings_.adam),
      adam_bias_(weights_.bias.size(), settings_.adam),
      random_(settings_.seed) {
  const size_t v = data_.vocabulary.size(), dim = settings_.dim;
  if (dim == 0 || dim > 4096 || settings_.batch_size == 0 || settings_.epochs == 0 || settings_.epochs > 100000) {
    throw Error(ErrorCode::kBadArgument, "The course CBOW needs dim 1..4096, a batch size and 1..100000 epochs.");
  }
  if (weights_.vocabulary != v || weights_.dim != dim || weights_.embedding.size() != v * dim ||
      weights_.linear.size() != v * dim || weights_.bias.size() != v) {
    throw Error(ErrorCode::kBadArgument,
                "The initial weights must be embedding " + std::to_string(v) + "×" + std::to_string(dim) +
                    ", linear " + std::to_string(v) + "×" + std::to_string(dim) + " and bias " + std::to_string(v) +
                    " floats.");
  }
  if (settings_.order) {
    if (settings_.order->size() < settings_.epochs) {
      throw Error(ErrorCode::kBadArgument, "The pair order needs one permutation per epoch.");
    }
    for (const auto& perm : *settings_.order) {
      std::vector<uint32_t> sorted = perm;
      std::sort(sorted.begin(), sorted.end());
      bool ok = sorted.size() == data_.pairs.size();
      for (size_t i = 0; ok && i < sorted.size(); ++i) ok = sorted[i] == i;
      if (!ok) {
        throw Error(ErrorCode::kBadArgument,
                    "Each epoch's order must be a permutation of the " + std::to_string(data_.pairs.size()) + " pairs.");
      }
    }
  }
  shuffled_.resize(data_.pairs.size());
}

double CourseCbowTrainer::step_epoch() {
  if (done()) return losses_.back();
  const uint32_t epoch = uint32_t(losses_.size());
  if (settings_.order) {
    shuffled_ = (*settings_.order)[epoch];
  } else {
    for (uint32_t i = 0; i < shuffled_.size(); ++i) shuffled_[i] = i;
    random_.shuffle(shuffled_.data(), shuffled_.size());
  }
  std::vector<CoursePair> batch;
  double epoch_loss = 0;
  for (size_t start = 0; start < shuffled_.size(); start += settings_.batch_size) {
    const size_t end = std::min(shuffled_.size(), start + settings_.batch_size);
    batch.clear();
    for (size_t i = start; i < end; ++i) batch.push_back(data_.pairs[shuffled_[i]]);
    epoch_loss += course_batch_loss(weights_, batch.data(), batch.size(), &gradients_);
    adam_embedding_.step(weights_.embedding.data(), gradients_.embedding.data());
    adam_linear_.step(weights_.linear.data(), gradients_.linear.data());
    adam_bias_.step(weights_.bias.data(), gradients_.bias.data());
  }
  losses_.push_back(epoch_loss);
  return epoch_loss;
}

VectorStore CourseCbowTrainer::snapshot() const {
  return VectorStore(data_.vocabulary, weights_.dim, weights_.embedding);
}

}  // namespace playground
