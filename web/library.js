// The library (lib/playground.js and lib/jobs.js, built from wasm/) as the page sees it. The
// page imports it only here, and dynamically, so that a page whose lib/ is missing or broken
// still starts and says what went wrong instead of staying blank.
let module = null;
let loading = null;

/** Imports lib/playground.js (once; again after a failure). */
export function loadLibrary() {
  loading ??= import("./lib/playground.js").then(
    (loaded) => (module = loaded),
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Imports lib/jobs.js, the page ↔ worker protocol. */
export function loadJobs() {
  return import("./lib/jobs.js");
}

/** The library module once loadLibrary() has resolved, null before. */
export function loadedLibrary() {
  return module;
}

/** Whether `error` is the library's PlaygroundError (from the page's thread or rebuilt from a worker's). */
export function isPlaygroundError(error) {
  const PlaygroundError = module?.PlaygroundError;
  return !!PlaygroundError && error instanceof PlaygroundError;
}
