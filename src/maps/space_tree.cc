#include "maps/space_tree.h"

#include <algorithm>
#include <cmath>

namespace playground {

namespace {
constexpr double kDuplicate = 1e-6;  // scikit-learn's EPSILON for duplicate points
constexpr int kMaxDepth = 64;        // beyond this, keep what is left in one leaf
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

template <size_t D, bool kDofOne>
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
    if (kDofOne) {
      w = 1.0 / (1.0 + d2);
      wf = w * w;
    } else {
      const double f = dof / (dof + d2);
      w = std::pow(f, exponent);
      wf = w * f;
    }
    sum_w += node.size * w;
    const double m = node.size * wf;
    for (size_t d = 0; d < D; ++d) acc[d] += m * diff[d];
    k = node.next;
  }
  for (size_t d = 0; d < D; ++d) force[d] += acc[d];
  return sum_w;
}

double SpaceTree::repulsion(const double* point, double theta, double dof, double* force) const {
  const double theta_sq = theta * theta;
  if (dims_ == 2) {
    return dof == 1.0 ? repulsion_impl<2, true>(point, theta_sq, dof, force)
                      : repulsion_impl<2, false>(point, theta_sq, dof, force);
  }
  return dof == 1.0 ? repulsion_impl<3, true>(point, theta_sq, dof, force)
                    : repulsion_impl<3, false>(point, theta_sq, dof, force);
}

}  // namespace playground
