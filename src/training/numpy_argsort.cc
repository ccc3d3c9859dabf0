#include "training/numpy_argsort.h"

#include <cstddef>
#include <utility>

namespace playground {
namespace {

constexpr int64_t kSmallQuicksort = 15;

// numpy's npy_get_msb: floor(log2(n)) for n > 0.
int msb(uint64_t n) {
  int depth = 0;
  while (n >>= 1) ++depth;
  return depth;
}

// Moves `tmp` down the 1-based heap a[1..n] from slot i, as both loops of numpy's aheapsort_ do.
void sift_down(const int64_t* v, uint32_t* a, int64_t i, int64_t n, uint32_t tmp) {
  for (int64_t j = i << 1; j <= n;) {
    if (j < n && v[a[j]] < v[a[j + 1]]) j += 1;
    if (!(v[tmp] < v[a[j]])) break;
    a[i] = a[j];
    i = j;
    j += j;
  }
  a[i] = tmp;
}

// numpy's aheapsort_ on tosort[0, n).
void heapsort(const int64_t* v, uint32_t* tosort, int64_t n) {
  uint32_t* a = tosort - 1;  // 1-based heap indexing, as numpy does
  for (int64_t l = n >> 1; l > 0; --l) sift_down(v, a, l, n, a[l]);
  for (; n > 1;) {
    const uint32_t tmp = a[n];
    a[n] = a[1];
    n -= 1;
    sift_down(v, a, 1, n, tmp);
  }
}

}  // namespace

std::vector<uint32_t> numpy_argsort(const std::vector<int64_t>& keys) {
  const int64_t num = int64_t(keys.size());
  std::vector<uint32_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = uint32_t(i);
  if (num < 2) return order;
  const int64_t* v = keys.data();
  uint32_t* pl = order.data();
  uint32_t* pr = pl + num - 1;
  uint32_t* stack[128];
  uint32_t** sptr = stack;
  int depth[128];
  int* psdepth = depth;
  int cdepth = msb(uint64_t(num)) * 2;
  uint32_t *pm, *pi, *pj, *pk;
  for (;;) {
    if (cdepth < 0) {
      heapsort(v, pl, pr - pl + 1);
      goto stack_pop;
    }
    while ((pr - pl) > kSmallQuicksort) {
      pm = pl + ((pr - pl) >> 1);
      if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
      if (v[*pr] < v[*pm]) std::swap(*pr, *pm);
      if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
      const int64_t vp = v[*pm];
      pi = pl;
      pj = pr - 1;
      std::swap(*pm, *pj);
      for (;;) {
        do ++pi; while (v[*pi] < vp);
        do --pj; while (vp < v[*pj]);
        if (pi >= pj) break;
        std::swap(*pi, *pj);
      }
      pk = pr - 1;
      std::swap(*pi, *pk);
      // Push the larger partition, sort the smaller one next.
      if (pi - pl < pr - pi) {
        *sptr++ = pi + 1;
        *sptr++ = pr;
        pr = pi - 1;
      } else {
        *sptr++ = pl;
        *sptr++ = pi - 1;
        pl = pi + 1;
      }
      *psdepth++ = --cdepth;
    }
    // Insertion sort.
    for (pi = pl + 1; pi <= pr; ++pi) {
      const uint32_t vi = *pi;
      const int64_t vv = v[vi];
      pj = pi;
      pk = pi - 1;
      while (pj > pl && vv < v[*pk]) *pj-- = *pk--;
      *pj = vi;
    }
  stack_pop:
    if (sptr == stack) break;
    pr = *(--sptr);
    pl = *(--sptr);
    cdepth = *(--psdepth);
  }
  return order;
}

}  // namespace playground
