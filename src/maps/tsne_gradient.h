// The gradient of t-SNE's cost KL(P || Q) with respect to the map points (van der Maaten &
// Hinton 2008, eq. 5; van der Maaten 2014, eq. 7-8). Q is the Student-t kernel with `dof`
// degrees of freedom, w_ij = (dof / (dof + |y_i - y_j|^2))^((dof + 1) / 2), q_ij = w_ij / Z,
// Z = sum_{k != l} w_kl; the gradient is
//   dC/dy_i = c * (sum_j p_ij f_ij (y_i - y_j) - sum_j w_ij f_ij (y_i - y_j) / Z),
// with f_ij = dof / (dof + |y_i - y_j|^2) and c = 2 (dof + 1) / dof. For dof = 1 (2-D maps)
// this is scikit-learn 1.2's gradient term for term. For dof != 1 scikit-learn uses w_ij in
// place of f_ij, which is not the derivative of its own cost (scipy's check_grad on
// sklearn.manifold._t_sne._kl_divergence with dof = 2 gives an error as large as the gradient);
// we use the true derivative, so 3-D maps (dof = 2, as scikit-learn picks) descend the cost
// that is reported.
#pragma once

#include <cstddef>

#include "maps/sparse_graph.h"
#include "maps/space_tree.h"

namespace playground {

// The cost that scikit-learn reports, from P's stored entries only:
// sum_ij p_ij log(max(p_ij, tiny) / max(w_ij / Z, tiny)), tiny = FLT_MIN.
double tsne_kl_divergence(const SparseGraph& p, const double* y, size_t dims, double dof, double z);

// Exact gradient in O(n^2) time (for tests and very small maps). `y` holds p.n points of
// `dims` values; `grad` receives as many. P's entries are multiplied by `p_scale` (early
// exaggeration). Returns Z.
double tsne_exact_gradient(const SparseGraph& p, const double* y, size_t dims, double dof, double p_scale,
                           double* grad);

// Barnes-Hut gradient in O(n log n): the repulsion from `tree` (rebuilt here over y; its
// group walk, SpaceTree::repulsion_all) with accuracy theta (0 = exact), the attraction over
// P's entries. Returns the estimate of Z.
double tsne_barnes_hut_gradient(const SparseGraph& p, const double* y, size_t dims, double dof, double p_scale,
                                double theta, SpaceTree* tree, double* grad);

// The attraction term alone: attraction[i] = sum_j p_scale p_ij f_ij (y_i - y_j) (no factor c).
// P must be symmetric (as tsne_affinities makes it); dims 2 or 3.
void tsne_attraction(const SparseGraph& p, const double* y, size_t dims, double dof, double p_scale,
                     double* attraction);

}  // namespace playground
