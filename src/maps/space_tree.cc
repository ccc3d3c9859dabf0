#include "maps/space_tree.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace playground {

namespace {
constexpr double kDuplicate = 1e-6;  // scikit-learn's EPSILON for duplicate points
constexpr int kMaxDepth = 64;        // beyond this, keep what is left in one leaf

// Which Student-t: 1 degree of freedom (2-D maps), 2 (3-D maps, as scikit-learn picks), or any.
enum Kernel { kDofOne, kDofTwo, kAnyDof };

// The Student-t kernel at squared distance d2: w = (dof / (dof + d2))^exponent with exponent
// (dof + 1) / 2, and w * f with f = dof / (dof + d2).
template <int kKernel>
inline void student_t(double d2, double dof, double exponent, double* w, double* wf) {
  if (kKernel == kDofOne) {
    *w = 1.0 / (1.0 + d2);
    *wf = *w * *w;
  } else {
    const double f = dof / (dof + d2);
    *w = kKernel == kDofTwo ? f * std::sqrt(f) : std::pow(f, exponent);
    *wf = *w * f;
  }
}

int kernel_of(double dof) { return dof == 1.0 ? kDofOne : (dof == 2.0 ? kDofTwo : kAnyDof); }
}  // namespace

SpaceTree::SpaceTree(size_t dims) : dims_(dims) {}

void SpaceTree::build(const double* points, size_t n) {
  nodes_.clear();
  if (n == 0) return;
  nodes_.reserve(2 * n + 16);
  points_ = points;
  order_.resize(n);
  scratch_.resize(n);
  for (size_t i = 0; i < n; ++i) order_[i] = uint32_t(i);
  double lo[3], hi[3];
  for (size_t d = 0; d < dims_; ++d) {
    lo[d] = hi[d] = points[d];
    for (size_t i = 1; i < n; ++i) {
      lo[d] = std::min(lo[d], points[i * dims_ + d]);
      hi[d] = std::max(hi[d], points[i * dims_ + d]);
    }
    const double sign = hi[d] > 0 ? 1.0 : (hi[d] < 0 ? -1.0 : 0.0);
    hi[d] = std::max(hi[d] * (1.0 + 1e-3 * sign), hi[d] + 1e-3);
  }
  build_cell(0, uint32_t(n), lo, hi, 0);
  points_ = nullptr;
}

// Appends the cell holding order_[begin, end) and its subtree, depth first, children in
// scikit-learn's slot order (slot bit d set when coordinate d >= the cell's centre).
void SpaceTree::build_cell(uint32_t begin, uint32_t end, const double* lo, const double* hi, int depth) {
  const size_t D = dims_;
  const uint32_t id = uint32_t(nodes_.size());
  nodes_.push_back(Node{});
  double width_sq = 0, center[3];
  for (size_t d = 0; d < D; ++d) {
    width_sq = std::max(width_sq, (hi[d] - lo[d]) * (hi[d] - lo[d]));
    center[d] = (lo[d] + hi[d]) / 2;
  }
  nodes_[id].squared_max_width = width_sq;
  nodes_[id].size = double(end - begin);

  const double* first = points_ + size_t(order_[begin]) * D;
  bool all_duplicates = true;
  for (uint32_t m = begin + 1; m < end && all_duplicates; ++m) {
    const double* p = points_ + size_t(order_[m]) * D;
    for (size_t d = 0; d < D; ++d) all_duplicates &= std::fabs(p[d] - first[d]) <= kDuplicate;
  }
  if (all_duplicates || depth >= kMaxDepth) {  // a leaf: its position is its first point's
    for (size_t d = 0; d < D; ++d) nodes_[id].barycenter[d] = first[d];
    nodes_[id].next = id + 1;
    return;
  }

  // Stable counting sort of the points into the 2^D child slots.
  uint32_t count[9] = {};
  const size_t slots = size_t(1) << D;
  auto slot_of = [&](uint32_t index) {
    const double* p = points_ + size_t(index) * D;
    uint32_t s = 0;
    for (size_t d = 0; d < D; ++d) s = s * 2 + (p[d] >= center[d] ? 1 : 0);
    return s;
  };
  for (uint32_t m = begin; m < end; ++m) ++count[slot_of(order_[m]) + 1];
  for (size_t s = 0; s < slots; ++s) count[s + 1] += count[s];
  uint32_t fill[8];
  for (size_t s = 0; s < slots; ++s) fill[s] = begin + count[s];
  for (uint32_t m = begin; m < end; ++m) scratch_[fill[slot_of(order_[m])]++] = order_[m];
  std::copy(scratch_.begin() + begin, scratch_.begin() + end, order_.begin() + begin);

  double bary[3] = {0, 0, 0};
  for (size_t s = 0; s < slots; ++s) {
    const uint32_t b = begin + count[s], e = begin + count[s + 1];
    if (b == e) continue;
    double child_lo[3], child_hi[3];
    for (size_t d = 0; d < D; ++d) {
      const bool upper = (s >> (D - 1 - d)) & 1;
      child_lo[d] = upper ? center[d] : lo[d];
      child_hi[d] = upper ? hi[d] : center[d];
    }
    const uint32_t child = uint32_t(nodes_.size());
    build_cell(b, e, child_lo, child_hi, depth + 1);
    for (size_t d = 0; d < D; ++d) bary[d] += nodes_[child].size * nodes_[child].barycenter[d];
  }
  for (size_t d = 0; d < D; ++d) nodes_[id].barycenter[d] = bary[d] / nodes_[id].size;
  nodes_[id].next = uint32_t(nodes_.size());
}

