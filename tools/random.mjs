// The seeded pseudo-random generator of the project's JS tools, tests and benchmarks: mulberry32
// (Tommy Ettinger's 32-bit generator), small, fast and the same stream on every machine, so
// sampled reference data (assets/glove-6b-100d-10k.reference.json) and random test inputs are
// reproducible. Not for anything that needs statistical strength or secrecy. (The C++ core has
// its own, src/common/random.h.)
//
//   import { mulberry32, randomInt, pick } from "../tools/random.mjs";
//   const next = mulberry32(42);       // next() -> a float in [0, 1)
//   randomInt(next, 6);                // an integer in [0, 6)
//   pick(next, ["a", "b", "c"]);       // one element

/** A generator of floats in [0, 1) with 32 random bits each, seeded by the integer `seed`. */
export function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n) from the generator `next`. */
export function randomInt(next, n) {
  return Math.floor(next() * n);
}

/** One element of the non-empty array `items`, from the generator `next`. */
export function pick(next, items) {
  return items[randomInt(next, items.length)];
}
