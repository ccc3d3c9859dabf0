// The seeded generator of the JS tests (mulberry32): the same seed gives the same cases on
// every machine, so a failure can be replayed.
// TODO(issue 6): switch to the project's shared generator (tools/random.mjs) once it lands.

/** A function returning uniform numbers in [0, 1), determined by the 32-bit `seed`. */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