template <size_t D, int kKernel>
double SpaceTree::repulsion_impl(const double* point, double theta_sq, double dof, double* force) const {
  double sum_w = 0;
  double acc[D] = {};
  const double exponent = (dof + 1) / 2;
  const Node* nodes = nodes_.data();
  const uint32_t count = uint32_t(nodes_.size());
  uint32_t k = 0;
  while (k < count) {
    const Node& node = nodes[k];
    double diff[D];
    double d2 = 0;
    for (size_t d = 0; d < D; ++d) {
      diff[d] = point[d] - node.barycenter[d];
      d2 += diff[d] * diff[d];
    }
    if (node.next == k + 1) {  // a leaf
      bool duplicate = true;
      for (size_t d = 0; d < D; ++d) duplicate &= std::fabs(diff[d]) <= kDuplicate;
      if (duplicate) {  // the point itself
        ++k;
        continue;
      }
    } else if (!(node.squared_max_width < theta_sq * d2)) {
      ++k;  // too close to summarise: walk into the children
      continue;
    }
    double w, wf;
    student_t<kKernel>(d2, dof, exponent, &w, &wf);
    sum_w += node.size * w;
    const double m = node.size * wf;
    for (size_t d = 0; d < D; ++d) acc[d] += m * diff[d];
    k = node.next;
  }
  for (size_t d = 0; d < D; ++d) force[d] += acc[d];
  return sum_w;
}

#if defined(__GNUC__) || defined(__clang__)
typedef double Double2 __attribute__((vector_size(16)));
typedef long long Mask2 __attribute__((vector_size(16)));
#endif

// A group of up to G points in lane form (G even). The lane arithmetic for dof 1 and 2 is
// written with the vector extension, two lanes per SIMD register (SSE2 natively, simd128 in
// WebAssembly), because neither GCC nor clang vectorizes the masked scalar loop; measured
// 1.3x faster than the scalar loop on a 10,000-point map. Other dof, and other compilers, take
// the scalar loop.
template <size_t D, size_t G>
struct Lanes {
  double pos[D][G];
  double acc[D][G] = {};
  double sum_w[G] = {};
  double weight[G];  // 1 for a point, 0 for padding
};

template <size_t D, int kKernel, size_t G>
inline void add_cell(Lanes<D, G>& l, const double* b, double size, double near, double dof) {
#if defined(__GNUC__) || defined(__clang__)
  if (kKernel != kAnyDof) {
    Double2 c[D];
    for (size_t d = 0; d < D; ++d) c[d] = Double2{b[d], b[d]};
    const Double2 lim = {near, near}, one = {1, 1}, two = {2, 2}, sz = {size, size};
    for (size_t g = 0; g < G; g += 2) {
      Double2 d2 = {0, 0}, diff[D], p;
      Mask2 duplicate = {-1, -1};
      for (size_t d = 0; d < D; ++d) {
        std::memcpy(&p, &l.pos[d][g], sizeof p);
        diff[d] = p - c[d];
        d2 += diff[d] * diff[d];
        duplicate &= (diff[d] <= lim) & (diff[d] >= -lim);
      }
      Double2 weight, sum_w;
      std::memcpy(&weight, &l.weight[g], sizeof weight);
      const Double2 s = (Double2)((Mask2)(weight * sz) & ~duplicate);
      Double2 w, wf;
      if (kKernel == kDofOne) {
        w = one / (one + d2);
        wf = w * w;
      } else {
        const Double2 f = two / (two + d2), root = {std::sqrt(f[0]), std::sqrt(f[1])};
        w = f * root;
        wf = w * f;
      }
      const Double2 sw = s * w, sww = s * wf;
      std::memcpy(&sum_w, &l.sum_w[g], sizeof sum_w);
      sum_w += sw;
      std::memcpy(&l.sum_w[g], &sum_w, sizeof sum_w);
      for (size_t d = 0; d < D; ++d) {
        Double2 a;
        std::memcpy(&a, &l.acc[d][g], sizeof a);
        a += sww * diff[d];
        std::memcpy(&l.acc[d][g], &a, sizeof a);
      }
    }
    return;
  }
#endif
  const double exponent = (dof + 1) / 2;
  for (size_t g = 0; g < G; ++g) {
    double diff[D], d2 = 0;
    bool duplicate = true;
    for (size_t d = 0; d < D; ++d) {
      diff[d] = l.pos[d][g] - b[d];
      d2 += diff[d] * diff[d];
      duplicate = duplicate && std::fabs(diff[d]) <= near;
    }
    if (duplicate) continue;
    double w, wf;
    student_t<kKernel>(d2, dof, exponent, &w, &wf);
    const double sz = size * l.weight[g];
    l.sum_w[g] += sz * w;
    for (size_t d = 0; d < D; ++d) l.acc[d][g] += sz * wf * diff[d];
  }
}

