import { run } from "./run.js";

// The runner reads the exit code; run() sets it and never throws.
await run(process.env);
