// Native (and Node-hosted WebAssembly) driver of the map core, for the quality comparison
// with scikit-learn / umap-learn (tests/parity/maps.test.mjs) and the benchmark
// (bench/maps.mjs). Loads a vector asset, takes the first N words (or all), runs one method
// and writes one JSON file: the words' indices, the coordinates, the cost, timings and the
// peak memory. Built on request:
//
//   cmake --build build/native --target playground_map_cli
//   build/native/playground_map_cli --method tsne --words 2000 --out /tmp/tsne.json
//
// Options (defaults in brackets): --asset PATH [assets/glove-6b-100d-10k.bin], --method
// tsne|umap|pca|knn, --words N|all [all], --dims 2|3 [2], --metric cosine|euclidean [cosine],
// --seed S [0], --quality K (also trustworthiness and mean kNN recall at K) [0: no];
// t-SNE: --perplexity [30], --iterations [1000], --theta [0.5], --init pca|random [pca],
// --exact (exact O(n^2) gradient); UMAP: --neighbors [15], --min-dist [0.1], --epochs [auto];
// knn: --k [90]. The JSON's coordinates are in the order of the words.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#if (defined(__unix__) || defined(__APPLE__)) && !defined(__EMSCRIPTEN__)
#include <sys/resource.h>
#endif

#include "common/error.h"
#include "maps/knn.h"
#include "maps/map_quality.h"
#include "maps/point_matrix.h"
#include "maps/tsne.h"
#include "maps/umap.h"
#include "vectors/pca.h"
#include "vectors/vector_store.h"

using namespace playground;

namespace {

using Clock = std::chrono::steady_clock;

// Processor time of this process in seconds (less disturbed than wall time on a shared machine).
double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Wall time of one call, in seconds.
template <typename F>
double timed(F&& f) {
  const Clock::time_point start = Clock::now();
  f();
  return seconds_since(start);
}

// Peak memory in MB: natively the peak resident set (Linux ru_maxrss is in kB); in
// WebAssembly the size of the linear memory, which only grows, so it is the high-water mark.
double peak_rss_mb() {
#if defined(__EMSCRIPTEN__)
  return double(__builtin_wasm_memory_size(0)) * 65536.0 / (1024.0 * 1024.0);
#elif defined(__unix__) || defined(__APPLE__)
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) == 0) return double(usage.ru_maxrss) / 1024.0;
#endif
  return -1;
}

struct Args {
  std::map<std::string, std::string> values;
  std::string get(const std::string& key, const std::string& fallback) const {
    const auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
  }
  double num(const std::string& key, double fallback) const {
    const auto it = values.find(key);
    return it == values.end() ? fallback : std::stod(it->second);
  }
  bool flag(const std::string& key) const { return values.count(key) > 0; }
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string key = argv[i];
    if (key.rfind("--", 0) != 0) throw std::runtime_error("unexpected argument " + key);
    key = key.substr(2);
    if (key == "exact") {
      a.values[key] = "1";
    } else {
      if (i + 1 >= argc) throw std::runtime_error("--" + key + " needs a value");
      a.values[key] = argv[++i];
    }
  }
  return a;
}

class Json {
 public:
  void field(const std::string& key, const std::string& raw) {
    out_ += (out_.empty() ? "{" : ",") + std::string("\n  \"") + key + "\": " + raw;
  }
  void number(const std::string& key, double v) { field(key, format(v)); }
  void text(const std::string& key, const std::string& v) { field(key, "\"" + v + "\""); }
  template <typename T>
  void array(const std::string& key, const std::vector<T>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + format(double(v[i]));
    field(key, s + "]");
  }
  std::string str() const { return out_ + "\n}\n"; }
  static std::string format(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
  }

 private:
  std::string out_;
};

Metric metric_of(const std::string& name) {
  if (name == "cosine") return Metric::kCosine;
  if (name == "euclidean") return Metric::kEuclidean;
  throw std::runtime_error("unknown metric " + name);
}