template <size_t D, int kKernel>
double SpaceTree::group_repulsion(const double* points, const uint32_t* group, size_t count, double theta_sq,
                                  double dof, double* forces) const {
  // The group padded to kGroup lanes of weight 0: a fixed-length loop without branches.
  Lanes<D, kGroup> l;
  double lo[D], hi[D];
  for (size_t g = 0; g < kGroup; ++g) l.weight[g] = g < count ? 1.0 : 0.0;
  for (size_t d = 0; d < D; ++d) {
    lo[d] = hi[d] = points[size_t(group[0]) * D + d];
    for (size_t g = 0; g < kGroup; ++g) {
      l.pos[d][g] = points[size_t(group[g < count ? g : 0]) * D + d];
      lo[d] = std::min(lo[d], l.pos[d][g]);
      hi[d] = std::max(hi[d], l.pos[d][g]);
    }
  }
  const Node* nodes = nodes_.data();
  const uint32_t total = uint32_t(nodes_.size());
  uint32_t k = 0;
  while (k < total) {
    const Node& node = nodes[k];
    const bool leaf = node.next == k + 1;
    if (!leaf) {
      double box_d2 = 0;  // from the centre of mass to the nearest point of the group's box
      for (size_t d = 0; d < D; ++d) {
        const double b = node.barycenter[d];
        const double gap = b < lo[d] ? lo[d] - b : (b > hi[d] ? b - hi[d] : 0.0);
        box_d2 += gap * gap;
      }
      if (!(node.squared_max_width < theta_sq * box_d2)) {
        ++k;  // too close for some point of the group: walk into the children
        continue;
      }
    }
    add_cell<D, kKernel>(l, node.barycenter, node.size, leaf ? kDuplicate : -1.0, dof);
    k = node.next;
  }
  double z = 0;
  for (size_t g = 0; g < count; ++g) {
    z += l.sum_w[g];
    for (size_t d = 0; d < D; ++d) forces[size_t(group[g]) * D + d] += l.acc[d][g];
  }
  return z;
}

double SpaceTree::repulsion_all(const double* points, double theta, double dof, double* forces) const {
  const double theta_sq = theta * theta;
  double z = 0;
  for (size_t first = 0; first < order_.size(); first += kGroup) {
    const size_t count = std::min(kGroup, order_.size() - first);
    const uint32_t* group = order_.data() + first;
    switch ((dims_ == 2 ? 0 : 3) + kernel_of(dof)) {
      case 0: z += group_repulsion<2, kDofOne>(points, group, count, theta_sq, dof, forces); break;
      case 1: z += group_repulsion<2, kDofTwo>(points, group, count, theta_sq, dof, forces); break;
      case 2: z += group_repulsion<2, kAnyDof>(points, group, count, theta_sq, dof, forces); break;
      case 3: z += group_repulsion<3, kDofOne>(points, group, count, theta_sq, dof, forces); break;
      case 4: z += group_repulsion<3, kDofTwo>(points, group, count, theta_sq, dof, forces); break;
      default: z += group_repulsion<3, kAnyDof>(points, group, count, theta_sq, dof, forces); break;
    }
  }
  return z;
}

double SpaceTree::repulsion(const double* point, double theta, double dof, double* force) const {
  const double theta_sq = theta * theta;
  if (dims_ == 2) {
    return dof == 1.0 ? repulsion_impl<2, kDofOne>(point, theta_sq, dof, force)
                      : repulsion_impl<2, kAnyDof>(point, theta_sq, dof, force);
  }
  return dof == 1.0 ? repulsion_impl<3, kDofOne>(point, theta_sq, dof, force)
                    : repulsion_impl<3, kAnyDof>(point, theta_sq, dof, force);
}

}  // namespace playground
