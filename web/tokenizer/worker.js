// The tokenizer worker: a module worker answering the jobs of engine.js through the library's
// job protocol (lib/jobs.js). Created by client.js with
// new Worker(new URL("./worker.js", import.meta.url), { type: "module" }).
import { serveJobs, withTransfer } from "../lib/jobs.js";
import { createTokenizerJobs } from "./engine.js";

serveJobs(self, createTokenizerJobs(() => import("../lib/playground.js"), withTransfer));
