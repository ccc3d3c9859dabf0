// Semantic axes, as word2viz (Julia Bazińska, lamyiowce/word2viz) draws them: each axis is a
// direction in the vector space given by two words or two groups of words, and a word's
// coordinate on it is the cosine between the word's vector and that direction:
//
//   direction = mean(unit(v_w) for w in to) - mean(unit(v_w) for w in from)
//   coordinate(v) = cos(v, direction) = (v . direction) / (|v| |direction|),   in [-1, 1].
//
// A word pair "he -> she" is the group case with one word each: direction = unit(she) -
// unit(he), so words nearer "she" get positive values. The group members are unit-normalized
// first so that every word weighs the same whatever its vector's length (word2viz subtracts
// the vectors as loaded); v itself needs no normalizing, as the cosine does not depend on its
// length.
#pragma once

#include <cstddef>
#include <vector>

#include "vectors/vector_store.h"

namespace playground {

struct SemanticAxis {
  std::vector<size_t> from;  // rows of the negative end (e.g. "he", or "poor")
  std::vector<size_t> to;    // rows of the positive end (e.g. "she", or "rich")
};

// The direction of an axis (store.dim() values, not normalized). Throws Error(kBadArgument)
// when a group is empty or a row is invalid, and when both ends average to the same point
// (for example the same word on both sides), which gives no direction.
std::vector<double> semantic_direction(const VectorStore& store, const SemanticAxis& axis);

// Coordinates of the given rows on 1 to 3 axes: rows.size() * axes.size() values, row-major.
// Throws Error(kBadArgument) for no rows, invalid or repeated rows, or 0 or more than 3 axes.
std::vector<double> semantic_axes(const VectorStore& store, const std::vector<size_t>& rows,
                                  const std::vector<SemanticAxis>& axes);

}  // namespace playground
