#include "maps/space_tree.h"

#include <algorithm>
#include <cmath>

namespace playground {

namespace {
constexpr double kDuplicate = 1e-6;  // scikit-learn's EPSILON for duplicate points
}

SpaceTree::SpaceTree(size_t dims) : dims_(dims) {}

void SpaceTree::build(const double* points, size_t n) {
  cells_.clear();
  Cell root{};
  for (size_t d = 0; d < dims_; ++d) {
    double lo = points[d], hi = points[d];
    for (size_t i = 1; i < n; ++i) {
      lo = std::min(lo, points[i * dims_ + d]);
      hi = std::max(hi, points[i * dims_ + d]);
    }
    const double sign = hi > 0 ? 1.0 : (hi < 0 ? -1.0 : 0.0);
    hi = std::max(hi * (1.0 + 1e-3 * sign), hi + 1e-3);
    root.min_bound[d] = lo;
    root.max_bound[d] = hi;
    root.center[d] = (lo + hi) / 2;
    root.squared_max_width = std::max(root.squared_max_width, (hi - lo) * (hi - lo));
  }
  root.point = -1;
  std::fill(std::begin(root.children), std::end(root.children), -1);
  root.leaf = true;
  cells_.push_back(root);
  for (size_t i = 0; i < n; ++i) insert(points + i * dims_, int32_t(i));
}

int32_t SpaceTree::new_child(int32_t parent, const double* p, int32_t index, uint32_t size) {
  Cell child{};
  const Cell& cell = cells_[size_t(parent)];
  size_t slot = 0;
  for (size_t d = 0; d < dims_; ++d) {
    slot *= 2;
    if (p[d] >= cell.center[d]) {
      ++slot;
      child.min_bound[d] = cell.center[d];
      child.max_bound[d] = cell.max_bound[d];
    } else {
      child.min_bound[d] = cell.min_bound[d];
      child.max_bound[d] = cell.center[d];
    }
    child.center[d] = (child.min_bound[d] + child.max_bound[d]) / 2;
    const double width = child.max_bound[d] - child.min_bound[d];
    child.squared_max_width = std::max(child.squared_max_width, width * width);
    child.barycenter[d] = p[d];
  }
  child.point = index;
  child.size = size;
  child.leaf = true;
  std::fill(std::begin(child.children), std::end(child.children), -1);
  const int32_t id = int32_t(cells_.size());
  cells_[size_t(parent)].leaf = false;
  cells_[size_t(parent)].point = -1;
  cells_[size_t(parent)].children[slot] = id;
  cells_.push_back(child);  // may move cells_: no references held across this line
  return id;
}

void SpaceTree::insert(const double* p, int32_t index) {
  int32_t id = 0;
  for (;;) {
    Cell& cell = cells_[size_t(id)];
    if (cell.size == 0) {  // empty leaf (only the root can be one)
      cell.size = 1;
      for (size_t d = 0; d < dims_; ++d) cell.barycenter[d] = p[d];
      cell.point = index;
      return;
    }
    if (!cell.leaf) {
      const double n = cell.size;
      for (size_t d = 0; d < dims_; ++d) cell.barycenter[d] = (n * cell.barycenter[d] + p[d]) / (n + 1);
      cell.size += 1;
      size_t slot = 0;
      for (size_t d = 0; d < dims_; ++d) slot = slot * 2 + (p[d] >= cell.center[d] ? 1 : 0);
      if (cell.children[slot] == -1) {
        new_child(id, p, index, 1);
        return;
      }
      id = cell.children[slot];
      continue;
    }
    bool duplicate = true;
    for (size_t d = 0; d < dims_; ++d) duplicate &= std::fabs(p[d] - cell.barycenter[d]) <= kDuplicate;
    if (duplicate) {
      cell.size += 1;
      return;
    }
    // Split the leaf: its point(s) move to a new child, then insert again from this cell.
    double moved[3];
    for (size_t d = 0; d < dims_; ++d) moved[d] = cell.barycenter[d];
    new_child(id, moved, cell.point, cell.size);
  }
}

template <size_t D, bool kDofOne>
double SpaceTree::repulsion_impl(const double* point, double theta_sq, double dof, double* force) const {
  double sum_w = 0;
  double acc[D] = {};
  const double exponent = (dof + 1) / 2;
  stack_.clear();
  stack_.push_back(0);
  while (!stack_.empty()) {
    const Cell& cell = cells_[size_t(stack_.back())];
    stack_.pop_back();
    double diff[D];
    double d2 = 0;
    bool duplicate = true;
    for (size_t d = 0; d < D; ++d) {
      diff[d] = point[d] - cell.barycenter[d];
      d2 += diff[d] * diff[d];
      duplicate &= std::fabs(diff[d]) <= kDuplicate;
    }
    if (cell.leaf) {
      if (duplicate) continue;  // the point itself
    } else if (!(cell.squared_max_width < theta_sq * d2)) {
      // Not far enough: open the cell. Children are pushed in reverse so that they are
      // visited in scikit-learn's order.
      for (int c = (1 << D) - 1; c >= 0; --c) {
        if (cell.children[c] != -1) stack_.push_back(cell.children[c]);
      }
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
    sum_w += cell.size * w;
    const double m = cell.size * wf;
    for (size_t d = 0; d < D; ++d) acc[d] += m * diff[d];
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