int run(const Args& args) {
  const std::string asset_path = args.get("asset", "assets/glove-6b-100d-10k.bin");
  std::ifstream in(asset_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + asset_path);
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const VectorStore store = VectorStore::from_asset(bytes.data(), bytes.size());

  const std::string words = args.get("words", "all");
  const size_t n = words == "all" ? store.size() : std::min(store.size(), size_t(std::stoul(words)));
  std::vector<size_t> rows(n);
  for (size_t i = 0; i < n; ++i) rows[i] = i;
  const std::string method = args.get("method", "tsne");
  const size_t dims = size_t(args.num("dims", 2));
  const Metric metric = metric_of(args.get("metric", "cosine"));
  const uint64_t seed = uint64_t(args.num("seed", 0));

  Json json;
  json.text("method", method);
  json.number("n", double(n));
  json.number("dims", double(dims));
  std::vector<double> coords;
  const Clock::time_point start = Clock::now();
  const double cpu_start = cpu_seconds();
  if (method == "tsne") {
    TsneOptions o;
    o.dims = dims;
    o.metric = metric;
    o.seed = seed;
    o.perplexity = args.num("perplexity", 30);
    o.iterations = size_t(args.num("iterations", 1000));
    o.theta = args.num("theta", 0.5);
    o.init = args.get("init", "pca") == "random" ? TsneInit::kRandom : TsneInit::kPca;
    if (args.flag("exact")) o.gradient = TsneGradientMethod::kExact;
    Tsne tsne(store, rows, o);
    size_t setup_steps = 0;
    double longest_piece = 0;
    while (tsne.stage() != Tsne::Stage::kOptimizing && !tsne.done()) {
      longest_piece = std::max(longest_piece, timed([&] { tsne.step(0); }));
      ++setup_steps;
    }
    const double setup = seconds_since(start);
    double longest_step = 0;
    bool finished = false;
    while (!finished) longest_step = std::max(longest_step, timed([&] { finished = tsne.step(1); }));
    const double optimize = seconds_since(start) - setup;
    coords = tsne.coords();
    json.number("setup_seconds", setup);
    json.number("setup_steps", double(setup_steps));
    json.number("longest_setup_piece_ms", 1e3 * longest_piece);
    json.number("longest_iteration_ms", 1e3 * longest_step);
    json.number("optimize_seconds", optimize);
    json.number("iterations", double(tsne.iteration()));
    json.number("learning_rate", tsne.learning_rate());
    json.number("p_nonzeros", double(tsne.affinities().nnz()));
    json.number("kl", tsne.kl());
  } else if (method == "umap") {
    UmapOptions o;
    o.dims = dims;
    o.metric = metric;
    o.seed = seed;
    o.neighbors = size_t(args.num("neighbors", 15));
    o.min_dist = args.num("min-dist", 0.1);
    o.epochs = size_t(args.num("epochs", 0));
    Umap umap(store, rows, o);
    size_t setup_steps = 0;
    double longest_piece = 0;
    while (umap.stage() != Umap::Stage::kOptimizing && !umap.done()) {
      longest_piece = std::max(longest_piece, timed([&] { umap.step(0); }));
      ++setup_steps;
    }
    const double setup = seconds_since(start);
    double longest_step = 0;
    bool finished = false;
    while (!finished) longest_step = std::max(longest_step, timed([&] { finished = umap.step(1); }));
    const double optimize = seconds_since(start) - setup;
    coords.assign(umap.coords().begin(), umap.coords().end());
    json.number("setup_seconds", setup);
    json.number("setup_steps", double(setup_steps));
    json.number("longest_setup_piece_ms", 1e3 * longest_piece);
    json.number("longest_epoch_ms", 1e3 * longest_step);
    json.number("optimize_seconds", optimize);
    json.number("epochs", double(umap.epoch()));
    json.number("a", umap.a());
    json.number("b", umap.b());
  } else if (method == "pca") {
    const PcaResult r = pca(store, rows, dims, false);
    coords = r.coords;
    json.array("explained_variance_ratio", r.explained_variance_ratio);
  } else if (method == "knn") {
    const KnnGraph g = exact_knn(PointMatrix::gather(store, rows, metric == Metric::kCosine),
                                 size_t(args.num("k", 90)), metric, false);
    json.number("k", double(g.k));
    json.number("first_neighbour_of_0", g.neighbours(0)[0]);
  } else {
    throw std::runtime_error("unknown method " + method);
  }
  json.number("seconds", seconds_since(start));
  json.number("cpu_seconds", cpu_seconds() - cpu_start);
  const size_t quality_k = size_t(args.num("quality", 0));
  if (quality_k > 0 && !coords.empty()) {
    const Clock::time_point q_start = Clock::now();
    const MapQualityResult q = map_quality(store, rows, coords, dims, quality_k, metric);
    json.number("quality_seconds", seconds_since(q_start));
    json.number("trustworthiness", q.trustworthiness);
    double mean = 0;
    for (float r : q.recall) mean += r;
    json.number("mean_recall", mean / double(q.recall.size()));
  }
  json.number("peak_rss_mb", peak_rss_mb());
  json.array("coords", coords);
  const std::string out_path = args.get("out", "");
  if (out_path.empty()) {
    std::fputs(json.str().c_str(), stdout);
  } else {
    std::ofstream out(out_path);
    out << json.str();
    if (!out) throw std::runtime_error("cannot write " + out_path);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const Error& e) {
    std::fprintf(stderr, "map-cli: %s (%s)\n", e.what(), error_code_name(e.code()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "map-cli: %s\n", e.what());
  }
  return 1;
}
