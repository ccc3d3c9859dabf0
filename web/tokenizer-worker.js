// Module worker that tokenizes off the main thread (see tokenizer-engine.js for the messages).
// Created by tokenizer-client.js with new Worker(new URL("./tokenizer-worker.js", import.meta.url), { type: "module" }).
import { createEngine } from "./tokenizer-engine.js";

const engine = createEngine(() => import("./lib/playground.js"));
self.addEventListener("message", (event) => {
  engine.handle(event.data, (reply, transfer = []) => self.postMessage(reply, transfer));
});
