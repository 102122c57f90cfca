#!/usr/bin/env node
import module from "node:module";

// From Node 22.1, V8's compiled code of the modules imported below is kept on disk between runs,
// which spares most of what start-up spends compiling (docs/performance.md). Node 20 has no such
// cache: nothing happens there.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that stops early (`conforme lint . | head`) closes the pipe: the rest of the output has
// no reader, which is no failure of the run and deserves no stack trace. The exit code stays the
// run's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

const { main } = await import("./main.js");
process.exitCode = await main({ argv: process.argv.slice(2), cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
