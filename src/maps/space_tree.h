// The Barnes-Hut space-partitioning tree of t-SNE's gradient (van der Maaten 2014, section
// 4.2; Barnes & Hut 1986): a quadtree over 2-D or an octree over 3-D map points, each cell
// holding its points' count and centre of mass, so that the repulsion of a far cell is one
// term. Built and queried exactly as scikit-learn 1.2's _QuadTree: root box from the data's
// bounds with the upper edge pushed out by max(0.1 %, 1e-3), points inserted in order,
// coordinates closer than 1e-6 on every axis kept as one leaf, and a cell summarised when it
// is a leaf or when max_width^2 / distance^2 < theta^2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace playground {

class SpaceTree {
 public:
  // dims must be 2 or 3 (the caller checks).
  explicit SpaceTree(size_t dims);

  // Rebuilds the tree over n points (row-major, dims values each); reuses its memory.
  void build(const double* points, size_t n);

  // The repulsion of all other points on `point` (one of the built points): returns
  // sum over summary cells of size * w and adds size * w * f * (point - centre of mass)
  // to force[0 .. dims), where w = (dof / (dof + d^2))^((dof + 1) / 2) is t-SNE's unnormalised
  // Student-t similarity at squared distance d^2 and f = dof / (dof + d^2) its log-derivative
  // factor (w = f when dof = 1). Leaves within 1e-6 of the point (itself and exact duplicates)
  // are skipped, as in scikit-learn. theta = 0 visits every leaf (the exact sums).
  double repulsion(const double* point, double theta, double dof, double* force) const;

  size_t cell_count() const { return cells_.size(); }

 private:
  struct Cell {
    double barycenter[3];
    double center[3];
    double min_bound[3];
    double max_bound[3];
    double squared_max_width;
    uint32_t size;       // points in the subtree (duplicates included)
    int32_t point;       // the point of a non-empty leaf, -1 otherwise
    int32_t children[8]; // -1 when absent
    bool leaf;
  };

  void insert(const double* p, int32_t index);
  int32_t new_child(int32_t parent, const double* p, int32_t index, uint32_t size);
  template <size_t D, bool kDofOne>
  double repulsion_impl(const double* point, double theta_sq, double dof, double* force) const;

  size_t dims_;
  std::vector<Cell> cells_;
  mutable std::vector<int32_t> stack_;
};

}  // namespace playground
