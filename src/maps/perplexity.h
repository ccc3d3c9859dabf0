// Per-point Gaussian bandwidths for t-SNE's input affinities (van der Maaten & Hinton 2008,
// section 2): for each point i, the precision beta_i = 1 / (2 sigma_i^2) of a Gaussian over
// its neighbours such that the conditional distribution p_{j|i} has the wanted perplexity
// 2^H (H in bits; equivalently entropy log(perplexity) in nats). Found by bisection exactly
// as scikit-learn 1.2's _binary_search_perplexity (sklearn/manifold/_utils.pyx): beta starts
// at 1, doubles or halves until bracketed, then bisects; at most 100 steps; stops when the
// entropy is within 1e-5 nats of the target.
#pragma once

#include <cstddef>

namespace playground {

// For n rows of k squared distances (row-major, float32 as scikit-learn passes them), writes
// the conditional probabilities p_{j|i} (each row sums to 1) to `p` (n * k) and, when `betas`
// is not null, the precision that gave each row to betas[i]. The caller checks perplexity in (0, k].
void binary_search_perplexity(const float* sq_distances, size_t n, size_t k, double perplexity, float* p,
                              double* betas);

// The entropy in nats of one row of probabilities (for the tests and diagnostics).
double row_entropy(const float* p, size_t k);

}  // namespace playground
