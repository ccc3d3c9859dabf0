// The Embind objects behind Vectors and Tokenizer: created and loaded here, deleted by
// dispose() or, if the caller never disposes, when JS collects the wrapper object.
import { unwrap } from "./errors.js";

const finalizer = typeof FinalizationRegistry === "function" ? new FinalizationRegistry((handle) => handle.delete()) : null;

/** A new `Handle` (an Embind class) loaded with the asset `bytes`; deleted again if loading fails. */
export function loadHandle(Handle, bytes) {
  const handle = new Handle();
  try {
    unwrap(handle.load(bytes));
  } catch (error) {
    handle.delete();
    throw error;
  }
  return handle;
}

/** Deletes `handle` when `owner` is collected (unless release() came first). */
export function track(owner, handle) {
  finalizer?.register(owner, handle, owner);
}

/** Deletes `handle` now and forgets `owner`'s registration. */
export function release(owner, handle) {
  finalizer?.unregister(owner);
  handle.delete();
}
